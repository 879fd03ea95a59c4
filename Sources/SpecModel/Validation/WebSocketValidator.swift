/// Checks of `webSocketAPI:`, the endpoints' `webSocket:` twins and `streams:`.
extension SpecValidator {
    /// Every type the WebSocket parts use (for the unused-definition warnings).
    var webSocketTypes: [Located<TypeRef>] {
        var types: [Located<TypeRef>] = []
        if let api = spec.webSocketAPI {
            types += [api.response.rateLimitType, api.events?.payload].compactMap { $0 }
            for method in api.methods {
                types += method.params.map(\.type) + (method.response.map(Self.responseTypes) ?? [])
            }
        }
        for endpoint in spec.endpoints {
            guard let twin = endpoint.webSocket else { continue }
            types += twin.extraParams.map(\.type) + (twin.response.map(Self.responseTypes) ?? [])
        }
        types += spec.streams?.definitions.flatMap { [$0.payload] + $0.variables.map(\.type) } ?? []
        return types
    }

    static func responseTypes(_ response: Response) -> [Located<TypeRef>] {
        [response.type].compactMap { $0 } + response.variants.map(\.type) + response.errorBodies.map(\.type)
    }

    mutating func checkWebSocketAPI() {
        let twins = spec.endpoints.filter { $0.webSocket != nil }
        guard let api = spec.webSocketAPI else {
            for endpoint in twins {
                error("endpoint '\(endpoint.id.value)' names a WebSocket method, but the spec has no 'webSocketAPI' section", at: endpoint.webSocket!.location)
            }
            return
        }
        checkServers(api.servers, schemes: ["ws", "wss"])
        [api.response.rateLimitType, api.events?.payload].compactMap { $0 }.forEach { checkType($0) }
        if let events = api.events {
            checkEventExamples(events)
            checkShutdownEvent(events)
        }
        reportDuplicates(twins.map { $0.webSocket!.method } + api.methods.map(\.name), what: "method", in: "the WebSocket API")
        for endpoint in twins { checkTwin(endpoint.webSocket!, of: endpoint) }
        checkSessionRoles(api)
        for method in api.methods {
            reportDuplicates(method.params.map(\.name), what: "parameter", in: "WebSocket method '\(method.name.value)'")
            checkSecurity(method.security)
            checkWebSocketMethod(method.asEndpoint, examples: method.examples)
        }
    }

    /// A twin's extra and omitted parameters, and what it has of its own, checked against the endpoint.
    mutating func checkTwin(_ twin: WebSocketTwin, of endpoint: Endpoint) {
        for name in twin.omitParams { checkParamName(name, in: endpoint, role: "webSocket.omitParams") }
        for param in twin.extraParams where endpoint.param(named: param.name.value) != nil {
            error("WebSocket parameter '\(param.name.value)' is a parameter of endpoint '\(endpoint.id.value)' already", at: param.name.location)
        }
        reportDuplicates(twin.extraParams.map(\.name), what: "parameter", in: "webSocket of endpoint '\(endpoint.id.value)'")
        if let view = spec.webSocketView(of: endpoint) { checkWebSocketMethod(view, examples: twin.examples) }
    }

    /// `view`: the method as an endpoint (its parameters, weight and answer), so the endpoint checks apply.
    mutating func checkWebSocketMethod(_ view: Endpoint, examples: [Example]) {
        view.params.forEach { checkParam($0) }
        if let weight = view.weight { checkWeight(weight, in: view) }
        if let response = view.response { checkResponse(response, in: view) }
        for example in examples { checkWebSocketExample(example, in: view) }
    }

    mutating func checkSecurity(_ level: Located<String>) {
        guard spec.securityLevel(named: level.value) == nil else { return }
        let hint = closest(to: level.value, in: spec.security.map(\.name.value)).map { "; did you mean '\($0)'?" } ?? ""
        error("unknown security level '\(level.value)'\(hint)", at: level.location)
    }

    /// An example's response is a whole answer: the envelope, with `result` fitting the answer type, or `error`
    /// fitting the error format, and each rate-limit entry fitting its model.
    mutating func checkWebSocketExample(_ example: Example, in view: Endpoint) {
        for (name, _) in example.request { checkParamName(Located(name, at: example.location), in: view, role: "example") }
        guard let api = spec.webSocketAPI, let text = example.response else { return }
        let json: JSONDocument
        do { json = try JSONDocument.parse(text.value) } catch {
            return self.error("response example is not valid JSON: \(error)", at: text.location)
        }
        let envelope = api.response
        let known = Set([envelope.id, envelope.status, envelope.result, envelope.error] + [envelope.rateLimits].compactMap { $0 })
        guard case let .object(members) = json, json[envelope.id] != nil, json[envelope.status] != nil else {
            return error("example does not fit the WebSocket answer: expected an object with '\(envelope.id)' and '\(envelope.status)'", at: text.location)
        }
        for member in members where !known.contains(member.key) {
            error("example does not fit the WebSocket answer: unknown field '\(member.key)' at $.\(member.key)", at: text.location)
        }
        var checker = ShapeChecker(spec: spec)
        if let field = envelope.rateLimits, let type = api.response.rateLimitType, let limits = json[field] {
            checker.check(limits, against: .array(type.value), path: "$.\(field)")
        }
        if let error = json[envelope.error] {
            _ = checkErrorFormat(error, at: text.location)
        } else if let result = json[envelope.result], let (type, body, _) = expectedShape(of: example, json: result, in: view, at: text.location) {
            checker.check(body, against: type, path: "$.\(envelope.result)")
        } else if json[envelope.result] == nil {
            error("example does not fit the WebSocket answer: neither '\(envelope.result)' nor '\(envelope.error)'", at: text.location)
        }
        for problem in checker.problems {
            diagnostics(problem.severity, "example does not fit the WebSocket answer: \(problem.message)", at: text.location)
        }
    }

    /// `shutdown` names a variant of the polymorphic payload, the only way a client can recognise the event.
    mutating func checkShutdownEvent(_ events: WebSocketAPI.EventEnvelope) {
        guard let shutdown = events.shutdown else { return }
        guard case let .named(name) = events.payload.value, case let .polymorphic(_, variants)? = spec.model(named: name)?.kind else {
            error("'shutdown' needs a payload model chosen by its event type (polymorphic); '\(events.payload.value)' is not one", at: shutdown.location)
            return
        }
        if !variants.contains(where: { $0.value.value == shutdown.value }) {
            error("shutdown event '\(shutdown.value)' is not a variant of '\(name)'", at: shutdown.location)
        }
    }

    /// Each example is `{"<subscriptionId>": …, "<event>": {…}}` with the event fitting the payload type.
    mutating func checkEventExamples(_ events: WebSocketAPI.EventEnvelope) {
        for example in events.examples {
            guard let text = example.response, let json = try? JSONDocument.parse(text.value), case let .object(members) = json else {
                checkPayloadExample(example, against: .json)
                continue
            }
            for member in members where member.key != events.event && member.key != events.subscriptionId {
                error("event example has unknown field '\(member.key)'; expected '\(events.event)'", at: text.location)
            }
            guard let event = json[events.event] else {
                error("event example lacks '\(events.event)'", at: text.location)
                continue
            }
            var checker = ShapeChecker(spec: spec)
            checker.check(event, against: events.payload.value, path: "$.\(events.event)")
            for problem in checker.problems {
                diagnostics(problem.severity, "example does not fit '\(events.payload.value)': \(problem.message)", at: text.location)
            }
        }
    }
}
