import SpecModel

/// `Schemas.swift`: each response model as a `ResponseSchema` value (shared by every endpoint that answers
/// with it) and each request's `responseSchema`, for drift reports. `specgen check-traffic` builds the same
/// values from the spec (SpecTraffic's `SpecSchemas`); a test holds the two to each other.
extension Translator {
    func schemas() -> SchemasContext {
        let enums = referencedEnums()
        var entries = spec.enums.filter { enums.contains($0.name.value) }.map { def in
            SchemaEntryContext(
                wireName: SwiftText.literal(def.name.value), property: schemaProperty(def.name.value),
                lines: ["ResponseSchema.enumeration(\(SwiftText.literal(def.name.value)), \(Naming.type(def.name.value)).self)"])
        }
        for model in spec.models {
            let name = SwiftText.literal(model.name.value)
            let property = schemaProperty(model.name.value)
            // The members go in a list of their own, so each call stays on one line whatever its length.
            let lines: [String]
            switch model.kind {
            case let .object(fields):
                lines =
                    ["ResponseSchema.model(\(name), \(property)Fields)"]
                    + list("\(property)Fields: [FieldSchema]", fields.map(fieldLine))
            case let .positional(fields):
                lines =
                    ["ResponseSchema.positionalModel(\(name), \(property)Fields)"]
                    + list("\(property)Fields: [FieldSchema]", fields.map(fieldLine))
            case let .polymorphic(discriminator, variants):
                lines =
                    ["ResponseSchema.polymorphicModel(\(name), discriminator: \(SwiftText.literal(discriminator.value)), \(property)Variants)"]
                    + list(
                        "\(property)Variants: [(String, ResponseSchema)]",
                        variants.map { "(\(SwiftText.literal($0.value.value)), \(schemaProperty($0.model.value)))," })
            }
            entries.append(SchemaEntryContext(wireName: name, property: property, lines: lines))
        }
        let requests = spec.endpoints.compactMap(requestSchema)
        return SchemasContext(
            header: header,
            entries: entries.map { entry in
                var entry = entry
                entry.lines[0] = "public static let \(entry.property) = " + entry.lines[0]
                // Past the line length, the arguments go on a continuation line, as swift-format lays them out.
                if entry.lines[0].count + 4 > SwiftText.lineLength, let open = entry.lines[0].firstIndex(of: "(") {
                    let head = String(entry.lines[0][...open]), arguments = String(entry.lines[0][entry.lines[0].index(after: open)...])
                    entry.lines.replaceSubrange(0...0, with: [head, "    " + arguments])
                }
                return entry
            },
            requests: requests)
    }

    private func requestSchema(_ endpoint: Endpoint) -> RequestSchemaContext? {
        guard let response = endpoint.response else { return nil }
        let type = Naming.requestType(endpoint: endpoint.id.value)
        if !response.variants.isEmpty {
            let cases = response.variants.map { "case \(SwiftText.literal($0.key.value)): \(schemaExpression($0.type.value, numeric: false, qualified: true))" }
            let all = response.variants.map { schemaExpression($0.type.value, numeric: false, qualified: true) }.joined(separator: ", ")
            return RequestSchemaContext(type: type, lines: ["switch Self.variantSelector.select(parameters) {"] + cases + ["default: .oneOf([\(all)])", "}"])
        }
        guard let value = response.type?.value else { return nil }
        return RequestSchemaContext(type: type, lines: [schemaExpression(value, numeric: false, qualified: true)])
    }

    /// `static let name: Type = [ … ]`, one element a line (`[]` when empty).
    private func list(_ declaration: String, _ elements: [String]) -> [String] {
        // swift-format wants a trailing comma after every element when there are several, and none after one.
        let lines = elements.count == 1 ? elements.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 } : elements
        return lines.isEmpty ? ["static let \(declaration) = []"] : ["static let \(declaration) = ["] + lines.map { "    " + $0 } + ["]"]
    }

    private func fieldLine(_ field: Field) -> String {
        let kind = field.optional ? "optional" : "required"
        let nullable = field.nullable ? ", nullable: true" : ""
        return ".\(kind)(\(SwiftText.literal(field.name.value)), \(schemaExpression(field.type.value, numeric: field.isNumericDecimal, qualified: false))\(nullable)),"
    }

    /// The Swift expression for a type's schema; `qualified` names the shared values as `DriftSchemas.x`.
    private func schemaExpression(_ type: TypeRef, numeric: Bool, qualified: Bool) -> String {
        switch type {
        case .string: ".string"
        case .decimal: numeric ? ".decimalNumber" : ".decimal"
        case .int, .long: ".integer"
        case .boolean: ".boolean"
        case .datetime: ".datetime"
        case .json: ".anything"
        case .empty: ".model(\"EMPTY\", [])"
        case let .named(name): (qualified ? "DriftSchemas." : "") + schemaProperty(name)
        case let .array(element): ".array(\(schemaExpression(element, numeric: numeric, qualified: qualified)))"
        case let .map(element): ".map(\(schemaExpression(element, numeric: numeric, qualified: qualified)))"
        }
    }

    private func schemaProperty(_ name: String) -> String { Naming.property(Naming.type(name)) }

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
    let entries: [SchemaEntryContext]
    let requests: [RequestSchemaContext]
}

struct SchemaEntryContext: Encodable {
    let wireName: String
    let property: String
    var lines: [String]
}

struct RequestSchemaContext: Encodable {
    let type: String
    let lines: [String]
}
