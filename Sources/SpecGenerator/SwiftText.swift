import Foundation
import SpecModel

/// Escaping and doc-comment helpers: the only place text from a spec is turned into Swift tokens.
enum SwiftText {
    /// The line length of generated code (`.swift-format`'s `lineLength`).
    static let lineLength = 170

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
        for paragraph in paragraphs.compactMap({ $0.map(trimmed) }) where !paragraph.isEmpty {
            if !lines.isEmpty { lines.append("///") }
            for line in split(paragraph, at: "\n", omittingEmpty: false, plain: isPlainASCII(paragraph)) {
                let text = trimmed(line)
                lines += text.isEmpty ? ["///"] : wrap(text).map { "/// \($0)" }
            }
        }
        let present = facts.compactMap { key, value in value.map { (key, $0) } }
        if !present.isEmpty {
            if !lines.isEmpty { lines.append("///") }
            // A fact is one item, whatever line breaks the spec's text holds.
            for (key, value) in present {
                let text = value.split(whereSeparator: \.isNewline).map(trimmed).joined(separator: " ")
                lines += wrap("- \(key): \(text)").map { "/// \($0)" }
            }
        }
        return lines
    }

    /// Breaks `text` at spaces into lines of at most `width` characters; a list item's continuation lines are
    /// indented under its text, so Markdown keeps the structure. Each line's length is kept as it grows: counting
    /// a `String`'s characters walks it.
    static func wrap(_ text: String, width: Int = 110) -> [String] {
        let plain = isPlainASCII(text)
        let indent = listMarkerLength(text)
        var lines: [String] = []
        var current = ""
        var length = 0
        for word in split(text, at: " ", omittingEmpty: true, plain: plain) {
            let wordLength = plain ? word.utf8.count : word.count
            if length > 0, length + 1 + wordLength > width {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word
                length = indent + wordLength
            } else {
                if length > 0 {
                    current += " "
                    length += 1
                }
                current += word
                length += wordLength
            }
        }
        if length > 0 { lines.append(current) }
        return lines
    }

    /// `text` cut at `separator` (an ASCII character), exactly as splitting its characters would. `plain` text
    /// (`isPlainASCII`, which the caller has checked) is cut byte by byte, which is several times quicker: telling
    /// characters apart walks grapheme rules, and doc comments were a tenth of a generation run's CPU.
    static func split(_ text: String, at separator: Character, omittingEmpty: Bool, plain: Bool) -> [Substring] {
        guard plain, let byte = separator.asciiValue else {
            return text.split(separator: separator, omittingEmptySubsequences: omittingEmpty)
        }
        return text.utf8.split(separator: byte, omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }

    /// Whether each character of `text` is one ASCII byte: no byte above 0x7F, and no CR (which joins a following LF).
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") }
    }

    /// `text` without leading and trailing whitespace or line breaks. Foundation's `trimmingCharacters(in:)` goes
    /// through NSString on Linux, which cost a tenth of a generation run.
    static func trimmed(_ text: some StringProtocol) -> String {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }), let end = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[start...end])
    }

    /// The length of a Markdown list marker that starts `text` (`- `, `* ` or `12. `), else 0. Written out by
    /// hand: a regex literal is compiled each time it runs, and this runs for every documentation line.
    static func listMarkerLength(_ text: String) -> Int {
        let utf8 = Array(text.utf8.prefix(12))
        if utf8.count >= 2, utf8[0] == UInt8(ascii: "-") || utf8[0] == UInt8(ascii: "*"), utf8[1] == UInt8(ascii: " ") { return 2 }
        let digits = utf8.prefix { $0 &- UInt8(ascii: "0") < 10 }.count
        guard digits > 0, utf8.count >= digits + 2, utf8[digits] == UInt8(ascii: "."), utf8[digits + 1] == UInt8(ascii: " ") else { return 0 }
        return digits + 2
    }
}
