import SpecModel

extension OpenAPIExporter {
    /// The schema of a spec type.
    func schema(_ type: TypeRef) -> OpenAPIValue {
        switch type {
        case .string: .build { $0.set("type", .string("string")) }
        case .decimal:
            // Exact decimals travel as strings (numbers are accepted too; see x-wire-types).
            .build {
                $0.set("type", .string("string"))
                $0.set("format", .string("decimal"))
                $0.set("x-wire-types", .strings(["string", "number"]))
            }
        case .int:
            .build {
                $0.set("type", .string("integer"))
                $0.set("format", .string("int32"))
            }
        case .long:
            .build {
                $0.set("type", .string("integer"))
                $0.set("format", .string("int64"))
            }
        case .boolean: .build { $0.set("type", .string("boolean")) }
        case .datetime:
            .build {
                $0.set("type", .string("string"))
                $0.set("format", .string("date-time"))
            }
        case .json: .object([])
        case .empty:
            .build {
                $0.set("type", .string("object"))
                $0.set("maxProperties", .number("0"))
            }
        case let .named(name): .ref(name)
        case let .array(element):
            .build {
                $0.set("type", .string("array"))
                $0.set("items", schema(element))
            }
        case let .map(element):
            .build {
                $0.set("type", .string("object"))
                $0.set("additionalProperties", schema(element))
            }
        }
    }

    /// `schema` that also admits `null`.
    func nullable(_ schema: OpenAPIValue) -> OpenAPIValue {
        guard case var .object(members) = schema else { return schema }
        if let index = members.firstIndex(where: { $0.key == "type" }), case let .string(type) = members[index].value {
            members[index].value = .strings([type, "null"])
            return .object(members)
        }
        return .build { $0.set("anyOf", .array([schema, .build { $0.set("type", .string("null")) }])) }
    }

    /// Every component: enums, models, the envelope and error body, security schemes.
    func components() -> OpenAPIValue {
        var schemas = spec.enums.map { OpenAPIValue.Member(key: $0.name.value, value: enumSchema($0)) }
        schemas += spec.models.map { .init(key: $0.name.value, value: modelSchema($0)) }
        if let envelope = spec.envelope { schemas.append(.init(key: envelopeName, value: envelopeSchema(envelope))) }
        if let error = errorSchema() { schemas.append(.init(key: errorName, value: error)) }
        return .build {
            $0.set("schemas", object: schemas)
            $0.set("securitySchemes", object: securitySchemes())
        }
    }

    /// Component name of the envelope schema.
    var envelopeName: String { freeName("ResponseEnvelope") }
    /// Component name of the error-body schema.
    var errorName: String { freeName("ErrorBody") }

    private func freeName(_ base: String) -> String {
        var name = base
        while spec.model(named: name) != nil || spec.enumDef(named: name) != nil { name = "SpecGen" + name }
        return name
    }

    func enumSchema(_ def: EnumDef) -> OpenAPIValue {
        .build { out in
            out.set("type", .string("string"))
            out.set("description", def.description)
            out.set("enum", .strings(def.values.map(\.value.value)))
            out.set(
                "x-enum-descriptions",
                object: def.values.compactMap { value in
                    value.description.map { .init(key: value.value.value, value: .string($0)) }
                })
            out.set(
                "x-enum-swift-names",
                object: def.values.compactMap { value in
                    value.swiftName.map { .init(key: value.value.value, value: .string($0)) }
                })
            out.set("x-deprecated-values", list: def.values.filter(\.deprecated).map { .string($0.value.value) })
        }
    }

    func modelSchema(_ model: Model) -> OpenAPIValue {
        .build { out in
            switch model.kind {
            case let .object(fields):
                out.set("type", .string("object"))
                out.set("description", model.description)
                out.set("properties", object: fields.map { .init(key: $0.name.value, value: fieldSchema($0)) })
                out.set("required", list: fields.filter { !$0.optional }.map { .string($0.name.value) })
                out.set("x-trading-rules", model.tradingRules.map(tradingRulesValue))
            case let .positional(fields):
                out.set("type", .string("array"))
                out.set("description", model.description)
                out.set(
                    "prefixItems",
                    .array(
                        fields.map { field in
                            fieldSchema(field, title: field.name.value)
                        }))
                out.set("items", .bool(false))
                out.set("minItems", .number(String(fields.filter { !$0.optional }.count)))
                out.set("maxItems", .number(String(fields.count)))
            case let .polymorphic(discriminator, variants):
                out.set("description", model.description)
                out.set("oneOf", .array(variants.map { .ref($0.model.value) }))
                out.set(
                    "discriminator",
                    .build {
                        $0.set("propertyName", .string(discriminator.value))
                        $0.set(
                            "mapping",
                            .object(
                                variants.map {
                                    .init(key: $0.value.value, value: .string("#/components/schemas/\($0.model.value)"))
                                }))
                    })
            }
        }
    }

    /// A property schema with the field's documentation; a `$ref` gets its siblings, as OpenAPI 3.1 allows.
    func fieldSchema(_ field: Field, title: String? = nil) -> OpenAPIValue {
        var base = schema(field.type.value)
        if field.nullable { base = nullable(base) }
        guard case var .object(members) = base else { return base }
        var extra = ObjectBuilder()
        extra.set("title", title)
        extra.set("description", field.description)
        extra.flag("deprecated", field.deprecated)
        extra.set("x-condition", field.condition)
        extra.set("x-docs-type", field.docsType)
        extra.set("x-swift-name", field.swiftName)
        members += extra.members
        return .object(members)
    }

    func envelopeSchema(_ envelope: Envelope) -> OpenAPIValue {
        let codeType: TypeRef
        if case let .codeMessage(_, type, _) = spec.errorFormat { codeType = type } else { codeType = .string }
        let fields: [(String, OpenAPIValue)] =
            [
                (envelope.code, schema(codeType)), (envelope.message, schema(.string)), (envelope.data, .object([])),
            ] + envelope.extraFields.map { ($0.name.value, fieldSchema($0)) }
        return .build { out in
            out.set("type", .string("object"))
            out.set("description", "The success wrapper around every response body; `\(envelope.data)` holds the payload.")
            out.set("properties", .object(fields.map { .init(key: $0.0, value: $0.1) }))
            out.set("required", .strings([envelope.code, envelope.message]))
            out.set("x-success-code", .string(envelope.success))
            out.set(
                "x-envelope",
                .build {
                    $0.set("code", .string(envelope.code))
                    $0.set("message", .string(envelope.message))
                    $0.set("data", .string(envelope.data))
                    $0.set("success", .string(envelope.success))
                })
        }
    }

    /// The schema of the venue's error body, when it has one.
    func errorSchema() -> OpenAPIValue? {
        guard case let .codeMessage(codeField, codeType, messageField) = spec.errorFormat else { return nil }
        return .build { out in
            out.set("type", .string("object"))
            out.set("description", "The venue's error body; `\(codeField)` is a code of `x-errors`.")
            out.set(
                "properties",
                .object([
                    .init(key: codeField, value: schema(codeType)), .init(key: messageField, value: schema(.string)),
                ]))
            out.set("required", .strings([codeField, messageField]))
        }
    }

    /// The schema of a response payload, wrapped in the envelope when the spec has one.
    func payloadSchema(_ type: TypeRef) -> OpenAPIValue {
        guard let envelope = spec.envelope else { return schema(type) }
        return .build {
            $0.set(
                "allOf",
                .array([
                    .ref(envelopeName),
                    .build { $0.set("properties", .object([.init(key: envelope.data, value: schema(type))])) },
                ]))
        }
    }
}
