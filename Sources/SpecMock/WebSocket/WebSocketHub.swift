import Foundation
import HTTPTypes
import HummingbirdWebSocket
import SpecModel

import class ClientRuntime.Locked

/// The mock's WebSocket side: decides which upgrade requests become which kind of connection (the WebSocket API
/// at `/ws-api/v3`, raw streams at `/ws/<name>`, combined streams at `/stream?streams=…`), keeps the open
/// connections, and delivers user data events and stream payloads to them.
final class WebSocketHub: Sendable {
    typealias Handler = WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>

    let engine: MockEngine
    let options: MockOptions
    let api: WebSocketAPIService
    let streams: StreamService
    private let open = Locked<(next: Int, connections: [Int: WebSocketConnection])>((0, [:]))

    init(engine: MockEngine, options: MockOptions) throws {
        self.engine = engine
        self.options = options
        api = try WebSocketAPIService(engine: engine, credentials: options.credentials)
        streams = try StreamService(spec: engine.spec, options: options)
        engine.accountEvents.withLock { observer in
            observer = { [weak self] events in self?.deliver(events) }
        }
    }

    // MARK: - Upgrades

    /// The handler for an upgrade request, or nil to refuse it (unknown path or stream, too many connections).
    func upgrade(_ request: HTTPRequest) -> Handler? {
        let parts = (request.path ?? "").split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? ""
        let items = parts.count > 1 ? URLComponents(string: "/?" + parts[1])?.queryItems ?? [] : []
        if path == "/ws-api/v3" {
            guard engine.spec.webSocketAPI != nil else { return nil }
            let returnRateLimits = items.first { $0.name == "returnRateLimits" }?.value != "false"
            return handler(.api) { connection in connection.state.withLock { $0.returnRateLimits = returnRateLimits } }
        }
        guard engine.spec.streams != nil else { return nil }
        let initial: [String]
        let combined: Bool
        if path == "/stream" {
            initial = (items.first { $0.name == "streams" }?.value ?? "").split(separator: "/").map(String.init)
            combined = true
        } else if path == "/ws" || path.hasPrefix("/ws/") {
            initial = path.dropFirst(3).split(separator: "/").map(String.init)
            combined = false
        } else {
            return nil
        }
        guard initial.count <= options.maxStreamsPerConnection, initial.allSatisfy(streams.names.isValid) else { return nil }
        return handler(.streams) { connection in
            connection.state.withLock { $0.combined = combined }
            self.streams.subscribe(connection, to: initial)
        }
    }

    private func handler(_ kind: WebSocketConnection.Kind, prepare: @escaping @Sendable (WebSocketConnection) -> Void) -> Handler? {
        guard open.withLock({ $0.connections.count }) < max(1, options.maxWebSocketConnections) else { return nil }
        return { inbound, outbound, _ in
            let connection = self.open.withLock { open in
                open.next += 1
                let connection = WebSocketConnection(
                    id: open.next, kind: kind, connectedSince: self.api.now, queueLimit: self.options.webSocketQueueLimit)
                open.connections[open.next] = connection
                return connection
            }
            prepare(connection)
            await self.serve(connection, inbound: inbound, outbound: outbound)
        }
    }

    // MARK: - A connection's life

    private func serve(_ connection: WebSocketConnection, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        defer {
            connection.close()
            _ = open.withLock { $0.connections.removeValue(forKey: connection.id) }
        }
        let options = options
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: options.webSocketMaxFrameBytes) {
                        await self.receive(message, on: connection)
                    }
                } catch {}
                connection.close(.normalClosure)
            }
            group.addTask {
                guard (try? await Task.sleep(for: options.webSocketMaxLifetime)) != nil else { return }
                if connection.kind == .api { connection.send(self.api.serverShutdown(now: self.engine.now)) }
                connection.close(.goingAway)
            }
            if options.webSocketPingInterval < options.webSocketPongTimeout {
                group.addTask {
                    while (try? await Task.sleep(for: options.webSocketPingInterval)) != nil { connection.ping() }
                }
            }
            await connection.writeQueued(to: outbound)
            group.cancelAll()
        }
    }

    private func receive(_ message: WebSocketMessage, on connection: WebSocketConnection) async {
        switch (connection.kind, message) {
        case let (.api, .text(text)):
            // The events a request causes follow its answer, as on the venue.
            let held = Locked<[AccountEvents]>([])
            let (answer, delay) = Self.$heldEvents.withValue(held) { api.answer(text, on: connection) }
            if let delay { try? await Task.sleep(for: delay) }
            connection.send(answer)
            for events in held.withLock({ $0 }) { deliver(events) }
        case (.api, .binary):
            connection.send(api.refusal(of: .malformedBody("a binary frame"), id: .null))
        case let (.streams, .text(text)):
            connection.send(streams.answer(text, on: connection))
        case (.streams, .binary):
            connection.send(StreamService.error(code: 3, "Invalid JSON: expected value at line 1 column 1", id: .null))
        }
    }

    // MARK: - Delivery

    /// Every open connection.
    var connections: [WebSocketConnection] { open.withLock { Array($0.connections.values) } }

    /// Closes every WebSocket connection at once.
    func dropAll() {
        for connection in connections { connection.close(.goingAway) }
    }

    /// Sends `payload` to every connection subscribed to `stream`; returns how many.
    @discardableResult
    func publish(stream: String, payload: String) -> Int {
        connections.filter { streams.deliver(payload, of: stream, to: $0) }.count
    }

    /// Where the events of the WebSocket request being answered wait for its answer to be queued.
    @TaskLocal private static var heldEvents: Locked<[AccountEvents]>?

    /// Sends the user data events of an answer to the subscriptions of its API key (every subscription when the
    /// change came from the clock).
    private func deliver(_ events: AccountEvents) {
        if let held = Self.heldEvents {
            held.withLock { $0.append(events) }
            return
        }
        let targets = connections.filter { $0.kind == .api }.flatMap { connection in
            connection.state.withLock { $0.subscriptions }
                .filter { events.apiKey == nil || $0.apiKey == nil || $0.apiKey == events.apiKey }
                .map { (connection, $0.id) }
        }
        guard !targets.isEmpty else { return }
        let messages = UserDataEvents(spec: engine.spec, now: engine.now).events(for: events)
        for (connection, subscription) in targets {
            for message in messages { connection.send(api.event(message, subscription: subscription)) }
        }
    }
}
