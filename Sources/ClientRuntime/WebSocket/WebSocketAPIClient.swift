import Foundation

/// Sends an API's requests over its WebSocket API: the same request types and answers as REST (`APIClient`),
/// correlated by request id on one long-lived connection, signed with the same signers, with session logon,
/// user data events as `AsyncThrowingStream`s, rate-limit state from every answer, and reconnection (logon and
/// subscriptions restored) after a drop, the server's close, or `maxConnectionAge`.
///
/// Generated clients (`BinanceSpotWebSocketClient`) wrap it with one method per WebSocket API method.
public actor WebSocketAPIClient<Failure: VenueError> {
    /// The REST API's profile (auth parameters, error format, status meanings).
    public nonisolated let profile: APIProfile
    /// The WebSocket API's envelope and methods.
    public nonisolated let webSocket: WebSocketAPIProfile
    /// Where the client connects (`wss://ws-api.binance.com:443/ws-api/v3`).
    public nonisolated let url: URL
    /// The options in force.
    public nonisolated let options: ClientOptions
    public nonisolated let webSocketOptions: WebSocketOptions
    let keeper: ConnectionKeeper
    let frame: WebSocketRequestFrame
    let reader: ResponseReader<Failure>
    let clock: ServerClock
    let pending = PendingAnswers<WebSocketInbound.Answer>()
    let counters = Locked(RateLimitState())
    var requestCount: UInt64 = 0
    /// Connections (by number) that are logged on, and whether to log on again after reconnecting.
    var loggedOn = Set<Int>()
    var keepsSession = false
    var subscriptions: [Int: EventSubscription] = [:]
    var subscriptionCount = 0
    /// Subscribe requests in flight: request id → subscription, so the answer's id is noted before any event.
    var subscribing: [String: Int] = [:]

    /// Creates a client; nothing connects until the first request.
    public init(
        profile: APIProfile, webSocket: WebSocketAPIProfile, url: URL, credentials: Credentials, transport: any WebSocketTransport,
        options: ClientOptions = ClientOptions(), webSocketOptions: WebSocketOptions = WebSocketOptions()
    ) {
        self.profile = profile
        self.webSocket = webSocket
        self.url = url
        self.options = options
        self.webSocketOptions = webSocketOptions
        keeper = ConnectionKeeper(transport: transport, options: webSocketOptions)
        frame = WebSocketRequestFrame(profile: profile, api: webSocket, credentials: credentials, recvWindow: options.recvWindow)
        reader = ResponseReader(profile: profile, drift: DriftSink(options.driftReporting, logger: options.logger))
        clock = ServerClock(local: options.clock)
    }

    /// A client nobody holds any more closes its connection.
    deinit {
        let keeper = keeper
        Task { await keeper.close() }
    }

    /// The latest rate-limit counters from the answers' `rateLimits`.
    public nonisolated var rateLimits: RateLimitState { counters.withLock { $0 } }

    /// Keeps timestamps on the server's clock: `offset = serverTime - clock()` (see `APIClient`).
    public nonisolated func setServerTimeOffset(serverTime: Int64) { clock.sync(serverTime: serverTime) }

    /// Sends `request` as WebSocket API method `method` and decodes its answer as REST would.
    ///
    /// Throws what `APIClient.send` throws: `RequestValidationError`, `Failure`, `RateLimitError`,
    /// `ExecutionUnknownError` (no answer in time, or the connection ended first), `TransportError` (cannot
    /// connect), `ResponseDecodingError` or `CancellationError`.
    public func send<R: APIRequest>(_ request: R, method: String, validation: ClientOptions.Validation? = nil) async throws -> R.Response {
        let parameters = request.parameters
        if (validation ?? options.validation) == .beforeSend { try request.validate(parameters, against: options.exchangeFilters) }
        let info = WebSocketMethodInfo(
            name: method, security: R.endpoint.security, weight: request.weight(for: parameters), isIdempotent: R.endpoint.isIdempotent)
        let body = try result(of: try await exchange(info, parameters), info)
        return try reader.decode(request, parameters, body)
    }

    /// Calls a method of the WebSocket API's own (no REST twin) and decodes its `result` as `Response`.
    public func call<Response: Decodable & Sendable>(
        _ method: WebSocketMethodInfo, parameters: Parameters = Parameters(), as type: Response.Type = Response.self
    ) async throws -> Response {
        let body = try result(of: try await exchange(method, parameters), method)
        return try decodePayload(Response.self, from: body.body, endpoint: method.name)
    }

    /// Logs the connection on with the profile's logon method (signed; Binance: Ed25519 keys only). Requests after
    /// it carry no API key or signature, and the client logs on again after every reconnection until `logout`.
    public func logon<Response: Decodable & Sendable>(as type: Response.Type = Response.self) async throws -> Response {
        guard let method = webSocket.logonMethod else { throw noSuchMethod("logon") }
        let answer = try await logon(on: try await keeper.link(for: self))
        return try decodePayload(Response.self, from: try result(of: answer, method).body, endpoint: method.name)
    }

    /// Calls the logout method `method`; the client stops logging on after reconnections.
    public func logout<Response: Decodable & Sendable>(_ method: WebSocketMethodInfo, as type: Response.Type = Response.self) async throws -> Response {
        let response = try await call(method, as: Response.self)
        keepsSession = false
        if let link = await keeper.openLink { loggedOn.remove(link.number) }
        return response
    }

    /// Subscribes with `method` (answered `{"subscriptionId": N}`) and returns its events, decoded as `Event`.
    /// The subscription is made again after a reconnection; ending the iteration unsubscribes.
    public func subscribe<Event: Decodable & Sendable>(
        _ method: WebSocketMethodInfo, parameters: Parameters = Parameters(), as type: Event.Type = Event.self
    ) async throws -> AsyncThrowingStream<Event, any Error> {
        let (events, continuation) = AsyncThrowingStream<Event, any Error>.makeStream()
        subscriptionCount += 1
        let local = subscriptionCount
        subscriptions[local] = .decoding(Event.self, method: method, parameters: parameters, into: continuation)
        continuation.onTermination = { [weak self] _ in Task { await self?.endSubscription(local) } }
        do {
            _ = try result(of: try await exchange(method, parameters, subscription: local), method)
            subscriptions[local]?.established = true
        } catch {
            subscriptions[local] = nil
            continuation.finish()
            throw error
        }
        return events
    }

    /// Calls the unsubscribe method `method` with `parameters` and ends the event streams of the subscription
    /// they name (every stream when they name none).
    public func unsubscribe<Response: Decodable & Sendable>(
        _ method: WebSocketMethodInfo, parameters: Parameters = Parameters(), as type: Response.Type = Response.self
    ) async throws -> Response {
        let response = try await call(method, parameters: parameters, as: Response.self)
        var named: Int?
        if case .int(let id)? = parameters[webSocket.subscriptionIdField ?? "subscriptionId"] { named = Int(exactly: id) }
        for (local, subscription) in subscriptions where named == nil || subscription.serverID == named {
            subscriptions[local] = nil
            subscription.finish(nil)
        }
        return response
    }

    /// Closes the connection for good; waiting requests fail and event streams finish.
    public func close() async {
        await keeper.close()
        for subscription in subscriptions.values { subscription.finish(nil) }
        subscriptions = [:]
    }

    /// Drops the current connection as a network failure would (the client reconnects when something is
    /// subscribed or logged on). For tests of reconnection.
    public func dropConnection() async { await keeper.drop() }

    /// How many connections the client has opened.
    public var connectionCount: Int { get async { await keeper.connectionCount } }
}
