import SpecModel

/// `Schemas.swift`: each response model and enum in `SchemaCatalog`'s text form (shared by every endpoint that
/// answers with it) and each request's `responseSchema`, for drift reports. `specgen check-traffic` builds the same
/// values from the spec (SpecTraffic's `SpecSchemas`); a test holds the two to each other.
extension Translator {
    func schemas() -> SchemasContext {
        let enums = referencedEnums()
        var catalog: [String] = []
        for def in spec.enums where enums.contains(def.name.value) {
            catalog += ["enum \(def.name.value)"] + def.values.map { "  " + catalogWord($0.value.value) }
        }
        for model in spec.models {
            let name = model.name.value
            switch model.kind {
            case let .object(fields): catalog += ["object \(name)"] + fields.map(catalogField)
            case let .positional(fields): catalog += ["positional \(name)"] + fields.map(catalogField)
            case let .polymorphic(discriminator, variants):
                catalog +=
                    ["polymorphic \(name) \(catalogWord(discriminator.value))"]
                    + variants.map { "  \(catalogWord($0.value.value)) \($0.model.value)" }
            }
        }
        return SchemasContext(header: header, catalog: catalog, requests: spec.endpoints.compactMap(requestSchema))
    }

    private func requestSchema(_ endpoint: Endpoint) -> RequestSchemaContext? {
        guard let response = endpoint.response else { return nil }
        let type = Naming.requestType(endpoint: endpoint.id.value)
        if !response.variants.isEmpty {
            let cases = response.variants.map { "case \(SwiftText.literal($0.key.value)): \(schemaCall($0.type.value))" }
            let all = response.variants.map { SwiftText.literal(catalogType($0.type.value, numeric: false)) }.joined(separator: ", ")
            return RequestSchemaContext(type: type, lines: ["switch Self.variantSelector.select(parameters) {"] + cases + ["default: DriftSchemas.oneOf(\(all))", "}"])
        }
        guard let value = response.type?.value else { return nil }
        return RequestSchemaContext(type: type, lines: [schemaCall(value)])
    }

    private func schemaCall(_ type: TypeRef) -> String {
        "DriftSchemas.schema(\(SwiftText.literal(catalogType(type, numeric: false))))"
    }

    /// A member line of an object or positional model: `name type [optional] [nullable]`.
    private func catalogField(_ field: Field) -> String {
        let flags = (field.optional ? " optional" : "") + (field.nullable ? " nullable" : "")
        return "  \(catalogWord(field.name.value)) \(catalogType(field.type.value, numeric: field.isNumericDecimal))\(flags)"
    }

    /// A type in `SchemaCatalog`'s grammar (ClientRuntime), which reads what this writes.
    private func catalogType(_ type: TypeRef, numeric: Bool) -> String {
        switch type {
        case .string: "string"
        case .decimal: numeric ? "decimalNumber" : "decimal"
        case .int, .long: "integer"
        case .boolean: "boolean"
        case .datetime: "datetime"
        case .json: "anything"
        case .empty: "empty"
        case let .named(name): name
        case let .array(element): "[\(catalogType(element, numeric: numeric))]"
        case let .map(element): "{\(catalogType(element, numeric: numeric))}"
        }
    }

    /// A field name or value, percent-encoded outside ASCII letters, digits, `_`, `-` and `.`: one word of a catalog
    /// line, safe inside a raw string literal.
    private func catalogWord(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// Enums that a model field or a response names: the only ones drift checks need.
    private func referencedEnums() -> Set<String> {
        var types = spec.models.flatMap { $0.fields.map(\.type.value) }
        for endpoint in spec.endpoints {
            types += [endpoint.response?.type?.value].compactMap { $0 } + (endpoint.response?.variants.map(\.type.value) ?? [])
        }
        return Set(types.flatMap(\.referencedNames).filter { spec.enumDef(named: $0) != nil })
    }
}

struct SchemasContext: Encodable {
    let header: FileHeader
    /// The lines of the `SchemaCatalog` text.
    let catalog: [String]
    let requests: [RequestSchemaContext]
}

struct RequestSchemaContext: Encodable {
    let type: String
    let lines: [String]
}
