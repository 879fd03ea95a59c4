import Foundation
import SpecModel

/// Reads Markdown into blocks, line by line: ATX and setext headings, pipe tables (with or without outer pipes,
/// with cells continued on following lines), fenced and indented code, bare JSON, list items, block quotes, HTML
/// tables and front matter. Paragraphs stay separate lines, because the docs put meaning on single lines.
public struct MarkdownReader {
    public let file: String
    let lines: [String]
    var index = 0
    var blocks: [DocBlock] = []
    var inList = false
    /// The `title:` of the front matter, if any.
    public private(set) var title: String?

    public init(text: String, file: String) {
        self.file = file
        lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    }

    /// Reads the whole text.
    public static func read(_ text: String, file: String) -> (blocks: [DocBlock], title: String?) {
        var reader = MarkdownReader(text: text, file: file)
        reader.readAll()
        return (reader.blocks, reader.title)
    }

    mutating func readAll() {
        skipFrontMatter()
        while index < lines.count { readBlock() }
    }

    func at(_ line: Int, column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line + 1, column: column) }

    mutating func emit(_ kind: DocBlock.Kind, line: Int, column: Int = 1) { blocks.append(DocBlock(kind, at: at(line, column: column))) }

    mutating func skipFrontMatter() {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
            let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" })
        else { return }
        for line in lines[1..<end] where line.hasPrefix("title:") {
            title = line.dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
        }
        index = end + 1
    }

    mutating func readBlock() {
        let line = lines[index]
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let indent = Self.leadingColumns(line)
        if trimmed.isEmpty {
            emit(.blank, line: index)
            index += 1
            return
        }
        if readFence(trimmed) || readHTMLTable(trimmed) || readHeading(line, trimmed) || readTable(line) || readBareJSON(trimmed) {
            return
        }
        if indent >= 4, previousIsBlank, !inList {
            readIndentedCode()
            return
        }
        if Self.isThematicBreak(trimmed) {
            emit(.blank, line: index)
        } else if trimmed.hasPrefix(">") {
            emit(.text(String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)), line: index, column: indent + 2)
        } else if let item = Self.listItem(trimmed) {
            emit(.listItem(item), line: index, column: indent + 1)
            inList = true
        } else {
            if indent == 0, previousIsBlank { inList = false }
            emit(.text(trimmed), line: index, column: indent + 1)
        }
        index += 1
    }

    var previousIsBlank: Bool {
        guard let last = blocks.last else { return true }
        if case .blank = last.kind { return true }
        if case .heading = last.kind { return true }
        return false
    }

    // MARK: Blocks

    mutating func readFence(_ trimmed: String) -> Bool {
        guard let marker = ["```", "~~~"].first(where: { trimmed.hasPrefix($0) }) else { return false }
        let fence = String(trimmed.prefix { $0 == marker.first })
        let info = trimmed.dropFirst(fence.count).trimmingCharacters(in: .whitespaces)
        let start = index
        var body: [String] = []
        index += 1
        while index < lines.count {
            let t = lines[index].trimmingCharacters(in: .whitespaces)
            if t.hasPrefix(fence), t.drop(while: { $0 == marker.first }).trimmingCharacters(in: .whitespaces).isEmpty { break }
            body.append(lines[index])
            index += 1
        }
        index += 1
        // Located at the first line of the code, where a method and path or a JSON example starts.
        emit(.code(language: info.isEmpty ? nil : info, text: body.joined(separator: "\n")), line: start + 1)
        inList = false
        return true
    }

    mutating func readHTMLTable(_ trimmed: String) -> Bool {
        guard trimmed.lowercased().hasPrefix("<table") else { return false }
        let start = index
        var end = index
        while end < lines.count, !lines[end].lowercased().contains("</table>") { end += 1 }
        let fragment = lines[start...min(end, lines.count - 1)].joined(separator: "\n")
        blocks += HTMLReader.read(fragment, file: file, lineOffset: start).blocks
        index = end + 1
        return true
    }

    mutating func readHeading(_ line: String, _ trimmed: String) -> Bool {
        if Self.leadingColumns(line) < 4, trimmed.hasPrefix("#") {
            let level = trimmed.prefix { $0 == "#" }.count
            let rest = trimmed.dropFirst(level)
            guard level <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" else { return false }
            var text = rest.trimmingCharacters(in: .whitespaces)
            while text.hasSuffix("#"), text.dropLast().hasSuffix(" ") || text.allSatisfy({ $0 == "#" }) {
                text = String(text.dropLast()).trimmingCharacters(in: .whitespaces)
            }
            let column = Self.leadingColumns(line) + level + 1 + rest.prefix { $0 == " " || $0 == "\t" }.count
            emit(.heading(level: level, text: text), line: index, column: column)
            index += 1
            inList = false
            return true
        }
        // Setext: a line followed by === or ---.
        guard index + 1 < lines.count, Self.leadingColumns(line) < 4, Self.listItem(trimmed) == nil, !MarkdownTable.hasPipe(line) else { return false }
        let next = lines[index + 1].trimmingCharacters(in: .whitespaces)
        guard !next.isEmpty, next.allSatisfy({ $0 == "=" }) || (next.allSatisfy({ $0 == "-" }) && next.count >= 2) else { return false }
        emit(.heading(level: next.first == "=" ? 1 : 2, text: trimmed), line: index, column: Self.leadingColumns(line) + 1)
        index += 2
        inList = false
        return true
    }

    mutating func readTable(_ line: String) -> Bool {
        guard MarkdownTable.hasPipe(line), index + 1 < lines.count, MarkdownTable.isDelimiterRow(lines[index + 1]) else { return false }
        var table = DocTable(header: MarkdownTable.cells(line, file: file, line: index + 1), rows: [])
        let start = index
        index += 2
        while index < lines.count {
            let row = lines[index]
            let t = row.trimmingCharacters(in: .whitespaces)
            // A line of spaces is a hard line break inside a cell; a truly empty line ends the table.
            if row.isEmpty || t.hasPrefix("#") || t.hasPrefix("```") { break }
            if t.isEmpty {
                guard index + 1 < lines.count, !lines[index + 1].trimmingCharacters(in: .whitespaces).isEmpty, !table.rows.isEmpty else { break }
                table.rows[table.rows.count - 1][table.rows[table.rows.count - 1].count - 1].text += "\n"
                index += 1
                continue
            }
            if MarkdownTable.isDelimiterRow(row) {
                index += 1
                continue
            }
            if MarkdownTable.hasPipe(row) {
                table.rows.append(MarkdownTable.cells(row, file: file, line: index + 1))
            } else if !table.rows.isEmpty, !table.rows[table.rows.count - 1].isEmpty {
                // A cell continued on the next line (a hard line break in the original page).
                let r = table.rows.count - 1
                let c = table.rows[r].count - 1
                table.rows[r][c].text += "\n" + t
            } else {
                break
            }
            index += 1
        }
        emit(.table(table), line: start)
        inList = false
        return true
    }

    /// JSON pasted without a fence: a line that is just `{` or `[`, up to the line that balances it.
    mutating func readBareJSON(_ trimmed: String) -> Bool {
        guard trimmed == "{" || trimmed == "[" else { return false }
        var depth = 0
        var inString = false
        var escaped = false
        var end = index
        scan: while end < lines.count {
            for ch in lines[end] {
                if inString {
                    if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                } else if ch == "\"" {
                    inString = true
                } else if ch == "{" || ch == "[" {
                    depth += 1
                } else if ch == "}" || ch == "]" {
                    depth -= 1
                    if depth == 0 { break scan }
                }
            }
            end += 1
        }
        guard end < lines.count else { return false }
        emit(.code(language: nil, text: lines[index...end].joined(separator: "\n")), line: index)
        index = end + 1
        return true
    }

    mutating func readIndentedCode() {
        let start = index
        var body: [String] = []
        while index < lines.count {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                body.append("")
            } else if Self.leadingColumns(line) >= 4 {
                body.append(Self.dropIndent(line, columns: 4))
            } else {
                break
            }
            index += 1
        }
        while body.last == "" { body.removeLast() }
        emit(.code(language: nil, text: body.joined(separator: "\n")), line: start)
    }

    // MARK: Line helpers

    /// Indentation in columns (a tab counts 4).
    static func leadingColumns(_ line: String) -> Int {
        var n = 0
        for ch in line {
            if ch == " " { n += 1 } else if ch == "\t" { n += 4 } else { break }
        }
        return n
    }

    static func dropIndent(_ line: String, columns: Int) -> String {
        var n = 0
        var rest = Substring(line)
        while n < columns, let ch = rest.first, ch == " " || ch == "\t" {
            n += ch == "\t" ? 4 : 1
            rest = rest.dropFirst()
        }
        return String(rest)
    }

    static func isThematicBreak(_ trimmed: String) -> Bool {
        let chars = trimmed.filter { $0 != " " }
        guard chars.count >= 3, let first = chars.first, "-*_".contains(first) else { return false }
        return chars.allSatisfy { $0 == first }
    }

    /// The text of a list item line (`*   text`, `- text`, `1. text`), or nil.
    static func listItem(_ trimmed: String) -> String? {
        guard let first = trimmed.first else { return nil }
        var rest: Substring
        if "*+-".contains(first) {
            rest = trimmed.dropFirst()
        } else if first.isNumber {
            let digits = trimmed.prefix { $0.isNumber }
            rest = trimmed.dropFirst(digits.count)
            guard let dot = rest.first, dot == "." || dot == ")" else { return nil }
            rest = rest.dropFirst()
        } else {
            return nil
        }
        guard let space = rest.first, space == " " || space == "\t" else { return nil }
        return rest.trimmingCharacters(in: .whitespaces)
    }
}
