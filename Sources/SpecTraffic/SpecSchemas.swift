import ClientRuntime
import SpecModel

/// The spec's response schemas as `ResponseSchema` values: the same values a generated client holds in its
/// `DriftSchemas` (the generator writes them from the same rules; a test compares the two).
public struct SpecSchemas {
    public let spec: Spec
    /// Each enum and model, built once and shared, by spec name.
    public let byName: [String: ResponseSchema]

    public init(spec: Spec) {
        self.spec = spec
        var built: [String: ResponseSchema] = [:]
        for def in spec.enums {
            built[def.name.value] = .enumeration(EnumSchema(name: def.name.value, values: def.values.map(\.value.value)))
        }
        var builder = Builder(spec: spec, built: built)
        for model in spec.models { _ = builder.schema(ofModel: model.name.value) }
        byName = builder.built
    }

    /// The schema of `type`.
    public func schema(of type: TypeRef, numeric: Bool = false) -> ResponseSchema {
        Builder.schema(of: type, numeric: numeric) { byName[$0] ?? .anything }
    }

    /// The schema of an endpoint's success payload for a request with `parameters`: the selected variant, the
    /// docs' default one, or the best fit of all when neither says. Nil when the endpoint has no response.
    public func responseSchema(of endpoint: SpecModel.Endpoint, parameters: [(name: String, value: String)]) -> ResponseSchema? {
        guard let response = endpoint.response else { return nil }
        guard !response.variants.isEmpty else { return response.type.map { schema(of: $0.value) } }
        var sent = Parameters()
        for (name, value) in parameters { sent.add(name, value, in: .query) }
        if let key = response.variantSelector.select(sent), let variant = response.variants.first(where: { $0.key.value == key }) {
            return schema(of: variant.type.value)
        }
        return .oneOf(response.variants.map { schema(of: $0.type.value) })
    }

    private struct Builder {
        let spec: Spec
        var built: [String: ResponseSchema]
        var inProgress: Set<String> = []

        mutating func schema(ofModel name: String) -> ResponseSchema {
            if let done = built[name] { return done }
            // A model that contains itself is not checked below its first level (no spec has one).
            guard let model = spec.model(named: name), inProgress.insert(name).inserted else { return .anything }
            let result: ResponseSchema
            switch model.kind {
            case let .object(fields): result = .model(name, fields.map { field($0) })
            case let .positional(fields): result = .positionalModel(name, fields.map { field($0) })
            case let .polymorphic(discriminator, variants):
                result = .polymorphicModel(name, discriminator: discriminator.value, variants.map { ($0.value.value, schema(ofModel: $0.model.value)) })
            }
            built[name] = result
            return result
        }

        mutating func field(_ field: Field) -> FieldSchema {
            for name in field.type.value.referencedNames where spec.model(named: name) != nil { _ = schema(ofModel: name) }
            let type = Self.schema(of: field.type.value, numeric: field.isNumericDecimal) { built[$0] ?? .anything }
            return FieldSchema(name: field.name.value, schema: type, optional: field.optional, nullable: field.nullable)
        }

        static func schema(of type: TypeRef, numeric: Bool, named: (String) -> ResponseSchema) -> ResponseSchema {
            switch type {
            case .string: .string
            case .decimal: numeric ? .decimalNumber : .decimal
            case .int, .long: .integer
            case .boolean: .boolean
            case .datetime: .datetime
            case .json: .anything
            case .empty: .model("EMPTY", [])
            case let .named(name): named(name)
            case let .array(element): .array(schema(of: element, numeric: numeric, named: named))
            case let .map(element): .map(schema(of: element, numeric: numeric, named: named))
            }
        }
    }
}
