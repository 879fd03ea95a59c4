import SpecModel

/// Escaping and doc-comment helpers: the only place text from a spec is turned into Swift tokens.
enum SwiftText {
    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `///` lines for a doc comment: paragraphs from the spec, then `- Key: value` facts.
    static func doc(_ paragraphs: [String?], facts: [(String, String?)] = []) -> [String] {
        var lines: [String] = []
        for paragraph in paragraphs.compactMap({ $0?.trimmingCharacters(in: .whitespacesAndNewlines) }) where !paragraph.isEmpty {
            if !lines.isEmpty { lines.append("///") }
            lines += paragraph.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let text = line.trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? "///" : "/// \(text)"
            }
        }
        let present = facts.compactMap { key, value in value.map { (key, $0) } }
        if !present.isEmpty {
            if !lines.isEmpty { lines.append("///") }
            // A fact is one line, whatever the spec's text holds.
            lines += present.map { "/// - \($0): \($1.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))" }
        }
        return lines
    }
}

import Foundation
