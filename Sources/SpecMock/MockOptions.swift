import Foundation

/// The keys the mock checks requests with. Anything left nil is not checked (a signature must still be present).
public struct MockCredentials: Sendable, Hashable {
    /// The API key requests must carry (`X-MBX-APIKEY`, `EXCHANGE-API-KEY`); nil accepts any non-empty key.
    public var apiKey: String?
    /// The HMAC-SHA256 secret (Binance, JEX).
    public var secret: String?
    /// An RSA or Ed25519 public key, PEM (`BEGIN PUBLIC KEY`): Binance RSA/Ed25519 keys, DFX's Ed25519 key.
    public var publicKeyPEM: String?
    /// The bearer token requests must carry (B2TRADER); nil accepts any non-empty token.
    public var bearerToken: String?

    /// Creates credentials.
    public init(apiKey: String? = nil, secret: String? = nil, publicKeyPEM: String? = nil, bearerToken: String? = nil) {
        self.apiKey = apiKey
        self.secret = secret
        self.publicKeyPEM = publicKeyPEM
        self.bearerToken = bearerToken
    }
}

/// How a mock exchange runs.
public struct MockOptions: Sendable {
    /// Address to bind; must be a loopback address (`127.0.0.1`, `::1`, `localhost`).
    public var host: String
    /// Port to bind; 0 picks a free one (read it from `MockExchange.baseURL`).
    public var port: Int
    /// The keys requests are checked with.
    public var credentials: MockCredentials
    /// Faults per endpoint id (`*` for every endpoint).
    public var faults: [String: [MockFault]]
    /// The mock's clock in milliseconds since 1970, for timestamp checks and rate-limit windows.
    public var clock: @Sendable () -> Int64
    /// How far a header timestamp may be from the clock (DFX documents 5 seconds), in milliseconds.
    public var headerTimestampTolerance: Int64
    /// Refuse parameters the endpoint does not document (Binance -1103).
    public var rejectUnknownParameters: Bool
    /// Largest request body accepted, in bytes (1 MiB); a larger one, declared or sent, is answered 413 unread.
    public var maxBodyBytes: Int
    /// Most connections open at once (256); at the limit, idle connections are closed to make room for new ones.
    public var maxConnections: Int
    /// Most requests kept in `MockExchange.requests` (10,000; oldest dropped first).
    public var maxRecordedRequests: Int
    /// Most bytes the kept requests may hold (64 MiB; oldest dropped first).
    public var maxRecordedBytes: Int
    /// How long a connection may take to send a request's head once it started it (10 s).
    public var headerReadTimeout: Duration
    /// How long a connection may take to send a request's body after its head (30 s).
    public var bodyReadTimeout: Duration
    /// How long a connection may wait between requests before it is closed (60 s).
    public var idleTimeout: Duration
    /// Longest `delay` a fault may impose.
    public var maxDelay: Duration
    /// Runs the mock in stateful mode from this scenario: orders rest, trade and change balances, filters are
    /// enforced, and the clock starts at the scenario's start (see `docs/mock.md`). `nil` (the default) answers every
    /// call with the spec's examples.
    public var scenario: Scenario?
    /// Market stream payloads to replay (JSON Lines: `{"stream": "btcusdt@kline_1m", "data": {…}, "delayMs": 0}`); a
    /// connection subscribed to a stream receives that stream's lines in file order after it subscribes.
    public var streamFeed: URL?
    /// How often the server pings each WebSocket connection (20 s, as Binance).
    public var webSocketPingInterval: Duration
    /// A WebSocket connection that has not answered a ping within this time is closed (60 s, as Binance).
    public var webSocketPongTimeout: Duration
    /// A WebSocket connection is closed after this time, the WebSocket API sending `serverShutdown` first (24 h).
    public var webSocketMaxLifetime: Duration
    /// Largest WebSocket frame accepted, in bytes (64 KiB); a larger one closes the connection (1009).
    public var webSocketMaxFrameBytes: Int
    /// Most WebSocket connections open at once (64); more upgrade requests are refused with 400.
    public var maxWebSocketConnections: Int
    /// Most frames waiting to be written to one WebSocket connection (1,024); a client that falls further behind
    /// is disconnected, as the venue does with slow consumers.
    public var webSocketQueueLimit: Int
    /// Most streams one stream connection may hold (1,024, as Binance).
    public var maxStreamsPerConnection: Int

    /// Creates options; every argument has a default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        credentials: MockCredentials = MockCredentials(),
        faults: [String: [MockFault]] = [:],
        clock: @escaping @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) },
        headerTimestampTolerance: Int64 = 5000,
        rejectUnknownParameters: Bool = true,
        maxBodyBytes: Int = 1 << 20,
        maxConnections: Int = 256,
        maxRecordedRequests: Int = 10_000,
        maxRecordedBytes: Int = 64 << 20,
        headerReadTimeout: Duration = .seconds(10),
        bodyReadTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60),
        maxDelay: Duration = .seconds(30),
        scenario: Scenario? = nil,
        streamFeed: URL? = nil,
        webSocketPingInterval: Duration = .seconds(20),
        webSocketPongTimeout: Duration = .seconds(60),
        webSocketMaxLifetime: Duration = .seconds(24 * 3600),
        webSocketMaxFrameBytes: Int = 64 << 10,
        maxWebSocketConnections: Int = 64,
        webSocketQueueLimit: Int = 1024,
        maxStreamsPerConnection: Int = 1024
    ) {
        self.host = host
        self.port = port
        self.credentials = credentials
        self.faults = faults
        self.clock = clock
        self.headerTimestampTolerance = headerTimestampTolerance
        self.rejectUnknownParameters = rejectUnknownParameters
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.maxRecordedRequests = maxRecordedRequests
        self.maxRecordedBytes = maxRecordedBytes
        self.headerReadTimeout = headerReadTimeout
        self.bodyReadTimeout = bodyReadTimeout
        self.idleTimeout = idleTimeout
        self.maxDelay = maxDelay
        self.scenario = scenario
        self.streamFeed = streamFeed
        self.webSocketPingInterval = webSocketPingInterval
        self.webSocketPongTimeout = webSocketPongTimeout
        self.webSocketMaxLifetime = webSocketMaxLifetime
        self.webSocketMaxFrameBytes = webSocketMaxFrameBytes
        self.maxWebSocketConnections = maxWebSocketConnections
        self.webSocketQueueLimit = webSocketQueueLimit
        self.maxStreamsPerConnection = maxStreamsPerConnection
    }
}

/// Why a mock could not start.
public enum MockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The host is not a loopback address.
    case notLoopback(String)
    /// The spec did not load.
    case invalidSpec(String)
    /// A configured key cannot be read.
    case invalidKey(String)
    /// A fault configuration cannot be read.
    case invalidFaults(String)
    /// The server did not start (port in use, …).
    case serverDidNotStart(String)
    /// The stateful mode's scenario cannot be used with this spec.
    case invalidScenario(String)
    /// The stream feed cannot be read (`file:line: problem`).
    case invalidStreamFeed(String)

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case let .notLoopback(host): "the mock binds to loopback only; '\(host)' is not a loopback address"
        case let .invalidSpec(message): "the spec does not load: \(message)"
        case let .invalidKey(message): "invalid key: \(message)"
        case let .invalidFaults(message): "invalid faults: \(message)"
        case let .serverDidNotStart(message): "the mock server did not start: \(message)"
        case let .invalidScenario(message): "invalid scenario: \(message)"
        case let .invalidStreamFeed(message): "invalid stream feed: \(message)"
        }
    }
}
