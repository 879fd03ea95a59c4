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
    private let engine: MockEngine
    private let server: MockServer

    private init(spec: Spec, baseURL: URL, engine: MockEngine, server: MockServer) {
        self.spec = spec
        self.baseURL = baseURL
        port = server.port
        self.engine = engine
        self.server = server
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
        let server = try await MockServer.start(engine, host: options.host, port: options.port, options: options)
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        guard let url = URL(string: "http://\(host):\(server.port)") else {
            await server.stop()
            throw MockError.serverDidNotStart("no URL for \(host):\(server.port)")
        }
        return MockExchange(spec: spec, baseURL: url, engine: engine, server: server)
    }

    /// Loads the spec at `path` and starts a mock for it.
    public static func start(specAt path: String, options: MockOptions = MockOptions()) async throws -> MockExchange {
        let result = SpecLoader.load(path: path)
        guard let spec = result.spec, !result.hasErrors else {
            throw MockError.invalidSpec(result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return try await start(spec: spec, options: options)
    }

    /// Stops the server; requests in flight are answered first.
    public func stop() async {
        await server.stop()
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
        stateful.catchUp()
    }

    /// Whether `host` names a loopback address.
    static func isLoopback(_ host: String) -> Bool {
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        let ipv4Loopback = octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
        return ipv4Loopback || ["localhost", "::1", "[::1]"].contains(host)
    }
}
