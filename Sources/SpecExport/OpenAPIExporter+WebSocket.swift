import SpecModel

/// The WebSocket API and the market streams as `x-` extensions: `x-websocket-method` on an operation with a twin,
/// `x-websocket-api` and `x-streams` at the top.
extension OpenAPIExporter {
    /// An operation's WebSocket twin: the method and how it differs from the operation.
    func webSocketTwin(_ endpoint: Endpoint) -> OpenAPIValue? {
        guard let twin = endpoint.webSocket else { return nil }
        return .build { out in
            out.set("method", .string(twin.method.value))
            out.set("parameters", list: twin.extraParams.map(methodParameter))
            out.set("omitParameters", list: twin.omitParams.map { .string($0.value) })
            out.set("weight", twin.weight.map(weightValue))
            out.set("result", twin.response.flatMap(successSchema))
            out.set("notes", list: twin.notes.map(OpenAPIValue.string))
        }
    }

    func webSocketAPI() -> OpenAPIValue? {
        guard let api = spec.webSocketAPI else { return nil }
        return .build { out in
            out.set("description", api.description)
            out.set("servers", list: api.servers.map(server))
            out.set(
                "request",
                .build {
                    $0.set("id", .string(api.request.id))
                    $0.set("method", .string(api.request.method))
                    $0.set("params", .string(api.request.params))
                })
            out.set(
                "response",
                .build {
                    $0.set("id", .string(api.response.id))
                    $0.set("status", .string(api.response.status))
                    $0.set("result", .string(api.response.result))
                    $0.set("error", .string(api.response.error))
                    $0.set("rateLimits", api.response.rateLimits)
                    $0.set("rateLimitSchema", api.response.rateLimitType.map { schema($0.value) })
                })
            out.set("apiKeyParameter", api.apiKeyParam)
            out.set(
                "events",
                api.events.map { events in
                    .build {
                        $0.set("subscriptionId", events.subscriptionId)
                        $0.set("event", .string(events.event))
                        $0.set("schema", schema(events.payload.value))
                        $0.set("shutdown", events.shutdown?.value)
                    }
                })
            out.set("methods", object: api.methods.map { .init(key: $0.name.value, value: webSocketMethod($0)) })
        }
    }

    func webSocketMethod(_ method: WebSocketMethod) -> OpenAPIValue {
        .build { out in
            out.set("summary", method.summary)
            out.set("description", method.description)
            out.set("x-security-level", .string(method.security.value))
            out.set("weight", method.weight.map(weightValue))
            out.set("parameters", list: method.params.map(methodParameter))
            out.set("result", method.response.flatMap(successSchema))
        }
    }

    func methodParameter(_ param: Parameter) -> OpenAPIValue {
        .build {
            $0.set("name", .string(param.name.value))
            $0.flag("required", param.required)
            $0.set("description", param.description)
            $0.set("schema", parameterSchema(param))
        }
    }

    func streams() -> OpenAPIValue? {
        guard let streams = spec.streams else { return nil }
        return .build { out in
            out.set("description", streams.description)
            out.set("servers", list: streams.servers.map(server))
            out.set("raw", .string(streams.rawPath.value))
            out.set(
                "combined",
                streams.combined.map { combined in
                    .build {
                        $0.set("path", .string(combined.path.value))
                        $0.set("stream", .string(combined.stream))
                        $0.set("data", .string(combined.data))
                    }
                })
            out.set("eventType", streams.eventTypeField)
            out.set("controlMethods", list: streams.controlMethods.map { .string($0.value) })
            out.set("definitions", object: streams.definitions.map { .init(key: $0.id.value, value: stream($0)) })
        }
    }

    func stream(_ stream: StreamDefinition) -> OpenAPIValue {
        .build { out in
            out.set("summary", stream.summary)
            out.set("name", .string(stream.name.value))
            out.set(
                "variables",
                list: stream.variables.map { variable in
                    .build {
                        $0.set("name", .string(variable.name.value))
                        var base = schema(variable.type.value)
                        if !variable.values.isEmpty, case let .object(members) = base {
                            base = .object(members + [.init(key: "enum", value: .strings(variable.values.map(\.text)))])
                        }
                        $0.set("schema", base)
                        $0.set("case", variable.letterCase?.rawValue)
                    }
                })
            out.set("payload", schema(stream.payload.value))
            out.set("event", stream.event?.value)
            out.set("updateSpeed", stream.updateSpeed)
        }
    }
}
