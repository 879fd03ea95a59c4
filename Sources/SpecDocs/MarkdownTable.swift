import Foundation
import SpecModel

/// Pipe-table rows: `| a | b |`, and the JEX style without outer pipes (`a | b`).
enum MarkdownTable {
    /// True for a delimiter row such as `| --- | :---: |` or `------------ | ------------`.
    static func isDelimiterRow(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.contains("-"), trimmed.contains("|") else { return false }
        let cells = trimmed.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        return !cells.isEmpty
            && cells.allSatisfy { cell in
                !cell.isEmpty && cell.allSatisfy { $0 == "-" || $0 == ":" } && cell.contains("-")
            }
    }

    /// True when the line has a cell separator (an unescaped pipe outside code).
    static func hasPipe(_ line: String) -> Bool { !separatorOffsets(line).isEmpty }

    /// The cells of a row with the column (1-based, in Unicode scalars) where each cell's text starts.
    static func cells(_ line: String, file: String, line number: Int) -> [DocTable.Cell] {
        let scalars = Array(line.unicodeScalars)
        let pipes = separatorOffsets(line)
        var bounds: [(Int, Int)] = []
        var start = 0
        for pipe in pipes {
            bounds.append((start, pipe))
            start = pipe + 1
        }
        bounds.append((start, scalars.count))
        // Outer pipes leave an empty first and last piece.
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("|"), bounds.count > 1 { bounds.removeFirst() }
        if trimmed.hasSuffix("|"), !trimmed.hasSuffix("\\|"), bounds.count > 1 { bounds.removeLast() }
        return bounds.map { lower, upper in
            var lo = lower
            while lo < upper, CharacterSet.whitespaces.contains(scalars[lo]) { lo += 1 }
            var text = String(String.UnicodeScalarView(scalars[lo..<upper]))
            text = text.trimmingCharacters(in: .whitespaces)
            return DocTable.Cell(text: text, at: SourceLocation(file: file, line: number, column: lo + 1))
        }
    }

    /// Offsets (in Unicode scalars) of the unescaped pipes outside code spans.
    private static func separatorOffsets(_ line: String) -> [Int] {
        var offsets: [Int] = []
        var inCode = false
        var escaped = false
        for (i, scalar) in line.unicodeScalars.enumerated() {
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "`" {
                inCode.toggle()
            } else if scalar == "|", !inCode {
                offsets.append(i)
            }
        }
        // An unbalanced backtick would hide every later pipe: fall back to all unescaped pipes.
        if inCode {
            offsets = []
            escaped = false
            for (i, scalar) in line.unicodeScalars.enumerated() {
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "|" { offsets.append(i) }
            }
        }
        return offsets
    }
}
