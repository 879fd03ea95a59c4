import Foundation
import SpecModel

/// A mock exchange that behaves like the venue a spec describes, on a loopback port: it serves every endpoint,
/// checks each request as the venue would (API key, signature, timestamp, mandatory and conditional parameters,
/// value types) and answers in the venue's error format and codes, or with the endpoint's documented example.
///
/// ```swift
/// let mock = try await MockExchange.start(spec: spec, options: MockOptions(credentials: .init(apiKey: "k", secret: "s")))
/// defer { Task { await mock.stop() } }
/// let client = BinanceSpotClient(server: .init(url: mock.baseURL), credentials: …)
/// ```
public final class MockExchange: Sendable {
    /// The spec the mock serves.
    public let spec: Spec
    /// `http://127.0.0.1:<port>`: the server URL to give a client.
    public let baseURL: URL
    /// The bound port.
    public let port: Int
    /// `ws://127.0.0.1:<port>/ws-api/v3`: the WebSocket API.
    public let webSocketAPIURL: URL
    /// `ws://127.0.0.1:<port>`: market streams, at `/ws/<streamName>` and `/stream?streams=<a>/<b>`.
    public let streamsURL: URL
    private let engine: MockEngine
    private let server: MockServer
    private let hub: WebSocketHub

    private init(spec: Spec, baseURL: URL, engine: MockEngine, server: MockServer, hub: WebSocketHub) throws {
        self.spec = spec
        self.baseURL = baseURL
        port = server.port
        self.engine = engine
        self.server = server
        self.hub = hub
        let authority = baseURL.absoluteString.dropFirst("http://".count)
        guard let api = URL(string: "ws://\(authority)/ws-api/v3"), let streams = URL(string: "ws://\(authority)") else {
            throw MockError.serverDidNotStart("no WebSocket URL for \(authority)")
        }
        webSocketAPIURL = api
        streamsURL = streams
    }

    /// Starts a mock for `spec`; with `options.port` 0 (the default) on a free port.
    /// Throws `MockError` for a non-loopback host, an unreadable key, or a port that cannot be bound.
    public static func start(spec: Spec, options: MockOptions = MockOptions()) async throws -> MockExchange {
        guard isLoopback(options.host) else { throw MockError.notLoopback(options.host) }
        var options = options
        var stateful: StatefulVenue?
        if let scenario = options.scenario {
            let clock = ScenarioClock(start: scenario.clockStart, frozen: scenario.clockFrozen, base: options.clock)
            stateful = try StatefulVenue(spec: spec, scenario: scenario, clock: clock)
            options.clock = { clock.now() }
        }
        let engine = try MockEngine(spec: spec, options: options, stateful: stateful)
        let hub = try WebSocketHub(engine: engine, options: options)
        let server = try await MockServer.start(engine, hub: hub, host: options.host, port: options.port, options: options)
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        do {
            guard let url = URL(string: "http://\(host):\(server.port)") else {
                throw MockError.serverDidNotStart("no URL for \(host):\(server.port)")
            }
            return try MockExchange(spec: spec, baseURL: url, engine: engine, server: server, hub: hub)
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Loads the spec at `path` and starts a mock for it.
    public static func start(specAt path: String, options: MockOptions = MockOptions()) async throws -> MockExchange {
        let result = SpecLoader.load(path: path)
        guard let spec = result.spec, !result.hasErrors else {
            throw MockError.invalidSpec(result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return try await start(spec: spec, options: options)
    }

    /// Stops the server; requests in flight are answered first, WebSocket connections are closed.
    public func stop() async {
        hub.dropAll()
        await server.stop()
    }

    /// Closes every open WebSocket connection at once (API and streams), as a venue's disconnect would.
    public func dropWebSocketConnections() { hub.dropAll() }

    /// How many WebSocket connections are open.
    public var webSocketConnectionCount: Int { hub.connections.count }

    /// Sends one payload (JSON text) to every connection subscribed to `stream` now, wrapped on combined
    /// connections; returns how many received it (none for text that is not JSON).
    @discardableResult
    public func publish(stream: String, payload: String) -> Int {
        guard (try? JSONDocument.parse(payload)) != nil else { return 0 }
        return hub.publish(stream: stream, payload: payload)
    }

    /// The latest requests received (up to `MockOptions.maxRecordedRequests` and `maxRecordedBytes`), oldest first.
    public var requests: [MockRecordedRequest] { engine.records }

    /// How many requests the mock has answered since it started (not only those still in `requests`).
    public var requestCount: Int { engine.receivedCount }

    /// The requests routed to `endpointID` whose parameters include every pair of `parameters`.
    public func requests(to endpointID: String, where parameters: [String: String] = [:]) -> [MockRecordedRequest] {
        engine.records.filter { record in
            record.endpointID == endpointID && parameters.allSatisfy { record.parameters[$0.key] == $0.value }
        }
    }

    /// Forgets the recorded requests.
    public func clearRequests() { engine.clearRecords() }

    /// Adds a fault to an endpoint (`*` for every endpoint); faults are tried in the order added.
    public func inject(_ fault: MockFault, into endpointID: String) { engine.inject(fault, into: endpointID) }

    /// Removes the faults of one endpoint, or all faults.
    public func removeFaults(from endpointID: String? = nil) { engine.removeFaults(from: endpointID) }

    /// The mock's time in milliseconds since 1970: in stateful mode the scenario's clock (give it to a client as
    /// `ClientOptions.clock` so its timestamps agree), else `MockOptions.clock`.
    public var now: Int64 { engine.stateful?.clock.now() ?? engine.now }

    /// Stateful mode: moves the clock forward by `milliseconds` and runs the scenario's script steps that fall due.
    public func advanceClock(by milliseconds: Int64) {
        guard let stateful = engine.stateful else { return }
        stateful.clock.advance(by: milliseconds)
        let changes = stateful.catchUp()
        if !changes.isEmpty { engine.notify(AccountEvents(apiKey: nil, changes: changes)) }
    }

    /// Whether `host` names a loopback address.
    static func isLoopback(_ host: String) -> Bool {
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        let ipv4Loopback = octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
        return ipv4Loopback || ["localhost", "::1", "[::1]"].contains(host)
    }
}
