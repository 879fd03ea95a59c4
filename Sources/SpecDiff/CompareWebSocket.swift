import SpecModel

/// The WebSocket API (its envelope and every method, twin or own) and the market streams.
extension SpecComparer {
    /// A WebSocket method as diff compares it. A twin holds only what differs from its endpoint (its own parameters,
    /// omitted ones, weight and answer), since the endpoint's changes are reported for the endpoint already.
    struct MethodShape {
        var name: String
        var view: Endpoint
        var omitted: [String]
        var isTwin: Bool
    }

    static func webSocketMethods(_ spec: Spec) -> [MethodShape] {
        let twins = spec.endpoints.compactMap { endpoint -> MethodShape? in
            guard let twin = endpoint.webSocket else { return nil }
            var view = endpoint
            view.params = twin.extraParams
            view.weight = twin.weight
            view.response = twin.response
            return MethodShape(name: twin.method.value, view: view, omitted: twin.omitParams.map(\.value), isTwin: true)
        }
        let own = spec.webSocketAPI?.methods.map { MethodShape(name: $0.name.value, view: $0.asEndpoint, omitted: [], isTwin: false) } ?? []
        return twins + own
    }

    mutating func compareWebSocketAPI() {
        if let before = old.webSocketAPI, let now = new.webSocketAPI {
            var changed: [String] = []
            if before.servers.map(\.url.value) != now.servers.map(\.url.value) { changed.append("servers") }
            if before.request != now.request || before.response.id != now.response.id || before.response.status != now.response.status
                || before.response.result != now.response.result || before.response.error != now.response.error
                || before.response.rateLimits != now.response.rateLimits || before.response.rateLimitType?.value != now.response.rateLimitType?.value
            {
                changed.append("envelope")
            }
            if before.apiKeyParam != now.apiKeyParam { changed.append("API key parameter") }
            if before.events?.payload.value != now.events?.payload.value || before.events?.event != now.events?.event
                || before.events?.shutdown?.value != now.events?.shutdown?.value
            {
                changed.append("events")
            }
            if !changed.isEmpty { report(.webSocketAPIChanged, at: now.location, "webSocketAPI: \(joinedList(changed)) changed") }
        }
        let methods = Matched(Self.webSocketMethods(old), Self.webSocketMethods(new)) { $0.name }
        for method in methods.removed {
            report(.webSocketMethodRemoved, at: method.view.id.location, "WebSocket method `\(method.name)` was removed")
        }
        for method in methods.added {
            report(.webSocketMethodAdded, at: method.view.id.location, "WebSocket method `\(method.name)` was added")
        }
        for (before, now) in methods.common {
            var changes = Self.methodChanges(before.view, now.view, security: !(before.isTwin && now.isTwin))
            if before.omitted.sorted() != now.omitted.sorted() { changes.append("omitted parameters are now \(now.omitted) (were \(before.omitted))") }
            if before.isTwin != now.isTwin { changes.append(now.isTwin ? "now the twin of an endpoint" : "no longer the twin of an endpoint") }
            if !changes.isEmpty {
                report(.webSocketMethodChanged, at: now.view.id.location, "WebSocket method `\(now.name)`: \(joinedList(changes))")
            }
        }
    }

    /// What differs between two versions of a method, in words.
    static func methodChanges(_ before: Endpoint, _ now: Endpoint, security: Bool) -> [String] {
        var changes: [String] = []
        let oldParams = Dictionary(before.params.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        let newParams = Dictionary(now.params.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        for name in newParams.keys.sorted() where oldParams[name] == nil { changes.append("parameter `\(name)` added") }
        for name in oldParams.keys.sorted() where newParams[name] == nil { changes.append("parameter `\(name)` removed") }
        for (name, param) in newParams.sorted(by: { $0.key < $1.key }) {
            guard let previous = oldParams[name] else { continue }
            if previous.type.value != param.type.value { changes.append("parameter `\(name)` is now \(param.type.value) (was \(previous.type.value))") }
            if previous.required != param.required { changes.append("parameter `\(name)` is now \(param.required ? "required" : "optional")") }
        }
        if security, before.security.value != now.security.value { changes.append("security is now \(now.security.value) (was \(before.security.value))") }
        let weightBefore = Canonical.weight(before.weight), weightNow = Canonical.weight(now.weight)
        if weightBefore != weightNow { changes.append("weight is now \(weightNow) (was \(weightBefore))") }
        let answer = { (e: Endpoint) in e.response.map { r in (r.type.map { "\($0.value)" } ?? "") + r.variants.map { " \($0.key.value)=\($0.type.value)" }.joined() } }
        if answer(before) != answer(now) { changes.append("answer is now \(answer(now) ?? "none") (was \(answer(before) ?? "none"))") }
        return changes
    }

    mutating func compareStreams() {
        let streams = Matched(old.streams?.definitions ?? [], new.streams?.definitions ?? []) { $0.id.value }
        for stream in streams.removed {
            report(.streamRemoved, at: stream.id.location, "stream `\(stream.id.value)` (`\(stream.name.value)`) was removed")
        }
        for stream in streams.added {
            report(.streamAdded, at: stream.id.location, "stream `\(stream.id.value)` (`\(stream.name.value)`) was added")
        }
        for (before, now) in streams.common {
            let owner = "stream `\(now.id.value)`"
            if before.name.value != now.name.value {
                report(.streamNameChanged, at: now.name.location, "\(owner): name is now `\(now.name.value)` (was `\(before.name.value)`)")
            }
            var changes: [String] = []
            let variables = { (s: StreamDefinition) in s.variables.map { "\($0.name.value): \($0.type.value) \($0.values.map(\.text)) \($0.letterCase?.rawValue ?? "")" }
            }
            if variables(before) != variables(now) { changes.append("variables") }
            if before.payload.value != now.payload.value { changes.append("payload is now \(now.payload.value) (was \(before.payload.value))") }
            if before.event?.value != now.event?.value { changes.append("event is now \(now.event?.value ?? "none") (was \(before.event?.value ?? "none"))") }
            if !changes.isEmpty { report(.streamChanged, at: now.id.location, "\(owner): \(joinedList(changes))") }
        }
    }
}
