import BinanceSpot
import ClientRuntime
import ClientRuntimeWebSocket
import Foundation
import SpecMock
import Testing

/// The generated WebSocket API and streams clients, over the real WebSocket transport, against the mock on loopback:
/// the REST client's request values, their execution reports on the user data stream, a kline stream from the
/// replay feed, and reconnection after the mock drops every connection.
@Suite("Binance Spot over the WebSocket API and streams")
struct BinanceWebSocketEndToEndTests {
    /// A stateful mock with the scripted session's book and balances (its clock stays still), knowing one Ed25519
    /// key (session logon needs one), and both clients signing with it.
    struct Venue {
        let mock: MockExchange
        let rest: BinanceSpotClient
        let webSocket: BinanceSpotWebSocketClient

        static func start(feed: URL? = nil) async throws -> Venue {
            let keys = MockKeys.ed25519()
            var options = MockOptions(
                credentials: MockCredentials(apiKey: "ws-key", publicKeyPEM: keys.publicKeyPEM),
                scenario: try Scenario.parse(Data(StatefulSessionTests.scenario.utf8), file: "ws.yaml"))
            options.streamFeed = feed
            let mock = try await MockExchange.start(spec: try Specs.load("binance-spot.yaml"), options: options)
            let signer = try Ed25519Signer(privateKeyPEM: Secret(keys.privateKeyPEM))
            let clock = ClientOptions(clock: { mock.now })
            let rest = BinanceSpotClient(server: .init(url: mock.baseURL), apiKey: "ws-key", signer: signer, options: clock)
            let webSocket = BinanceSpotWebSocketClient(
                server: .init(url: mock.webSocketAPIURL), apiKey: "ws-key", signer: signer, transport: WebSocketClientTransport(),
                options: clock)
            return Venue(mock: mock, rest: rest, webSocket: webSocket)
        }

        /// Closes the WebSocket client (and `streams`) after 20 s, which finishes their event streams: a missing
        /// event fails the test instead of hanging it.
        func watchdog(_ streams: BinanceSpotStreams? = nil) -> Task<Void, any Error> {
            Task { [webSocket] in
                try await Task.sleep(for: .seconds(20))
                await webSocket.close()
                await streams?.close()
            }
        }

        func stop() async {
            await webSocket.close()
            await mock.stop()
        }
    }

    /// The next execution report on `events`, skipping other events; fails after `limit` events.
    static func nextReport(
        _ events: inout AsyncThrowingStream<WebSocketEvent, any Error>.AsyncIterator, limit: Int = 8
    ) async throws -> ExecutionReport {
        for _ in 0..<limit {
            guard let event = try await events.next() else { break }
            if case let .executionReport(report) = event { return report }
        }
        throw WebSocketTestFailure("no execution report among the next \(limit) events")
    }

    @Test("one NewOrderRequest value over REST and WebSocket; each order's execution report on the user data stream")
    func sameRequestBothTransports() async throws {
        let venue = try await Venue.start()
        let watchdog = venue.watchdog()
        defer { watchdog.cancel() }
        let status = try await venue.webSocket.logon()
        #expect(status.apiKey == "ws-key")
        var events = try await venue.webSocket.subscribeUserData().makeAsyncIterator()

        let order = NewOrderRequest.limit(symbol: "BTCUSDT", side: .buy, timeInForce: .gtc, quantity: "0.5", price: "100.00")
        guard case let .full(overWebSocket) = try await venue.webSocket.newOrder(order) else {
            throw WebSocketTestFailure("expected the FULL answer over WebSocket")
        }
        let report = try await Self.nextReport(&events)
        #expect(report.orderId == overWebSocket.orderId && report.executionType == .new && report.orderStatus == .new)
        #expect(report.price == "100.00" && report.quantity == "0.5" && report.side == .buy)

        guard case let .full(overREST) = try await venue.rest.newOrder(order) else {
            throw WebSocketTestFailure("expected the FULL answer over REST")
        }
        #expect(overREST.orderId != overWebSocket.orderId)
        let restReport = try await Self.nextReport(&events)
        #expect(restReport.orderId == overREST.orderId && restReport.orderStatus == .new)

        // Query and cancel over the WebSocket API; the cancellation is reported too.
        let queried = try await venue.webSocket.queryOrder(QueryOrderRequest(symbol: "BTCUSDT", orderId: overWebSocket.orderId))
        #expect(queried.status == .new && queried.origQty == "0.5")
        let canceled = try await venue.webSocket.cancelOrder(CancelOrderRequest(symbol: "BTCUSDT", orderId: overWebSocket.orderId))
        #expect(canceled.status == .canceled)
        let cancelReport = try await Self.nextReport(&events)
        #expect(cancelReport.orderId == overWebSocket.orderId && cancelReport.executionType == .canceled)
        #expect(try await venue.rest.openOrders(OpenOrdersRequest(symbol: "BTCUSDT")).map(\.orderId) == [overREST.orderId])
        #expect(!venue.webSocket.rateLimits.usedWeight.isEmpty)
        await venue.stop()
    }

    @Test("a kline stream replayed from a JSON Lines feed, decoded with exact decimals")
    func klineStream() async throws {
        let feed = FileManager.default.temporaryDirectory.appendingPathComponent("klines-\(UUID().uuidString).jsonl")
        let kline =
            #"{"e":"kline","E":1672515782136,"s":"BTCUSDT","k":{"t":1672515780000,"T":1672515839999,"s":"BTCUSDT","i":"1m","f":100,"L":200,"o":"0.0010","c":"0.0020","h":"0.0025","l":"0.0015","v":"1000","n":100,"x":false,"q":"1.0000","V":"500","Q":"0.500","B":"123456"}}"#
        let closed = kline.replacingOccurrences(of: #""x":false"#, with: #""x":true"#)
        try ([kline, closed].map { #"{"stream":"btcusdt@kline_1m","data":\#($0)}"# }.joined(separator: "\n") + "\n")
            .write(to: feed, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: feed) }
        let venue = try await Venue.start(feed: feed)
        let streams = BinanceSpotStreams(server: .init(url: venue.mock.streamsURL), transport: WebSocketClientTransport())
        let watchdog = venue.watchdog(streams)
        defer { watchdog.cancel() }
        var klines = try await streams.kline(symbol: "BTCUSDT", interval: .oneMinute).makeAsyncIterator()
        let first = try #require(try await klines.next())
        #expect(first.symbol == "BTCUSDT" && first.kline.interval == .oneMinute && !first.kline.isClosed)
        #expect(first.kline.open == "0.0010" && first.kline.high.description == "0.0025")
        let second = try #require(try await klines.next())
        #expect(second.kline.isClosed)
        await streams.close()
        await venue.stop()
    }

    @Test("after the mock drops every connection, both clients reconnect and resubscribe by themselves")
    func reconnection() async throws {
        let venue = try await Venue.start()
        let streams = BinanceSpotStreams(server: .init(url: venue.mock.streamsURL), transport: WebSocketClientTransport())
        let watchdog = venue.watchdog(streams)
        defer { watchdog.cancel() }
        _ = try await venue.webSocket.logon()
        var events = try await venue.webSocket.subscribeUserData().makeAsyncIterator()
        var trades = try await streams.trade(symbol: "BTCUSDT").makeAsyncIterator()

        // The stream is live before the drop: a published trade arrives.
        #expect(try await Self.publish(tradeId: 1, on: venue.mock))
        #expect(try await trades.next()?.tradeId == 1)

        venue.mock.dropWebSocketConnections()
        // A call in flight when the connection drops fails (its outcome is unknown); the client reconnects by itself,
        // logs on again and resubscribes, because it holds a subscription. Wait until it reports its subscription.
        #expect(try await Self.eventually { try await !venue.webSocket.userDataSubscriptions().isEmpty })
        // An order over REST after the drop reaches the user data stream only through the new subscription.
        _ = try await venue.rest.newOrder(.limit(symbol: "BTCUSDT", side: .sell, timeInForce: .gtc, quantity: "0.1", price: "150.00"))
        #expect(try await Self.nextReport(&events).orderStatus == .new)
        // The same iterator goes on after the stream client resubscribed.
        #expect(try await Self.publish(tradeId: 2, on: venue.mock))
        #expect(try await trades.next()?.tradeId == 2)
        await streams.close()
        await venue.stop()
    }
}

extension BinanceWebSocketEndToEndTests {
    /// Whether `condition` holds within 5 s; a throw counts as "not yet" (a call that met the dropped connection).
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<100 {
            if (try? await condition()) == true { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Publishes a BTCUSDT trade once the stream has a subscriber (a client subscribes on its own schedule); false
    /// when none appears within 5 s.
    static func publish(tradeId: Int, on mock: MockExchange) async throws -> Bool {
        let trade = #"{"e":"trade","E":1672515782136,"s":"BTCUSDT","t":\#(tradeId),"p":"0.001","q":"100","T":1672515782136,"m":true,"M":true}"#
        for _ in 0..<100 {
            if mock.publish(stream: "btcusdt@trade", payload: trade) > 0 { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}

struct WebSocketTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
