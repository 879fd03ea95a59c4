import Foundation

/// A type expression of the spec format: `STRING`, `DECIMAL`, `ARRAY OF Order`, `MAP OF AssetDetail`, an enum or
/// model name.
public indirect enum TypeRef: Sendable, Hashable, CustomStringConvertible {
    case string, decimal, int, long, boolean, datetime, json, empty
    case named(String)
    case array(TypeRef)
    case map(TypeRef)

    /// Scalar type words and their aliases.
    static let words: [String: TypeRef] = [
        "STRING": .string, "DECIMAL": .decimal, "BIGDECIMAL": .decimal, "INT": .int, "INTEGER": .int,
        "LONG": .long, "BOOLEAN": .boolean, "DATETIME": .datetime, "JSON": .json, "EMPTY": .empty,
    ]

    /// Parses a type expression; nil when it is not well formed (names are resolved later).
    public init?(parsing text: String) {
        let trimmed = Self.trimmed(text)
        for (prefix, make) in [("ARRAY OF ", TypeRef.array), ("MAP OF ", TypeRef.map)] where trimmed.hasPrefix(prefix) {
            guard let element = TypeRef(parsing: String(trimmed.dropFirst(prefix.count))) else { return nil }
            self = make(element)
            return
        }
        if let word = Self.words[trimmed] {
            self = word
        } else if let first = trimmed.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first),
            trimmed.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "_" }),
            trimmed.uppercased() != trimmed || trimmed.count == 1
        {
            self = .named(trimmed)
        } else {
            return nil
        }
    }

    /// `text` without surrounding whitespace; copied through NSString only when an end is whitespace (rarely).
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last)
        else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    public var description: String {
        switch self {
        case .string: "STRING"
        case .decimal: "DECIMAL"
        case .int: "INT"
        case .long: "LONG"
        case .boolean: "BOOLEAN"
        case .datetime: "DATETIME"
        case .json: "JSON"
        case .empty: "EMPTY"
        case let .named(name): name
        case let .array(element): "ARRAY OF \(element)"
        case let .map(element): "MAP OF \(element)"
        }
    }

    /// Every name this type refers to.
    public var referencedNames: [String] {
        switch self {
        case let .named(name): [name]
        case let .array(element), let .map(element): element.referencedNames
        default: []
        }
    }
}
