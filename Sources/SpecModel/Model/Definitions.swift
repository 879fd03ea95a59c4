public struct EnumDef: Sendable, Hashable {
    public struct Value: Sendable, Hashable {
        public var value: Located<String>
        public var description: String?
        public var swiftName: String?
        public var deprecated: Bool
    }

    public var name: Located<String>
    public var description: String?
    public var values: [Value]
}

/// A field of an object model (or a slot of a positional one).
public struct Field: Sendable, Hashable {
    public var name: Located<String>
    public var type: Located<TypeRef>
    public var description: String?
    public var optional: Bool
    public var nullable: Bool
    public var condition: String?
    public var docsType: String?
    public var swiftName: String?
    public var deprecated: Bool
}

public struct Model: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case object([Field])
        case positional([Field])
        case polymorphic(discriminator: Located<String>, variants: [Variant])
    }

    public struct Variant: Sendable, Hashable {
        public var value: Located<String>
        public var model: Located<String>
    }

    public var name: Located<String>
    public var description: String?
    public var kind: Kind
    /// The venue's precision rules read from this model's values (`tradingRules`), if declared.
    public var tradingRules: TradingRules? = nil

    /// Fields of an object or positional model; empty for polymorphic ones.
    public var fields: [Field] {
        switch kind {
        case let .object(fields), let .positional(fields): fields
        case .polymorphic: []
        }
    }
}

extension Field {
    /// Whether the docs show this decimal as a JSON number (`docsType: number`) rather than the usual string.
    public var isNumericDecimal: Bool {
        type.value == .decimal && (docsType?.lowercased().contains("number") ?? false)
    }
}
