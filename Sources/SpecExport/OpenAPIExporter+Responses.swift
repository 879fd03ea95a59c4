import SpecModel

extension OpenAPIExporter {
    /// The success response, documented error bodies and the venue's error body as `default`.
    func responses(_ endpoint: Endpoint) -> OpenAPIValue {
        var out: [OpenAPIValue.Member] = []
        let response = endpoint.response
        let isSuccess = { (example: Example) in example.status.map { (200..<300).contains($0) } ?? true }
        let successExamples = endpoint.examples.filter { $0.response != nil && isSuccess($0) }
        out.append(
            .init(
                key: "200",
                value: .build { ok in
                    ok.set("description", .string(response?.description ?? endpoint.summary ?? "Success."))
                    guard let schema = successSchema(response) else { return }
                    ok.set("content", jsonContent(schema, successExamples))
                }))

        var statuses: [Int] = []
        var types: [Int: (TypeRef, String?)] = [:]
        for body in response?.errorBodies ?? [] {
            statuses.append(body.status)
            types[body.status] = (body.type.value, body.description)
        }
        let errorExamples = endpoint.examples.filter { $0.response != nil && !isSuccess($0) }
        for status in errorExamples.compactMap(\.status) where !statuses.contains(status) { statuses.append(status) }
        for status in statuses.sorted() {
            let examples = errorExamples.filter { $0.status == status }
            out.append(
                .init(
                    key: String(status),
                    value: .build { error in
                        error.set("description", .string(types[status]?.1 ?? "An error (HTTP \(status))."))
                        let fallback: OpenAPIValue? = errorSchema() != nil ? .ref(errorName) : nil
                        guard let body = types[status].map({ schema($0.0) }) ?? fallback else { return }
                        error.set("content", jsonContent(body, examples))
                    }))
        }
        if errorSchema() != nil {
            out.append(
                .init(
                    key: "default",
                    value: .build { error in
                        error.set("description", .string("The venue's error body (see x-errors and x-http-status)."))
                        error.set(
                            "content",
                            .object([
                                .init(
                                    key: "application/json",
                                    value: .build {
                                        $0.set("schema", .ref(errorName))
                                    })
                            ]))
                    }))
        }
        return .object(out)
    }

    /// The success schema: the type, or `oneOf` the variants chosen by a parameter (see `x-variants`).
    func successSchema(_ response: Response?) -> OpenAPIValue? {
        guard let response else { return nil }
        if let type = response.type?.value {
            return payloadSchema(type)
        }
        guard !response.variants.isEmpty else { return nil }
        return .build { out in
            out.set("oneOf", .array(response.variants.map { payloadSchema($0.type.value) }))
            out.set("x-selected-by", response.selectedBy.map { .string($0.value) })
            out.set(
                "x-variants",
                .object(
                    response.variants.map {
                        .init(key: $0.key.value, value: .string($0.type.value.description))
                    }))
            out.set(
                "x-variant-defaults",
                list: response.defaults.map { entry in
                    var members = conditionMembers(entry.condition)
                    members.append(.init(key: "variant", value: .string(entry.variant.value)))
                    return .object(members)
                })
        }
    }

    /// A response's `content`: a JSON body of `schema`, with the docs' examples of it.
    func jsonContent(_ schema: OpenAPIValue, _ examples: [Example]) -> OpenAPIValue {
        .object([
            .init(
                key: "application/json",
                value: .build {
                    $0.set("schema", schema)
                    $0.set("examples", object: uniqued(examples.map(responseExample)))
                })
        ])
    }

    func responseExample(_ example: Example) -> OpenAPIValue.Member {
        .init(
            key: example.name ?? example.variant?.value ?? "example",
            value: .build {
                $0.set("summary", example.variant.map { "Variant \($0.value)." })
                $0.set("value", json(example.response?.value ?? "null"))
            })
    }
}
