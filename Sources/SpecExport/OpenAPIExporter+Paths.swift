import SpecModel

extension OpenAPIExporter {
    /// Paths in the order they first appear; operations by method. Endpoints sharing a path and method
    /// (JEX's `ticker24hr` and `ticker24hrAll`) become one operation; see `merged`.
    func paths() -> OpenAPIValue {
        var order: [String] = []
        var byPath: [String: [Endpoint]] = [:]
        for endpoint in spec.endpoints {
            if byPath[endpoint.path.value] == nil { order.append(endpoint.path.value) }
            byPath[endpoint.path.value, default: []].append(endpoint)
        }
        return .object(
            order.map { path in
                let endpoints = byPath[path, default: []]
                var methods: [HTTPMethod] = []
                for endpoint in endpoints where !methods.contains(endpoint.method) { methods.append(endpoint.method) }
                return .init(
                    key: path,
                    value: .object(
                        methods.map { method in
                            .init(key: method.rawValue.lowercased(), value: merged(endpoints.filter { $0.method == method }))
                        }))
            })
    }

    /// One operation for endpoints with the same path and method: the first one's, with the others' parameters
    /// added (required only where all require them), the success schema `oneOf` theirs, and every endpoint's own
    /// operation kept in `x-merged-operations`.
    func merged(_ endpoints: [Endpoint]) -> OpenAPIValue {
        let operations = endpoints.map(operation)
        guard operations.count > 1 else { return operations[0] }
        var names: [String] = []
        var parameters: [String: OpenAPIValue] = [:]
        for operation in operations {
            for parameter in operation["parameters"]?.elements ?? [] {
                guard let name = parameter["name"]?.text else { continue }
                if parameters[name] == nil { names.append(name) }
                parameters[name] = parameters[name] ?? parameter
            }
        }
        let list = names.map { name in
            let everywhere = operations.allSatisfy { op in
                op["parameters"]?.elements?.contains { $0["name"]?.text == name && $0["required"] == .bool(true) } ?? false
            }
            return everywhere ? parameters[name]! : parameters[name]!.updating(["required"]) { _ in nil }
        }
        let schemaPath: ArraySlice<String> = ["responses", "200", "content", "application/json", "schema"]
        let schemas = operations.map { op in
            schemaPath.reduce(Optional(op)) { $0?[$1] } ?? .object([])
        }
        return operations[0]
            .updating(["parameters"]) { _ in list.isEmpty ? nil : .array(list) }
            .updating(schemaPath) { _ in .build { $0.set("oneOf", .array(schemas)) } }
            .updating(["x-merged-operations"]) { _ in .array(operations) }
    }

    /// Where non-path parameters of `endpoint` travel by default.
    func encoding(_ endpoint: Endpoint) -> BodyEncoding {
        endpoint.request.encoding ?? spec.requestEncoding ?? (endpoint.method == .GET ? .query : .form)
    }

    /// Where `param` travels.
    func location(_ param: Parameter, _ endpoint: Endpoint) -> ParameterLocation {
        if let location = param.location { return location }
        if endpoint.pathTemplateNames.contains(param.name.value) { return .path }
        return encoding(endpoint) == .query || endpoint.method == .GET ? .query : .body
    }

    /// Parameters the runtime fills in from `auth`.
    var authParams: Set<String> {
        Set([spec.auth?.signing?.signatureParam, spec.auth?.timestampParam].compactMap { $0 })
    }

    func operation(_ endpoint: Endpoint) -> OpenAPIValue {
        let params = endpoint.params.filter { location($0, endpoint) != .body }
        let bodyParams = endpoint.params.filter { location($0, endpoint) == .body }
        return .build { op in
            op.set("operationId", .string(endpoint.id.value))
            op.set("summary", endpoint.summary)
            op.set("description", endpoint.description)
            op.flag("deprecated", endpoint.deprecated)
            op.set("security", securityRequirements(endpoint.security.value))
            op.set("parameters", list: params.map { parameter($0, endpoint) })
            op.set("requestBody", bodyParams.isEmpty ? nil : requestBody(bodyParams, endpoint))
            op.set("responses", responses(endpoint))
            op.set("x-security-level", .string(endpoint.security.value))
            op.set("x-encoding", .string(endpoint.method == .GET ? "query" : encoding(endpoint).rawValue))
            op.set("x-weight", endpoint.weight.map(weightValue))
            op.set("x-unfilled-order-count", endpoint.unfilledOrderCount.map { .number(String($0)) })
            op.set("x-data-source", endpoint.dataSource)
            op.set(
                "x-source",
                endpoint.source.map { source in
                    .build {
                        $0.set("doc", .string(source.doc))
                        $0.set("section", source.section)
                    }
                })
            op.set("x-rules", list: endpoint.rules.map(ruleValue))
            op.set("x-request-examples", list: endpoint.examples.filter { !$0.request.isEmpty }.map(requestExample))
            op.set("x-notes", list: endpoint.notes.map(OpenAPIValue.string))
            op.set("x-websocket-method", webSocketTwin(endpoint))
        }
    }

    /// The schema of a parameter, with its documented constraints.
    func parameterSchema(_ param: Parameter) -> OpenAPIValue {
        var base = schema(param.type.value)
        if param.nullable { base = nullable(base) }
        guard case var .object(members) = base else { return base }
        var extra = ObjectBuilder()
        extra.set("default", param.defaultValue.map { scalar($0.text, as: param.type.value) })
        extra.set("minimum", param.min.map { .number($0.text) })
        extra.set("maximum", param.max.map { .number($0.text) })
        extra.set("maxItems", param.maxItems.map { .number(String($0)) })
        members += extra.members
        if !param.values.isEmpty {
            let values = OpenAPIValue.array(param.values.map { scalar($0.text, as: param.type.value) })
            if case .array = param.type.value, let index = members.firstIndex(where: { $0.key == "items" }) {
                // The allowed values restrict the elements.
                members[index].value = .build {
                    $0.set("allOf", .array([members[index].value])); $0.set("enum", values)
                }
            } else {
                members.append(.init(key: "enum", value: values))
            }
        }
        return .object(members)
    }

    func parameter(_ param: Parameter, _ endpoint: Endpoint) -> OpenAPIValue {
        let place = location(param, endpoint)
        let isArray: Bool
        if case .array = param.type.value { isArray = true } else { isArray = false }
        return .build { out in
            out.set("name", .string(param.name.value))
            out.set("in", .string(place.rawValue))
            out.set("description", param.description)
            out.flag("required", param.required || place == .path)
            out.flag("deprecated", param.deprecated)
            if isArray, param.arrayStyle ?? .json == .json {
                // A JSON array in one query value: `symbols=["A","B"]`.
                out.set(
                    "content",
                    .object([
                        .init(
                            key: "application/json",
                            value: .build {
                                $0.set("schema", parameterSchema(param))
                            })
                    ]))
            } else {
                if isArray {
                    out.set("style", .string("form"))
                    out.set("explode", .bool(false))
                }
                out.set("schema", parameterSchema(param))
            }
            out.set("x-docs-type", param.docsType)
            out.set("x-swift-name", param.swiftName)
            out.set("x-filled-by", authParams.contains(param.name.value) ? "auth" : nil)
        }
    }

    func requestBody(_ params: [Parameter], _ endpoint: Endpoint) -> OpenAPIValue {
        let isJSON = encoding(endpoint) == .json
        let mediaType = endpoint.request.contentType ?? (isJSON ? "application/json" : "application/x-www-form-urlencoded")
        var object: OpenAPIValue = .build { out in
            out.set("type", .string("object"))
            out.set(
                "properties",
                .object(
                    params.map { param in
                        var schema = parameterSchema(param)
                        if case var .object(members) = schema {
                            var extra = ObjectBuilder()
                            extra.set("description", param.description)
                            extra.flag("deprecated", param.deprecated)
                            extra.set("x-docs-type", param.docsType)
                            extra.set("x-swift-name", param.swiftName)
                            extra.set("x-filled-by", authParams.contains(param.name.value) ? "auth" : nil)
                            members += extra.members
                            schema = .object(members)
                        }
                        return .init(key: param.name.value, value: schema)
                    }))
            out.set("required", list: params.filter(\.required).map { .string($0.name.value) })
        }
        if let wrapper = endpoint.request.wrapper {
            object = .build {
                $0.set("type", .string("object"))
                $0.set("properties", .object([.init(key: wrapper, value: object)]))
                $0.set("required", .strings([wrapper]))
                $0.set("x-wrapper", .string(wrapper))
            }
        }
        // Arrays in a form body: a JSON array or a comma list in one field.
        let encodings: [OpenAPIValue.Member] =
            isJSON
            ? []
            : params.compactMap { param in
                guard case .array = param.type.value else { return nil }
                let json = param.arrayStyle ?? .json == .json
                return .init(
                    key: param.name.value,
                    value: json
                        ? .build { $0.set("contentType", .string("application/json")) }
                        : .build {
                            $0.set("style", .string("form")); $0.set("explode", .bool(false))
                        })
            }
        let examples = endpoint.examples.compactMap { example -> OpenAPIValue.Member? in
            guard let body = example.requestBody else { return nil }
            return .init(key: example.name ?? "request", value: .build { $0.set("value", json(body.value)) })
        }
        return .build { out in
            out.set("required", .bool(params.contains(where: \.required)))
            out.set(
                "content",
                .object([
                    .init(
                        key: mediaType,
                        value: .build {
                            $0.set("schema", object)
                            $0.set("encoding", object: encodings)
                            $0.set("examples", object: uniqued(examples))
                        })
                ]))
        }
    }

    func requestExample(_ example: Example) -> OpenAPIValue {
        .build { out in
            out.set("name", example.name)
            out.set("params", .object(example.request.map { .init(key: $0.name, value: .string($0.value)) }))
        }
    }

    /// A literal of the spec as a typed value: numbers and booleans unquoted where the type says so.
    func scalar(_ text: String, as type: TypeRef) -> OpenAPIValue {
        switch type {
        case .int, .long: Int64(text) != nil ? .number(text) : .string(text)
        case .boolean where text == "true" || text == "false": .bool(text == "true")
        case let .array(element): scalar(text, as: element)
        default: .string(text)
        }
    }

    /// JSON text as a value (numbers keep their text); unparsable text stays a string.
    func json(_ text: String) -> OpenAPIValue {
        guard let document = try? JSONDocument.parse(text) else { return .string(text) }
        return value(document)
    }

    func value(_ document: JSONDocument) -> OpenAPIValue {
        switch document {
        case .null: .null
        case let .bool(b): .bool(b)
        case let .number(n): .number(n)
        case let .string(s): .string(s)
        case let .array(items): .array(items.map(value))
        case let .object(members): .object(members.map { .init(key: $0.key, value: value($0.value)) })
        }
    }

    /// Members with repeated keys renamed `key 2`, `key 3`, … (OpenAPI maps need unique keys).
    func uniqued(_ members: [OpenAPIValue.Member]) -> [OpenAPIValue.Member] {
        var seen: [String: Int] = [:]
        return members.map { member in
            let count = seen[member.key, default: 0] + 1
            seen[member.key] = count
            return count == 1 ? member : .init(key: "\(member.key) \(count)", value: member.value)
        }
    }
}
