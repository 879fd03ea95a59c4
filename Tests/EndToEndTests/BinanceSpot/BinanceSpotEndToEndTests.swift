import BinanceSpot
import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import SpecMock
import Testing

/// The generated Binance Spot client against the mock, over real loopback HTTP with `URLSessionTransport`.
@Suite("Binance Spot end to end")
struct BinanceSpotEndToEndTests {
    static let apiKey = "e2e-key-" + MockKeys.hmacSecret().prefix(16)
    static let secret = MockKeys.hmacSecret()

    static func mock() async throws -> MockExchange {
        try await SharedMocks.shared.mock("binance-spot") {
            try await MockExchange.start(
                spec: try Specs.load("binance-spot.yaml"),
                options: MockOptions(credentials: MockCredentials(apiKey: apiKey, secret: secret)))
        }
    }

    static func client(_ mock: MockExchange, secret: String = secret) -> BinanceSpotClient {
        BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: apiKey, signer: HMACSHA256Signer(secret: Secret(secret))),
            transport: URLSessionTransport())
    }

    /// A MARKET order marked with its client order id.
    static func marketOrder(_ id: String) -> NewOrderRequest {
        NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .market, quantity: "1", newClientOrderId: id)
    }

    @Test("the call table covers every endpoint of the spec")
    func coversEveryEndpoint() async throws {
        let mock = try await Self.mock()
        #expect(Set(BinanceSpotCalls.all.keys) == Set(mock.spec.endpoints.map(\.id.value)))
    }

    @Test("every generated method works over the wire", arguments: BinanceSpotCalls.all.keys.sorted())
    func endpoint(_ id: String) async throws {
        let mock = try await Self.mock()
        try await BinanceSpotCalls.all[id]!(Self.client(mock))
    }

    @Test("newOrderRespType=ACK gets the ACK example")
    func ackVariant() async throws {
        let mock = try await Self.mock()
        let request = NewOrderRequest(
            symbol: "BTCUSDT", side: .sell, type: .market, quantity: "1", newOrderRespType: .ack)
        guard case let .ack(ack) = try await Self.client(mock).newOrder(request) else {
            Issue.record("expected the ACK variant")
            return
        }
        #expect(ack.orderId == 28)
    }

    @Test("a rule violation is refused by validate() and never sent")
    func validationBeforeSending() async throws {
        let mock = try await Self.mock()
        let id = marker("nosend")
        let request = NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, quantity: "1", price: "1", newClientOrderId: id)
        await #expect(throws: RequestValidationError.self) {
            try await Self.client(mock).newOrder(request)
        }
        #expect(mock.requests(to: "newOrder", where: ["newClientOrderId": id]).isEmpty)
    }

    @Test("the same violation sent raw is answered -1102 and mapped to the catalog error")
    func rawViolationMapsToCatalogError() async throws {
        let mock = try await Self.mock()
        let id = marker("raw")
        // A LIMIT order without timeInForce, signed by the runtime but built by hand, so no validate() runs.
        await #expect(throws: BinanceSpotError.mandatoryParamEmptyOrMalformed) {
            try await Self.client(mock).runtime.send(UncheckedNewOrder(symbol: "BTCUSDT", type: "LIMIT", clientOrderId: id))
        }
        let seen = mock.requests(to: "newOrder", where: ["newClientOrderId": id])
        #expect(seen.count == 1)
        #expect(seen.first?.status == 400)

        // The catalog member is a `catch` pattern.
        do {
            _ = try await Self.client(mock).runtime.send(UncheckedNewOrder(symbol: "BTCUSDT", type: "LIMIT", clientOrderId: marker("raw")))
            Issue.record("expected -1102")
        } catch BinanceSpotError.mandatoryParamEmptyOrMalformed {
            // matched
        }
    }

    @Test("a plain URLSession POST missing a mandatory parameter gets Binance's own error body")
    func plainPOST() async throws {
        let mock = try await Self.mock()
        let body = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=20000&timestamp=\(ClientOptions.systemClock())"
        let signature = HMACSHA256Signer(secret: Secret(Self.secret)).signature(for: Array(body.utf8))
        let answer = try await RawHTTP.send(
            "POST", mock.baseURL.appendingPathComponent("api/v3/order"), headers: ["X-MBX-APIKEY": Self.apiKey],
            body: body + "&signature=" + signature)
        #expect(answer.status == 400)
        #expect(answer.text == #"{"code":-1102,"msg":"Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed."}"#)
    }

    @Test("an unknown parameter is answered -1103")
    func unknownParameter() async throws {
        let mock = try await Self.mock()
        let answer = try await RawHTTP.send("GET", URL(string: mock.baseURL.absoluteString + "/api/v3/exchangeInfo?symbl=BTCUSDT")!)
        #expect(answer.status == 400)
        #expect(answer.text.contains("-1103"))
    }

    @Test("a malformed decimal is answered -1100 and a bad enum value with its own code")
    func malformedValues() async throws {
        let mock = try await Self.mock()
        let client = Self.client(mock)
        await #expect(throws: BinanceSpotError.illegalChars) {
            try await client.runtime.send(UncheckedNewOrder(symbol: "BTCUSDT", type: "MARKET", clientOrderId: marker("m"), quantity: "1.2.3"))
        }
        await #expect(throws: BinanceSpotError.invalidOrderType) {
            try await client.runtime.send(UncheckedNewOrder(symbol: "BTCUSDT", type: "LIMITED", clientOrderId: marker("m")))
        }
    }

    @Test("a wrong secret gets -1022 INVALID_SIGNATURE")
    func wrongSecret() async throws {
        let mock = try await Self.mock()
        await #expect(throws: BinanceSpotError.invalidSignature) {
            try await Self.client(mock, secret: MockKeys.hmacSecret()).account()
        }
    }

    @Test("a wrong API key gets -2015 and a missing one -2014")
    func apiKeys() async throws {
        let mock = try await Self.mock()
        let wrongKey = BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: "someone-else", signer: HMACSHA256Signer(secret: Secret(Self.secret))))
        await #expect(throws: BinanceSpotError.rejectedMbxKey) { try await wrongKey.account() }
        let answer = try await RawHTTP.send("GET", URL(string: mock.baseURL.absoluteString + "/api/v3/account?timestamp=1")!)
        #expect(answer.status == 401)
        #expect(answer.text.contains("-2014"))
    }

    @Test("a timestamp outside the receive window gets -1021")
    func staleTimestamp() async throws {
        let mock = try await Self.mock()
        let lateClock = BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: Self.apiKey, signer: HMACSHA256Signer(secret: Secret(Self.secret))),
            options: ClientOptions(clock: { ClientOptions.systemClock() - 120_000 }, resyncsClockOnRejection: false))
        await #expect(throws: BinanceSpotError.invalidTimestamp) { try await lateClock.account() }
    }

    @Test("after -1021 the client resyncs its clock from /api/v3/time once and the order goes through")
    func clockResyncAfterRejection() async throws {
        // A mock of its own: its request log holds only this test's requests.
        let mock = try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"),
            options: MockOptions(credentials: MockCredentials(apiKey: Self.apiKey, secret: Self.secret)))
        let client = BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: Self.apiKey, signer: HMACSHA256Signer(secret: Secret(Self.secret))),
            options: ClientOptions(clock: { ClientOptions.systemClock() + 90_000 }))
        _ = try await client.newOrder(Self.marketOrder(marker("resync")))
        #expect(mock.requests.compactMap(\.endpointID) == ["newOrder", "serverTime", "newOrder"])
        #expect(abs(client.runtime.serverTimeOffset + 90_000) < 60_000)
        // The offset holds: the next signed request is accepted at once.
        _ = try await client.account()
        #expect(mock.requests.compactMap(\.endpointID).suffix(1) == ["account"])
        #expect(mock.requests.count == 4)
        await mock.stop()
    }

    @Test("recvWindow above 60000 sent raw gets -1102")
    func recvWindowTooLarge() async throws {
        let mock = try await Self.mock()
        let query = "timestamp=\(ClientOptions.systemClock())&recvWindow=70000"
        let signature = HMACSHA256Signer(secret: Secret(Self.secret)).signature(for: Array(query.utf8))
        let answer = try await RawHTTP.send(
            "GET", URL(string: mock.baseURL.absoluteString + "/api/v3/account?\(query)&signature=\(signature)")!,
            headers: ["X-MBX-APIKEY": Self.apiKey])
        #expect(answer.text == #"{"code":-1102,"msg":"'recvWindow' contains unexpected value. Cannot be greater than 60000."}"#)
    }

    @Test("rate-limit headers count the spec's weights and orders")
    func rateLimitHeaders() async throws {
        let mock = try await Self.mock()
        let client = Self.client(mock)
        _ = try await client.exchangeInfo()
        let afterInfo = try #require(client.rateLimits.usedWeight["1M"])
        #expect(afterInfo >= 20)  // exchangeInfo weighs 20; parallel tests only add to it
        _ = try await client.newOrder(Self.marketOrder(marker("rl")))
        // No comparison with the first reading: the minute window may roll over between the two requests.
        #expect(try #require(client.rateLimits.usedWeight["1M"]) >= 1)
        #expect(try #require(client.rateLimits.orderCount["1S"]) >= 1)
    }

    @Test("a 429 carries its Retry-After")
    func rateLimited() async throws {
        let mock = try await Self.mock()
        let id = marker("limited")
        mock.inject(MockFault.rateLimited(retryAfter: 7, when: ["newClientOrderId": id]), into: "newOrder")
        let error = await #expect(throws: RateLimitError.self) {
            try await Self.client(mock).newOrder(Self.marketOrder(id))
        }
        #expect(error?.retryAfter == .seconds(7))
        #expect(error?.status == 429)
        #expect(error?.isBan == false)
    }

    @Test("a 418 is a ban with its Retry-After")
    func banned() async throws {
        let mock = try await Self.mock()
        let id = marker("banned")
        mock.inject(MockFault.banned(retryAfter: 120, when: ["newClientOrderId": id]), into: "newOrder")
        let error = await #expect(throws: RateLimitError.self) {
            try await Self.client(mock).newOrder(Self.marketOrder(id))
        }
        #expect(error?.isBan == true)
        #expect(error?.retryAfter == .seconds(120))
    }

    @Test("a 5xx on an order placement is ExecutionUnknownError, sent exactly once")
    func serverErrorOnOrder() async throws {
        let mock = try await Self.mock()
        let id = marker("boom")
        mock.inject(MockFault.serverError(503, when: ["newClientOrderId": id]), into: "newOrder")
        let client = BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: Self.apiKey, signer: HMACSHA256Signer(secret: Secret(Self.secret))),
            options: ClientOptions(maxIdempotentRetries: 3, retryBackoff: .milliseconds(1)))
        let error = await #expect(throws: ExecutionUnknownError.self) {
            try await client.newOrder(Self.marketOrder(id))
        }
        #expect(error?.status == 503)
        #expect(error?.orderMayExist == true)
        #expect(mock.requests(to: "newOrder", where: ["newClientOrderId": id]).count == 1)
    }

    @Test("a truncated body is a ResponseDecodingError")
    func truncatedBody() async throws {
        let mock = try await Self.mock()
        let id = marker("cut")
        mock.inject(MockFault(body: .truncated, when: ["origClientOrderId": id]), into: "queryOrder")
        await #expect(throws: ResponseDecodingError.self) {
            try await Self.client(mock).queryOrder(QueryOrderRequest(symbol: "BTCUSDT", origClientOrderId: id))
        }
    }

    @Test("a slow answer beyond the client's timeout is an ExecutionUnknownError for an order")
    func slowAnswer() async throws {
        let mock = try await Self.mock()
        let id = marker("slow")
        mock.inject(MockFault(delay: .milliseconds(1500), when: ["newClientOrderId": id]), into: "newOrder")
        let client = BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: Self.apiKey, signer: HMACSHA256Signer(secret: Secret(Self.secret))),
            options: ClientOptions(timeout: .milliseconds(200)))
        let error = await #expect(throws: ExecutionUnknownError.self) {
            try await client.newOrder(Self.marketOrder(id))
        }
        #expect(error?.status == nil)
    }
}
