import Foundation

/// Writes YAML scalars for drafted specs: plain where that is safe, double-quoted otherwise.
enum YAMLText {
    static let reserved: Set = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    /// A scalar usable in block and flow context.
    static func scalar(_ text: String) -> String {
        let safe = text.range(of: #"^[A-Za-z_/][A-Za-z0-9_ ./()\-]*$"#, options: .regularExpression) != nil
        if safe, !reserved.contains(text.lowercased()), !text.hasSuffix(" "), !text.contains("  ") { return text }
        return quoted(text)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A literal block (`|`) indented by `indent` spaces.
    static func block(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        return "|\n" + text.components(separatedBy: "\n").map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
}
