import BinanceSpot
import ClientRuntime
import Foundation
import Testing

/// The generated WebSocket API and streams clients over an in-memory connection: the same request value as REST,
/// the exact frame, the same answer types.
@Suite struct WebSocketClientUsageTests {
    static let ack = """
        {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"6gCrw2kRUAF9CvJDGP16IP","transactTime":1507725176595}
        """

    static func answer(_ frame: String, result: String, status: Int = 200) -> String {
        let id = (try? JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [String: Any])?["id"] as? String ?? ""
        let member = status == 200 ? "\"result\":\(result)" : "\"error\":\(result)"
        return "{\"id\":\"\(id)\",\"status\":\(status),\(member),\"rateLimits\":"
            + "[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000,\"count\":7}]}"
    }

    @Test func aLimitOrderTravelsAsTheDocsSayAndDecodesTheACK() async throws {
        let transport = InMemoryWebSocketTransport { frame, connection in connection.push(Self.answer(frame, result: Self.ack)) }
        let ws = BinanceSpotWebSocketClient(
            server: .init(url: URL(string: "ws://127.0.0.1:1/ws-api/v3")!), apiKey: "key", signer: HMACSHA256Signer(secret: Secret("secret")),
            transport: transport, options: ClientOptions(clock: { 1_700_000_000_000 }))
        var request = NewOrderRequest.limit(symbol: "BTCUSDT", side: .buy, timeInForce: .gtc, quantity: "0.001", price: "20000")
        request.newOrderRespType = .ack
        let order = try await ws.newOrder(request)
        guard case let .ack(ack) = order else {
            Issue.record("expected the ACK response")
            return
        }
        #expect(ack.orderId == 28)
        #expect(ws.rateLimits.usedWeight["1M"] == 7)
        let frame = try #require(transport.connections.first?.sentFrames.first)
        let payload =
            "apiKey=key&newOrderRespType=ACK&price=20000&quantity=0.001&recvWindow=5000&side=BUY&symbol=BTCUSDT&timeInForce=GTC&timestamp=1700000000000&type=LIMIT"
        let signature = HMACSHA256Signer(secret: Secret("secret")).signature(for: Array(payload.utf8))
        #expect(
            frame == """
                {"id":"1","method":"order.place","params":{"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC",\
                "quantity":"0.001","price":"20000","newOrderRespType":"ACK","recvWindow":5000,"timestamp":1700000000000,\
                "apiKey":"key","signature":"\(signature)"}}
                """)
    }

    @Test func venueErrorsAreTheGeneratedCatalog() async throws {
        let transport = InMemoryWebSocketTransport { frame, connection in
            connection.push(Self.answer(frame, result: "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", status: 400))
        }
        let ws = BinanceSpotWebSocketClient(transport: transport)
        await #expect(throws: BinanceSpotError.badSymbol) { try await ws.depth(DepthRequest(symbol: "NOPE")) }
    }

    @Test func userDataSubscriptionLogsOnFirstAndYieldsTypedEvents() async throws {
        let transport = InMemoryWebSocketTransport { frame, connection in
            let method = (try? JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [String: Any])?["method"] as? String
            switch method {
            case "userDataStream.subscribe": connection.push(Self.answer(frame, result: "{\"subscriptionId\":0}"))
            default:
                connection.push(
                    Self.answer(
                        frame,
                        result: """
                            {"apiKey":"key","authorizedSince":1,"connectedSince":1,"returnRateLimits":true,"serverTime":1,"userDataStream":false}
                            """))
            }
        }
        let ws = BinanceSpotWebSocketClient(apiKey: "key", signer: HMACSHA256Signer(secret: Secret("secret")), transport: transport)
        let events = try await ws.subscribeUserData()
        let connection = try #require(transport.connections.first)
        connection.push("{\"subscriptionId\":0,\"event\":{\"e\":\"balanceUpdate\",\"E\":1573200697110,\"a\":\"BTC\",\"d\":\"100.00000000\",\"T\":1573200697068}}")
        var iterator = events.makeAsyncIterator()
        guard case let .balanceUpdate(update)? = try await iterator.next() else {
            Issue.record("expected a balance update")
            return
        }
        #expect(update.balanceDelta.text == "100.00000000")
        let methods = connection.sentFrames.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["method"] as? String }
        #expect(methods == ["session.logon", "userDataStream.subscribe"])
    }

    @Test func streamNamesFollowTheTemplates() {
        #expect(BinanceSpotStreams.klineName(symbol: "BTCUSDT", interval: .oneMinute) == "btcusdt@kline_1m")
        #expect(BinanceSpotStreams.partialDepthName(symbol: "ETHBTC", levels: .levels10) == "ethbtc@depth10")
        #expect(BinanceSpotStreams.allWindowTickersName(windowSize: ._4h) == "!ticker_4h@arr")
        #expect(BinanceSpotStreams.allMiniTickersName() == "!miniTicker@arr")
    }

    @Test func aKlineStreamDecodesItsPayload() async throws {
        let transport = InMemoryWebSocketTransport { frame, connection in
            let id = (try? JSONSerialization.jsonObject(with: Data(frame.utf8)) as? [String: Any])?["id"] ?? 0
            connection.push("{\"result\":null,\"id\":\(id)}")
        }
        let streams = BinanceSpotStreams(server: .init(url: URL(string: "ws://127.0.0.1:1")!), transport: transport)
        let klines = try await streams.kline(symbol: "BTCUSDT", interval: .oneMinute)
        let connection = try #require(transport.connections.first)
        #expect(connection.url.absoluteString == "ws://127.0.0.1:1/stream?streams=btcusdt@kline_1m")
        connection.push(
            """
            {"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1672515782136,"s":"BTCUSDT","k":{"t":1672515780000,"T":1672515839999,\
            "s":"BTCUSDT","i":"1m","f":100,"L":200,"o":"0.0010","c":"0.0020","h":"0.0025","l":"0.0015","v":"1000","n":100,"x":false,\
            "q":"1.0000","V":"500","Q":"0.500","B":"123456"}}}
            """)
        var iterator = klines.makeAsyncIterator()
        let kline = try #require(try await iterator.next())
        #expect(kline.symbol == "BTCUSDT")
        #expect(kline.kline.close.text == "0.0020")
    }
}
