import SpecModel

/// Indented JSON for drafted examples; numbers keep their text and members their order.
enum PrettyJSON {
    static func text(_ value: JSONDocument, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n
        case let .string(s): return YAMLText.quoted(s)
        case let .array(items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(isScalar) { return "[" + items.map { text($0) }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { inner + text($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case let .object(members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { inner + YAMLText.quoted($0.key) + ": " + text($0.value, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "}"
        }
    }

    static func isScalar(_ value: JSONDocument) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }
}
