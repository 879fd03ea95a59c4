import Foundation
import SpecModel

/// Market stream connections: subscriptions (from the URL or `SUBSCRIBE`), the control messages, the replay feed and
/// delivery, raw or wrapped `{"stream": …, "data": …}` on combined connections.
struct StreamService: Sendable {
    let names: StreamNames
    let feed: StreamFeed
    let maxStreams: Int

    init(spec: Spec, options: MockOptions) throws {
        let names = StreamNames(spec: spec)
        self.names = names
        feed = try options.streamFeed.map { try StreamFeed(contentsOf: $0, names: names) } ?? StreamFeed()
        maxStreams = max(1, options.maxStreamsPerConnection)
    }

    // MARK: - Subscriptions

    /// Adds the streams not yet held and replays their feed lines, in file order, to the connection.
    func subscribe(_ connection: WebSocketConnection, to streams: [String]) {
        let added = connection.state.withLock { state -> [String] in
            let new = streams.reduce(into: [String]()) { new, name in
                if !state.streams.contains(name), !new.contains(name) { new.append(name) }
            }
            state.streams += new
            return new
        }
        let lines = feed.lines.filter { added.contains($0.stream) }
        guard !lines.isEmpty else { return }
        let task = Task {
            for line in lines {
                if line.delayMs > 0 { guard (try? await Task.sleep(for: .milliseconds(line.delayMs))) != nil else { return } }
                guard !Task.isCancelled else { return }
                _ = deliver(line.data, of: line.stream, to: connection)
            }
        }
        connection.state.withLock { $0.feeds.append(task) }
    }

    /// Sends `payload` (JSON text) when the connection holds `stream`; whether it did.
    func deliver(_ payload: String, of stream: String, to connection: WebSocketConnection) -> Bool {
        guard connection.kind == .streams else { return false }
        let (held, combined) = connection.state.withLock { ($0.streams.contains(stream), $0.combined) }
        guard held else { return false }
        connection.send(combined ? "{\"stream\":\(JSONDocument.string(stream).jsonText),\"data\":\(payload)}" : payload)
        return true
    }

    // MARK: - Control messages

    private static let methods = ["SUBSCRIBE", "UNSUBSCRIBE", "LIST_SUBSCRIPTIONS", "SET_PROPERTY", "GET_PROPERTY"]

    /// The answer to a control message, with the documented errors (code 2 for an invalid request, 3 for bad JSON).
    func answer(_ text: String, on connection: WebSocketConnection) -> String {
        guard let document = try? JSONDocument.parse(text, maxDepth: 8), case .object = document else {
            return Self.error(code: 3, "Invalid JSON: expected value at line 1 column 1", id: .null)
        }
        guard case let .number(idText)? = document["id"], UInt64(idText) != nil, let id = document["id"] else {
            return Self.error(code: 2, "Invalid request: request ID must be an unsigned integer", id: .null)
        }
        guard case let .string(method)? = document["method"] else {
            return Self.error(code: 2, "Invalid request: missing field `method`", id: id)
        }
        let params: [JSONDocument]
        switch document["params"] {
        case nil, .null?: params = []
        case let .array(items)?: params = items
        default: return Self.error(code: 2, "Invalid request: params must be an array", id: id)
        }
        switch method {
        case "SUBSCRIBE", "UNSUBSCRIBE":
            var streams: [String] = []
            for param in params {
                guard case let .string(name) = param, names.isValid(name) else {
                    return Self.error(code: 2, "Invalid request: invalid stream name \(param.jsonText)", id: id)
                }
                streams.append(name)
            }
            if method == "UNSUBSCRIBE" {
                connection.state.withLock { state in state.streams.removeAll { streams.contains($0) } }
                return Self.result(.null, id: id)
            }
            let held = connection.state.withLock { Set($0.streams) }
            guard held.union(streams).count <= maxStreams else {
                return Self.error(code: 2, "Invalid request: a connection holds at most \(maxStreams) streams", id: id)
            }
            subscribe(connection, to: streams)
            return Self.result(.null, id: id)
        case "LIST_SUBSCRIPTIONS":
            return Self.result(.array(connection.state.withLock { $0.streams }.map(JSONDocument.string)), id: id)
        case "SET_PROPERTY":
            guard params.count == 2, params[0] == .string("combined") else { return Self.error(code: 0, "Unknown property", id: id) }
            guard case let .bool(flag) = params[1] else { return Self.error(code: 1, "Invalid value type: expected Boolean", id: id) }
            connection.state.withLock { $0.combined = flag }
            return Self.result(.null, id: id)
        case "GET_PROPERTY":
            guard params == [.string("combined")] else { return Self.error(code: 0, "Unknown property", id: id) }
            return Self.result(.bool(connection.state.withLock { $0.combined }), id: id)
        default:
            let expected = Self.methods.map { "`\($0)`" }.joined(separator: ", ")
            return Self.error(code: 2, "Invalid request: unknown variant `\(method)`, expected one of \(expected)", id: id)
        }
    }

    static func result(_ result: JSONDocument, id: JSONDocument) -> String {
        JSONDocument.object([("result", result), ("id", id)]).jsonText
    }

    static func error(code: Int, _ message: String, id: JSONDocument) -> String {
        JSONDocument.object([("error", .object([("code", .number(String(code))), ("msg", .string(message))])), ("id", id)]).jsonText
    }
}
