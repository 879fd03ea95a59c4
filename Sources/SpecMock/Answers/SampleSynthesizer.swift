import SpecModel

/// Builds a plausible JSON value of a spec type, for endpoints whose docs give no example response.
/// Every field is filled in (optional ones too), enums take their first value, decimals are strings.
struct SampleSynthesizer: Sendable {
    let spec: Spec
    /// The value every timestamp-like LONG field gets (the mock's clock, in ms).
    let now: Int64

    func sample(_ type: TypeRef) -> String {
        sample(type, depth: 0)
    }

    private func sample(_ type: TypeRef, depth: Int) -> String {
        guard depth < 12 else { return "null" }
        switch type {
        case .string: return JSONDocument.quote("sample")
        case .decimal: return JSONDocument.quote("1.00000000")
        case .int: return "1"
        case .long: return "1"
        case .boolean: return "false"
        case .datetime: return JSONDocument.quote("2025-01-01T00:00:00.000Z")
        case .json, .empty: return "{}"
        case let .array(element): return "[" + sample(element, depth: depth + 1) + "]"
        case let .map(element): return "{\"SAMPLE\":" + sample(element, depth: depth + 1) + "}"
        case let .named(name):
            if let def = spec.enumDef(named: name) { return JSONDocument.quote(def.values.first?.value.value ?? "") }
            guard let model = spec.model(named: name) else { return "null" }
            return sample(model, depth: depth + 1, discriminator: nil)
        }
    }

    private func sample(_ model: Model, depth: Int, discriminator: (field: String, value: String)?) -> String {
        switch model.kind {
        case let .object(fields):
            let members = fields.map { field -> String in
                let value: String
                if let discriminator, field.name.value == discriminator.field {
                    value = JSONDocument.quote(discriminator.value)
                } else {
                    value = fieldSample(field, depth: depth)
                }
                return JSONDocument.quote(field.name.value) + ":" + value
            }
            return "{" + members.joined(separator: ",") + "}"
        case let .positional(fields):
            return "[" + fields.map { fieldSample($0, depth: depth) }.joined(separator: ",") + "]"
        case let .polymorphic(field, variants):
            guard let first = variants.first, let variant = spec.model(named: first.model.value) else { return "{}" }
            return sample(variant, depth: depth + 1, discriminator: (field.value, first.value.value))
        }
    }

    private func fieldSample(_ field: Field, depth: Int) -> String {
        let lower = field.name.value.lowercased()
        if field.type.value == .long, lower.hasSuffix("time") || lower.hasSuffix("timestamp") {
            return String(now)
        }
        return sample(field.type.value, depth: depth)
    }
}
