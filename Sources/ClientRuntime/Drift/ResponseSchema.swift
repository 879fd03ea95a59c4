/// What a spec says a response looks like, for drift checks: just enough of each type to tell whether a JSON
/// value still matches it. Generated clients hold one per model (`DriftSchemas` in each module);
/// `specgen check-traffic` builds the same values from the spec. ``DriftWalker`` compares JSON with them.
public indirect enum ResponseSchema: Sendable, Hashable, CustomStringConvertible {
    /// A JSON string.
    case string
    /// A decimal sent as a JSON string (`"0.0100"`), the usual form.
    case decimal
    /// A decimal the docs show as a JSON number (`docsType: number` in the spec).
    case decimalNumber
    /// A whole JSON number.
    case integer
    /// `true` or `false`.
    case boolean
    /// An ISO-8601 date-time string.
    case datetime
    /// Any JSON (the spec's `JSON`): not checked.
    case anything
    /// A string from a list of known values.
    case enumeration(EnumSchema)
    /// An object with named fields.
    case object(ObjectSchema)
    /// An array whose positions are the model's fields, in order.
    case positional(ObjectSchema)
    /// An array of one type.
    case array(ResponseSchema)
    /// An object keyed by names the spec does not fix, with values of one type.
    case map(ResponseSchema)
    /// An object whose kind a discriminator field names.
    case polymorphic(PolymorphicSchema)
    /// One of several shapes, when nothing says which (a response variant the request does not select):
    /// the one that fits best is reported.
    case oneOf([ResponseSchema])

    /// The type as findings name it: `a decimal string`, `OrderSide`, `an array`.
    public var description: String {
        switch self {
        case .string: "a string"
        case .decimal: "a decimal string"
        case .decimalNumber: "a decimal number"
        case .integer: "a whole number"
        case .boolean: "a boolean"
        case .datetime: "a date-time string"
        case .anything: "any JSON"
        case let .enumeration(schema): "a \(schema.name) value (a string)"
        case let .object(schema): "a \(schema.name) object"
        case let .positional(schema): "a \(schema.name) array"
        case .array: "an array"
        case .map: "an object keyed by name"
        case let .polymorphic(schema): "a \(schema.name) object"
        case .oneOf: "one of the response variants"
        }
    }

    /// An object model.
    public static func model(_ name: String, _ fields: [FieldSchema]) -> Self { .object(ObjectSchema(name: name, fields: fields)) }

    /// A positional model.
    public static func positionalModel(_ name: String, _ fields: [FieldSchema]) -> Self {
        .positional(ObjectSchema(name: name, fields: fields))
    }

    /// An enum with the values a generated enum lists.
    public static func enumeration<E: CaseIterable & RawRepresentable>(_ name: String, _ type: E.Type) -> Self
    where E.RawValue == String {
        .enumeration(EnumSchema(name: name, values: type.allCases.map(\.rawValue)))
    }

    /// A polymorphic model: discriminator value → variant schema.
    public static func polymorphicModel(_ name: String, discriminator: String, _ variants: [(String, ResponseSchema)]) -> Self {
        .polymorphic(PolymorphicSchema(name: name, discriminator: discriminator, variants: variants))
    }
}

/// A field of an object model, or a slot of a positional one.
public struct FieldSchema: Sendable, Hashable {
    /// The wire name.
    public let name: String
    /// The field's type.
    public let schema: ResponseSchema
    /// Whether the spec allows the field to be absent.
    public let optional: Bool
    /// Whether the spec allows `null`.
    public let nullable: Bool

    /// Creates a field.
    public init(name: String, schema: ResponseSchema, optional: Bool, nullable: Bool) {
        self.name = name
        self.schema = schema
        self.optional = optional
        self.nullable = nullable
    }

    /// A field the spec guarantees.
    public static func required(_ name: String, _ schema: ResponseSchema, nullable: Bool = false) -> Self {
        Self(name: name, schema: schema, optional: false, nullable: nullable)
    }

    /// A field that may be absent.
    public static func optional(_ name: String, _ schema: ResponseSchema, nullable: Bool = false) -> Self {
        Self(name: name, schema: schema, optional: true, nullable: nullable)
    }
}

/// The fields of an object (or the slots of a positional) model, with a lookup by wire name.
public final class ObjectSchema: Sendable, Hashable {
    /// The model name.
    public let name: String
    /// The fields in spec order.
    public let fields: [FieldSchema]
    /// Field wire names as UTF-8, for comparing keys without making strings.
    let names: [[UInt8]]
    /// Field position by wire name.
    let positions: [String: Int]

    /// Creates an object schema.
    public init(name: String, fields: [FieldSchema]) {
        self.name = name
        self.fields = fields
        names = fields.map { Array($0.name.utf8) }
        positions = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public static func == (lhs: ObjectSchema, rhs: ObjectSchema) -> Bool {
        lhs === rhs || (lhs.name == rhs.name && lhs.fields == rhs.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(fields.count)
    }
}

/// An enum's known values.
public final class EnumSchema: Sendable, Hashable {
    /// The enum name.
    public let name: String
    /// The values the spec lists.
    public let values: Set<String>
    /// The values as UTF-8, for checking a value without making a string.
    let utf8Values: [[UInt8]]

    /// Creates an enum schema.
    public init(name: String, values: some Sequence<String>) {
        self.name = name
        self.values = Set(values)
        utf8Values = self.values.sorted().map { Array($0.utf8) }
    }

    public static func == (lhs: EnumSchema, rhs: EnumSchema) -> Bool {
        lhs === rhs || (lhs.name == rhs.name && lhs.values == rhs.values)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A polymorphic model: the discriminator field and the schema of each kind.
public final class PolymorphicSchema: Sendable, Hashable {
    /// The model name.
    public let name: String
    /// The field whose value names the kind.
    public let discriminator: String
    /// Kind → schema, in spec order.
    public let variants: [(value: String, schema: ResponseSchema)]
    let lookup: [String: ResponseSchema]

    /// Creates a polymorphic schema.
    public init(name: String, discriminator: String, variants: [(String, ResponseSchema)]) {
        self.name = name
        self.discriminator = discriminator
        self.variants = variants.map { (value: $0.0, schema: $0.1) }
        lookup = Dictionary(variants, uniquingKeysWith: { first, _ in first })
    }

    public static func == (lhs: PolymorphicSchema, rhs: PolymorphicSchema) -> Bool {
        lhs === rhs
            || (lhs.name == rhs.name && lhs.discriminator == rhs.discriminator
                && lhs.variants.map(\.value) == rhs.variants.map(\.value) && lhs.variants.map(\.schema) == rhs.variants.map(\.schema))
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
