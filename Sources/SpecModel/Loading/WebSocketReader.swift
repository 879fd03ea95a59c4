import Yams

/// Reads `webSocketAPI:`, `streams:` and an endpoint's `webSocket:`.
extension SpecReader {
    func readWebSocketAPI(_ node: Node) -> WebSocketAPI? {
        let keys = ["description", "servers", "request", "response", "apiKeyParam", "events", "methods"]
        guard let r = MappingReader(node, ctx, what: "webSocketAPI", allowed: keys) else { return nil }
        var request = WebSocketAPI.RequestEnvelope(id: "id", method: "method", params: "params")
        if let n = r["request"], let q = MappingReader(n, ctx, what: "webSocketAPI.request", allowed: ["id", "method", "params"]) {
            request = .init(
                id: q.text("id", required: true) ?? "id", method: q.text("method", required: true) ?? "method", params: q.text("params", required: true) ?? "params")
        } else if r["request"] == nil {
            r.missing("request")
        }
        guard let n = r["response"], let a = MappingReader(n, ctx, what: "webSocketAPI.response", allowed: ["id", "status", "result", "error", "rateLimits"]) else {
            if r["response"] == nil { r.missing("response") }
            return nil
        }
        var response = WebSocketAPI.ResponseEnvelope(
            id: a.text("id", required: true) ?? "id", status: a.text("status", required: true) ?? "status", result: a.text("result", required: true) ?? "result",
            error: a.text("error", required: true) ?? "error")
        if let l = a["rateLimits"], let lr = MappingReader(l, ctx, what: "webSocketAPI.response.rateLimits", allowed: ["field", "type"]) {
            response.rateLimits = lr.text("field", required: true)
            response.rateLimitType = lr.string("type", required: true).flatMap { readType($0) }
        }
        var events: WebSocketAPI.EventEnvelope?
        if let e = r["events"], let er = MappingReader(e, ctx, what: "webSocketAPI.events", allowed: ["subscriptionId", "event", "payload", "shutdown", "examples"]),
            let payload = er.string("payload", required: true).flatMap({ readType($0) })
        {
            events = .init(
                subscriptionId: er.text("subscriptionId"), event: er.text("event", required: true) ?? "event", payload: payload,
                examples: readPayloadExamples(er, owner: "webSocketAPI.events"))
            events?.shutdown = er.string("shutdown")
        }
        let methods = r["methods"].flatMap { n in MappingReader(n, ctx, what: "webSocketAPI.methods", allowed: nil) }?.entries.compactMap { entry in
            readWebSocketMethod(Located(entry.key, at: ctx.location(of: entry.keyNode)), entry.value)
        }
        return WebSocketAPI(
            description: r.text("description"), servers: r.list("servers", required: true).compactMap(readServer), request: request, response: response,
            apiKeyParam: r.text("apiKeyParam"), events: events, methods: methods ?? [], location: r.location)
    }

    func readWebSocketMethod(_ name: Located<String>, _ node: Node) -> WebSocketMethod? {
        let keys = [
            "summary", "description", "security", "weight", "dataSource", "source", "params", "response", "examples", "notes", "swiftName", "session",
            "events",
        ]
        let what = "WebSocket method '\(name.value)'"
        guard let r = MappingReader(node, ctx, what: what, allowed: keys), let security = r.string("security", required: true) else { return nil }
        var method = WebSocketMethod(
            name: name, summary: r.text("summary"), description: r.text("description"), security: security,
            weight: r["weight"].flatMap { readWeight($0, owner: what) }, dataSource: r.text("dataSource"), source: readSource(r, owner: what),
            params: r.list("params").compactMap { readParameter($0, owner: what) }, response: r["response"].flatMap { readResponse($0, owner: what) },
            examples: r.list("examples").compactMap { readExample($0, owner: what) }, notes: r.strings("notes", lenient: true).map(\.value))
        method.swiftName = r.string("swiftName")
        method.session = r.string("session")
        method.events = r.string("events")
        return method
    }

    func readWebSocketTwin(_ node: Node, owner: String) -> WebSocketTwin? {
        let what = "webSocket of \(owner)"
        if case .scalar = node {
            guard let method = node.scalar.map({ Located($0.string, at: ctx.location(of: node)) }) else { return nil }
            return WebSocketTwin(method: method, extraParams: [], omitParams: [], examples: [], notes: [], location: method.location)
        }
        let keys = ["method", "params", "omitParams", "weight", "response", "examples", "notes"]
        guard let r = MappingReader(node, ctx, what: what, allowed: keys), let method = r.string("method", required: true) else { return nil }
        return WebSocketTwin(
            method: method, extraParams: r.list("params").compactMap { readParameter($0, owner: what) }, omitParams: r.strings("omitParams", lenient: true),
            weight: r["weight"].flatMap { readWeight($0, owner: what) }, response: r["response"].flatMap { readResponse($0, owner: what) },
            examples: r.list("examples").compactMap { readExample($0, owner: what) }, notes: r.strings("notes", lenient: true).map(\.value), location: r.location)
    }

    func readSource(_ r: MappingReader, owner: String) -> Endpoint.Source? {
        guard let n = r["source"], let s = MappingReader(n, ctx, what: "source of \(owner)", allowed: ["doc", "section"]) else { return nil }
        return Endpoint.Source(doc: s.text("doc", required: true) ?? "", section: s.text("section"))
    }

    /// `examples: [{name, payload}]`: pushed messages (kept as `Example.response`).
    func readPayloadExamples(_ r: MappingReader, owner: String) -> [Example] {
        r.list("examples").compactMap { n -> Example? in
            guard let e = MappingReader(n, ctx, what: "an example of \(owner)", allowed: ["name", "payload"]), let payload = e.string("payload", required: true) else {
                return nil
            }
            return Example(name: e.text("name"), variant: nil, status: nil, request: [], response: payload, location: e.location)
        }
    }

    // MARK: Streams

    func readStreams(_ node: Node) -> Streams? {
        let keys = ["description", "servers", "raw", "combined", "eventType", "controlMethods", "definitions"]
        guard let r = MappingReader(node, ctx, what: "streams", allowed: keys), let raw = r.string("raw", required: true) else { return nil }
        var combined: Streams.Combined?
        if let n = r["combined"], let c = MappingReader(n, ctx, what: "streams.combined", allowed: ["path", "stream", "data"]),
            let path = c.string("path", required: true)
        {
            combined = .init(path: path, stream: c.text("stream", required: true) ?? "stream", data: c.text("data", required: true) ?? "data")
        }
        let definitions = r["definitions"].flatMap { n in MappingReader(n, ctx, what: "streams.definitions", allowed: nil) }?.entries.compactMap { entry in
            readStream(Located(entry.key, at: ctx.location(of: entry.keyNode)), entry.value)
        }
        if r["definitions"] == nil { r.missing("definitions") }
        return Streams(
            description: r.text("description"), servers: r.list("servers", required: true).compactMap(readServer), rawPath: raw, combined: combined,
            eventTypeField: r.text("eventType"), controlMethods: r.strings("controlMethods"), definitions: definitions ?? [], location: r.location)
    }

    func readStream(_ id: Located<String>, _ node: Node) -> StreamDefinition? {
        let what = "stream '\(id.value)'"
        let keys = ["summary", "description", "name", "variables", "payload", "event", "updateSpeed", "source", "examples", "notes"]
        guard let r = MappingReader(node, ctx, what: what, allowed: keys), let name = r.string("name", required: true),
            let payload = r.string("payload", required: true).flatMap({ readType($0) })
        else { return nil }
        let variables = r.list("variables").compactMap { n -> StreamVariable? in
            guard let v = MappingReader(n, ctx, what: "a variable of \(what)", allowed: ["name", "type", "values", "case", "description"]),
                let name = v.string("name", required: true), let type = v.string("type", required: true).flatMap({ readType($0) })
            else { return nil }
            let values = v.list("values", lenient: true).compactMap { n in v.scalarText(n, key: "values").map { ScalarValue(text: $0.value, location: $0.location) } }
            return StreamVariable(name: name, type: type, values: values, letterCase: v.oneOf("case"), description: v.text("description"))
        }
        let examples = readPayloadExamples(r, owner: what)
        return StreamDefinition(
            id: id, summary: r.text("summary"), description: r.text("description"), name: name, variables: variables, payload: payload, event: r.string("event"),
            updateSpeed: r.text("updateSpeed"), source: readSource(r, owner: what), examples: examples, notes: r.strings("notes", lenient: true).map(\.value))
    }
}
