import Foundation
import SpecModel

/// WebSocket API methods, market streams and event types of the docs against the spec.
extension DocComparer {
    /// A spec method as an endpoint the endpoint checks understand, and the spec path its findings belong under.
    struct MethodView {
        var endpoint: Endpoint
        var path: String
    }

    /// Every WebSocket method of the spec: the endpoints' twins (REST's parameters, with the API key parameter for
    /// methods that need a key) and the methods of their own.
    func webSocketViews() -> [String: MethodView] {
        var views: [String: MethodView] = [:]
        for endpoint in spec.endpoints {
            guard let twin = endpoint.webSocket, let view = spec.webSocketView(of: endpoint) else { continue }
            views[twin.method.value] = MethodView(endpoint: view, path: "endpoints.\(endpoint.id.value)")
        }
        for method in spec.webSocketAPI?.methods ?? [] {
            views[method.name.value] = MethodView(endpoint: method.asEndpoint, path: "webSocketAPI.methods.\(method.name.value)")
        }
        return views
    }

    mutating func compareWebSocketMethods() {
        let documented = docs.endpoints.filter(\.key.isWebSocket)
        let views = webSocketViews()
        for doc in documented {
            guard let view = views[doc.key.path] else {
                report(
                    DocFinding(
                        .methodMissing, "WebSocket method '\(doc.key.path)' (\"\(doc.title ?? "")\") is documented, but the spec has no such method",
                        doc: doc.location, paths: ["webSocketAPI.methods"], subjects: [doc.key.path]))
                continue
            }
            let start = findings.count
            // `docsType` records the REST docs' word; the WebSocket docs may use it or the type's own word.
            typeWordsOrDocsType = true
            compareEndpoint(doc, [view.endpoint], examples: false)
            typeWordsOrDocsType = false
            // The endpoint checks name `endpoints.<id>`; a method of its own lives under `webSocketAPI.methods`.
            let prefix = "endpoints.\(view.endpoint.id.value)"
            for i in start..<findings.count where !view.path.hasPrefix("endpoints.") {
                findings[i].specPaths = findings[i].specPaths.map { $0.hasPrefix(prefix) ? view.path + $0.dropFirst(prefix.count) : $0 }
            }
        }
        guard documented.contains(where: { $0.location.file.hasSuffix("web-socket-api.md") }) else { return }
        let names = Set(documented.map(\.key.path))
        for (name, view) in views.sorted(by: { $0.key < $1.key }) where !names.contains(name) {
            report(
                DocFinding(
                    .methodUndocumented, "spec WebSocket method '\(name)' is not in the docs", doc: SourceLocation(file: documented[0].location.file, line: 1, column: 1),
                    spec: view.endpoint.id.location, paths: [view.path], subjects: [name]))
        }
    }

    mutating func compareStreams() {
        let definitions = spec.streams?.definitions ?? []
        let specNames = Set(definitions.map(\.name.value))
        for stream in docs.streams where !specNames.contains(stream.value) {
            report(
                DocFinding(
                    .streamMissing, "stream '\(stream.value)' is documented, but the spec has no stream with this name", doc: stream.at, paths: ["streams.definitions"],
                    subjects: [stream.value]))
        }
        if let first = docs.streams.first {
            let documented = Set(docs.streams.map(\.value))
            for stream in definitions where !documented.contains(stream.name.value) {
                report(
                    DocFinding(
                        .streamUndocumented, "spec stream '\(stream.id.value)' ('\(stream.name.value)') is not in the docs",
                        doc: SourceLocation(file: first.at.file, line: 1, column: 1), spec: stream.name.location, paths: ["streams.definitions.\(stream.id.value)"],
                        subjects: [stream.name.value]))
            }
        }
        var known = definitions.compactMap { $0.event.map { Self.eventPattern($0.value) } }
        if case let .named(name)? = spec.webSocketAPI?.events?.payload.value, case let .polymorphic(_, variants)? = spec.model(named: name)?.kind {
            known += variants.map { Self.eventPattern($0.value.value) }
        }
        for event in docs.eventTypes where !known.contains(where: { event.value.range(of: $0, options: .regularExpression) != nil }) {
            report(
                DocFinding(
                    .eventMissing, "event type '\(event.value)' is documented, but no stream and no WebSocket API event of the spec has it", doc: event.at,
                    paths: ["streams", "webSocketAPI.events"], subjects: [event.value]))
        }
    }

    /// A stream's event type as a pattern: `<window_size>Ticker` matches `1hTicker`.
    static func eventPattern(_ event: String) -> String {
        let literal = NSRegularExpression.escapedPattern(for: event)
        return "^" + literal.replacingOccurrences(of: #"<[^>]*>"#, with: "[^ ]+", options: .regularExpression) + "$"
    }
}
