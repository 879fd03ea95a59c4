import Foundation

/// Market streams on one combined connection: each `subscribe` returns the stream's payloads, decoded, as an
/// `AsyncThrowingStream`; consumers of the same stream share one server subscription; ending the last
/// iteration unsubscribes. After a drop, the server's close or `maxConnectionAge` the client reconnects with
/// backoff and every stream continues on the new connection.
///
/// Generated stream clients (`BinanceSpotStreams`) wrap it with one typed method per stream.
public actor MarketStreamsClient {
    /// The server (`wss://stream.binance.com:9443`; a mock's `ws://127.0.0.1:PORT`).
    public nonisolated let baseURL: URL
    public nonisolated let profile: MarketStreamsProfile
    public nonisolated let options: WebSocketOptions
    let keeper: ConnectionKeeper
    let pending = PendingAnswers<Data>()
    /// Consumers by stream name, then by consumer number.
    var consumers: [String: [Int: EventSubscription]] = [:]
    var consumerCount = 0
    /// The streams the open connection carries.
    var serverNames = Set<String>()
    /// The streams named in the URL of the connection being opened.
    var connectingNames: [String] = []
    var requestCount = 0

    /// Creates a client; nothing connects until the first subscription.
    public init(baseURL: URL, profile: MarketStreamsProfile, transport: any WebSocketTransport, options: WebSocketOptions = WebSocketOptions()) {
        self.baseURL = baseURL
        self.profile = profile
        self.options = options
        keeper = ConnectionKeeper(transport: transport, options: options)
    }

    /// A client nobody holds any more closes its connection.
    deinit {
        let keeper = keeper
        Task { await keeper.close() }
    }

    /// The payloads of stream `name` (`btcusdt@kline_1m`), decoded as `Payload`. Throws
    /// `StreamSubscriptionError` when the server refuses the subscription, `TransportError` when it cannot connect.
    public func subscribe<Payload: Decodable & Sendable>(_ name: String, as type: Payload.Type = Payload.self) async throws -> AsyncThrowingStream<Payload, any Error> {
        let (payloads, continuation) = AsyncThrowingStream<Payload, any Error>.makeStream()
        consumerCount += 1
        let number = consumerCount
        let method = WebSocketMethodInfo(name: name, security: .none)
        consumers[name, default: [:]][number] = .decoding(Payload.self, method: method, parameters: Parameters(), into: continuation)
        continuation.onTermination = { [weak self] _ in Task { await self?.endConsumer(number, of: name) } }
        do {
            let link = try await keeper.link(for: self)
            if !serverNames.contains(name) {
                try await control("SUBSCRIBE", [name], on: link)
                serverNames.insert(name)
            }
        } catch {
            consumers[name]?[number] = nil
            if consumers[name]?.isEmpty == true { consumers[name] = nil }
            continuation.finish()
            throw error
        }
        return payloads
    }

    /// The streams subscribed now.
    public var streams: [String] { consumers.keys.sorted() }

    /// How many connections the client has opened.
    public var connectionCount: Int { get async { await keeper.connectionCount } }

    /// Closes the connection for good and finishes every stream.
    public func close() async {
        await keeper.close()
        for consumer in consumers.values.flatMap(\.values) { consumer.finish(nil) }
        consumers = [:]
    }

    /// Drops the connection as a network failure would; the client reconnects. For tests.
    public func dropConnection() async { await keeper.drop() }

    /// Sends a control message (`SUBSCRIBE`, `UNSUBSCRIBE`) and waits for its answer.
    func control(_ method: String, _ names: [String], on link: WebSocketLink) async throws {
        requestCount += 1
        let id = requestCount
        let params = names.map(JSONText.string).joined(separator: ",")
        let text = "{\"method\":\(JSONText.string(method)),\"params\":[\(params)],\"id\":\(id)}"
        let timeout = options.requestTimeout
        let error = try await withCheckedThrowingContinuation { continuation in
            pending.register(
                String(id), connection: link.number, continuation: continuation, timeout: timeout,
                timeoutError: { StreamSubscriptionError(streams: names, message: "no answer to \(method) within \(timeout)") },
                onClose: { StreamSubscriptionError(streams: names, message: "\($0) before the answer to \(method)") })
            link.send(text)
        }
        if !error.isEmpty { throw StreamSubscriptionError(streams: names, message: String(decoding: error, as: UTF8.self)) }
    }

    /// Ends consumer `number` of `name`; the last one unsubscribes the stream.
    func endConsumer(_ number: Int, of name: String) async {
        guard consumers[name]?.removeValue(forKey: number) != nil, consumers[name]?.isEmpty == true else { return }
        consumers[name] = nil
        guard serverNames.remove(name) != nil, let link = await keeper.openLink else { return }
        try? await control("UNSUBSCRIBE", [name], on: link)
    }
}

extension MarketStreamsClient: ConnectionOwner {
    /// The combined path holding every stream subscribed now.
    func connectionURL() async -> URL {
        connectingNames = consumers.keys.sorted()
        let path = profile.combinedPath.replacingOccurrences(of: "<streamNames>", with: connectingNames.joined(separator: "/"))
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + path) ?? baseURL
    }

    func receive(_ text: String, on link: WebSocketLink) async {
        let data = Data(text.utf8)
        guard let members = JSONObjectScanner.members(of: data) else { return }
        if let stream = members.first(where: { $0.key == profile.streamField })?.scalarText(in: data),
            let payload = members.first(where: { $0.key == profile.dataField })?.rawValue(in: data)
        {
            for consumer in consumers[stream]?.values ?? [:].values { consumer.deliver(payload) }
        } else if let id = members.first(where: { $0.key == "id" })?.scalarText(in: data) {
            // `{"result": null, "id": 1}`; a refusal carries `error`, handed back as its JSON text.
            pending.resolve(id, with: members.first { $0.key == "error" }?.rawValue(in: data) ?? Data())
        }
    }

    func restore(_ link: WebSocketLink) async throws {
        serverNames = Set(connectingNames)
        let added = consumers.keys.filter { !serverNames.contains($0) }.sorted()
        if !added.isEmpty { try await control("SUBSCRIBE", added, on: link) }
        serverNames.formUnion(added)
    }

    func connectionEnded(_ link: WebSocketLink, reason: String) async {
        pending.connectionEnded(link.number, reason: reason)
        if await keeper.openLink == nil { serverNames = [] }
    }

    func wantsConnection() async -> Bool { !consumers.isEmpty }
}
