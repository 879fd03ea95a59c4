import Foundation
import SpecModel

/// Writes YAML scalars for drafted specs: plain where that is safe, double-quoted otherwise.
enum YAMLText {
    static let reserved: Set = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    /// A scalar usable in block and flow context.
    static func scalar(_ text: String) -> String {
        let safe = text.range(of: #"^[A-Za-z_/][A-Za-z0-9_ ./()\-]*$"#, options: .regularExpression) != nil
        if safe, !reserved.contains(text.lowercased()), !text.hasSuffix(" "), !text.contains("  ") { return text }
        return quoted(text)
    }

    /// A double-quoted scalar: a JSON string literal is one, escapes and all.
    static func quoted(_ text: String) -> String { JSONDocument.quote(text) }

    /// A literal block (`|`) indented by `indent` spaces.
    static func block(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return "|\n" + text.components(separatedBy: "\n").map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
}
