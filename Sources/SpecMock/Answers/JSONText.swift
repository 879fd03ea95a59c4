import SpecModel

/// Writing JSON text by hand, so examples keep every number's exact text.
enum JSONText {
    /// `value` as a JSON string literal.
    static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A parsed document written back as compact JSON, numbers as their original text.
    static func write(_ document: JSONDocument) -> String {
        switch document {
        case .null: "null"
        case let .bool(flag): flag ? "true" : "false"
        case let .number(text): text
        case let .string(text): quote(text)
        case let .array(items): "[" + items.map(write).joined(separator: ",") + "]"
        case let .object(members): "{" + members.map { quote($0.key) + ":" + write($0.value) }.joined(separator: ",") + "}"
        }
    }
}
