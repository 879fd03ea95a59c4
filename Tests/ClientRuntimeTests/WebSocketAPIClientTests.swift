import ClientRuntime
import Foundation
import Testing

/// The WebSocket API client over an in-memory connection: correlation, failures, rate limits, sessions,
/// subscriptions and reconnection.
@Suite struct WebSocketAPIClientTests {
    enum Order: EndpointSpec {
        static let endpoint = OrderForm.endpoint
    }

    @Test func answersAreMatchedByIdWhateverTheirOrder() async throws {
        let transport = InMemoryWebSocketTransport()
        let client = BinanceWS.client(transport)
        async let first = client.send(RawCall<Ping>(), method: "ping")
        async let second = client.send(RawCall<ExchangeInfo>(), method: "exchangeInfo")
        let connection = try #require(await transport.nextConnection())
        #expect(await eventually { connection.sentFrames.count == 2 })
        let frames = connection.sentFrames
        let byMethod = Dictionary(uniqueKeysWithValues: frames.map { (BinanceWS.method(of: $0), $0) })
        // The later request is answered first.
        connection.push(BinanceWS.answer(try #require(byMethod["exchangeInfo"]), result: "{\"which\":\"info\"}"))
        connection.push(BinanceWS.answer(try #require(byMethod["ping"]), result: "{\"which\":\"ping\"}"))
        #expect(try await first == "{\"which\":\"ping\"}")
        #expect(try await second == "{\"which\":\"info\"}")
        #expect(Set(frames.map(BinanceWS.id(of:))).count == 2)
    }

    @Test func aClosedConnectionFailsTheWaitingCalls() async throws {
        let transport = InMemoryWebSocketTransport()
        let client = BinanceWS.client(transport)
        let order = Task { try await client.send(Call<EmptyResponse, Order>(Binance.orderParameters()), method: "order.place") }
        let connection = try #require(await transport.nextConnection())
        #expect(await eventually { connection.sentFrames.count == 1 })
        connection.drop()
        let error = await thrownError { try await order.value }
        let unknown = try #require(error as? ExecutionUnknownError)
        #expect(unknown.endpoint == "order.place")
        #expect(unknown.orderMayExist)
        #expect(unknown.reason.contains("closed"))
    }

    @Test func anUnansweredCallTimesOut() async throws {
        let transport = InMemoryWebSocketTransport()
        let client = BinanceWS.client(transport, timeout: .milliseconds(50))
        let error = await thrownError { try await client.send(RawCall<Ping>(), method: "ping") }
        let unknown = try #require(error as? ExecutionUnknownError)
        #expect(!unknown.orderMayExist)
        #expect(unknown.reason.contains("no answer"))
    }

    @Test func venueErrorsAreTheRESTErrorType() async throws {
        let transport = InMemoryWebSocketTransport { frame, connection in
            connection.push(
                "{\"id\":\"\(BinanceWS.id(of: frame))\",\"status\":400,\"error\":{\"code\":-1102,\"msg\":\"Mandatory parameter 'price' was not sent.\"}}")
        }
        let client = BinanceWS.client(transport)
        let error = await thrownError { try await client.send(RawCall<Ping>(), method: "ping") }
        let venue = try #require(error as? TestVenueError)
        #expect(venue.code == "-1102")
        #expect(venue.message == "Mandatory parameter 'price' was not sent.")
        #expect(venue.httpStatus == 400)
        let limited = InMemoryWebSocketTransport { frame, connection in
            connection.push("{\"id\":\"\(BinanceWS.id(of: frame))\",\"status\":429,\"error\":{\"code\":-1003,\"msg\":\"Too many requests.\"}}")
        }
        #expect(await thrownError { try await BinanceWS.client(limited).send(RawCall<Ping>(), method: "ping") } is RateLimitError)
    }

    @Test func rateLimitsOfEachAnswerUpdateTheStateAndTheLimiter() async throws {
        let reports = """
            [{"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000,"count":12},\
            {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":50,"count":3}]
            """
        let transport = InMemoryWebSocketTransport { frame, connection in connection.push(BinanceWS.answer(frame, result: "{}", rateLimits: reports)) }
        let limiter = WeightLimiter(limits: [.init(weight: 6000, per: .seconds(60))])
        let client = BinanceWS.client(transport) { $0.rateLimiter = limiter }
        _ = try await client.send(RawCall<Ping>(), method: "ping")
        #expect(client.rateLimits.usedWeight == ["1M": 12])
        #expect(client.rateLimits.orderCount == ["10S": 3])
        // The limiter counted the request's weight (1) and learnt the venue's 12.
        #expect(await limiter.usedWeight() == ["1M": 12])
    }

    @Test func afterLogonSignedRequestsCarryNoKeyOrSignature() async throws {
        let transport = InMemoryWebSocketTransport(server: BinanceWS.server())
        let client = BinanceWS.client(transport)
        _ = try await client.logon(as: EmptyResponse.self)
        _ = try await client.send(Call<EmptyResponse, Order>(Binance.orderParameters()), method: "order.place")
        let frames = try #require(transport.connections.first?.sentFrames)
        #expect(frames.map(BinanceWS.method(of:)) == ["session.logon", "order.place"])
        let logon = BinanceWS.params(of: frames[0])
        #expect(Set(logon.keys) == ["apiKey", "recvWindow", "signature", "timestamp"])
        let order = BinanceWS.params(of: frames[1])
        #expect(order["apiKey"] == nil && order["signature"] == nil)
        #expect(order["timestamp"] as? Int64 == 1_645_423_376_532)
    }

    @Test func userDataEventsReachTheirSubscriptionAndSurviveAReconnection() async throws {
        let transport = InMemoryWebSocketTransport(server: BinanceWS.server())
        let client = BinanceWS.client(transport)
        let events = try await client.subscribe(BinanceWS.subscribe, as: [String: String].self)
        let first = try #require(transport.connections.first)
        // The subscription needed a logged-on session: the client logged on first.
        #expect(first.sentFrames.map(BinanceWS.method(of:)) == ["session.logon", "userDataStream.subscribe"])
        first.push("{\"subscriptionId\":0,\"event\":{\"e\":\"balanceUpdate\"}}")
        first.push("{\"subscriptionId\":7,\"event\":{\"e\":\"someoneElse\"}}")
        first.drop()
        #expect(await eventually { transport.connections.count == 2 })
        let second = transport.connections[1]
        #expect(await eventually { second.sentFrames.count == 2 })
        #expect(second.sentFrames.map(BinanceWS.method(of:)) == ["session.logon", "userDataStream.subscribe"])
        // The new subscription has id 1; its events reach the same stream.
        second.push("{\"subscriptionId\":1,\"event\":{\"e\":\"executionReport\"}}")
        var iterator = events.makeAsyncIterator()
        #expect(try await iterator.next() == ["e": "balanceUpdate"])
        #expect(try await iterator.next() == ["e": "executionReport"])
        #expect(await client.connectionCount == 2)
    }

    @Test func aServerShutdownEventMovesToANewConnectionBeforeTheClose() async throws {
        let transport = InMemoryWebSocketTransport(server: BinanceWS.server())
        let client = BinanceWS.client(transport)
        let events = try await client.subscribe(BinanceWS.subscribe, as: [String: String].self)
        let first = try #require(transport.connections.first)
        // Another event type moves nothing; the announced close does, while the old connection is still open.
        first.push("{\"event\":{\"e\":\"balanceUpdate\"}}")
        first.push("{\"event\":{\"e\":\"serverShutdown\"}}")
        #expect(await eventually { transport.connections.count == 2 })
        let second = transport.connections[1]
        #expect(await eventually { second.sentFrames.count == 2 })
        #expect(second.sentFrames.map(BinanceWS.method(of:)) == ["session.logon", "userDataStream.subscribe"])
        var iterator = events.makeAsyncIterator()
        #expect(try await iterator.next() == ["e": "balanceUpdate"])
        #expect(try await iterator.next() == ["e": "serverShutdown"])
        #expect(await client.connectionCount == 2)
    }

    @Test func reconnectionBacksOffWhileTheServerIsUnreachable() async throws {
        let transport = InMemoryWebSocketTransport(server: BinanceWS.server())
        let client = BinanceWS.client(transport)
        let events = try await client.subscribe(BinanceWS.subscribe, as: [String: String].self)
        transport.refuseConnections(2)
        try #require(transport.connections.first).drop()
        #expect(await eventually { transport.connections.count == 2 })
        let second = transport.connections[1]
        #expect(await eventually { second.sentFrames.count == 2 })
        #expect(await client.connectionCount == 2)
        withExtendedLifetime(events) {}
    }

    @Test func endingTheIterationUnsubscribes() async throws {
        let transport = InMemoryWebSocketTransport(server: BinanceWS.server())
        let client = BinanceWS.client(transport)
        do {
            let events = try await client.subscribe(BinanceWS.subscribe, as: [String: String].self)
            _ = events
        }
        let connection = try #require(transport.connections.first)
        #expect(await eventually { connection.sentFrames.count == 3 })
        let unsubscribe = connection.sentFrames[2]
        #expect(BinanceWS.method(of: unsubscribe) == "userDataStream.unsubscribe")
        #expect(BinanceWS.params(of: unsubscribe)["subscriptionId"] as? Int == 0)
    }

    @Test func backoffDoublesUpToItsMaximum() {
        let options = WebSocketOptions(initialBackoff: .milliseconds(250), maxBackoff: .seconds(1))
        #expect((1...5).map(options.backoff(attempt:)) == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(1), .seconds(1)])
    }
}
