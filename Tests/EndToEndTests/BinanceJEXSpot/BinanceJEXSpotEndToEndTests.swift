import BinanceJEXSpot
import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import SpecMock
import Testing

/// One call per endpoint of the Binance JEX spec.
enum BinanceJEXSpotCalls {
    typealias Call = @Sendable (BinanceJEXSpotClient) async throws -> Void

    static let symbol = "BTCUSDT"

    static let all: [String: Call] = [
        "ping": { client in _ = try await client.ping() },
        "serverTime": { client in
            let value = try await client.serverTime()
            #expect(value.serverTime > 0)
        },
        "exchangeInfo": { client in _ = try await client.exchangeInfo() },
        "depth": { client in
            let value = try await client.depth(DepthRequest(symbol: symbol, limit: 5))
            #expect(!value.bids.isEmpty)
        },
        "trades": { client in _ = try await client.trades(TradesRequest(symbol: symbol)) },
        "historicalTrades": { client in _ = try await client.historicalTrades(HistoricalTradesRequest(symbol: symbol, fromId: 1)) },
        "klines": { client in
            let value = try await client.klines(KlinesRequest(symbol: symbol, interval: ._1m))
            #expect(!value.isEmpty)
        },
        "avgPrice": { client in _ = try await client.avgPrice(AvgPriceRequest(symbol: symbol)) },
        "ticker24hr": { client in
            guard case .one = try await client.ticker24hr(Ticker24hrRequest(symbol: symbol)) else { throw Unexpected("one symbol") }
            guard case .all = try await client.ticker24hr() else { throw Unexpected("every symbol") }
        },
        "tickerPrice": { client in
            guard case .one = try await client.tickerPrice(TickerPriceRequest(symbol: symbol)) else { throw Unexpected("one symbol") }
            guard case .all = try await client.tickerPrice() else { throw Unexpected("every symbol") }
        },
        "bookTicker": { client in
            guard case .one = try await client.bookTicker(BookTickerRequest(symbol: symbol)) else { throw Unexpected("one symbol") }
            guard case .all = try await client.bookTicker() else { throw Unexpected("every symbol") }
        },
        "newOrder": { client in
            let response = try await client.newOrder(
                NewOrderRequest(
                    symbol: symbol, side: .buy, type: .limit, quantity: "1", price: "20000", newOrderRespType: .result))
            guard case .result = response else {
                Issue.record("newOrderRespType=RESULT answers RESULT, got \(response)")
                return
            }
        },
        "testNewOrder": { client in
            _ = try await client.testNewOrder(TestNewOrderRequest(symbol: symbol, side: .sell, type: .limit, quantity: "1", price: "30000"))
        },
        "queryOrder": { client in _ = try await client.queryOrder(QueryOrderRequest(symbol: symbol, orderId: 1)) },
        "cancelOrder": { client in _ = try await client.cancelOrder(CancelOrderRequest(symbol: symbol, orderId: 1)) },
        "openOrders": { client in _ = try await client.openOrders(OpenOrdersRequest(symbol: symbol)) },
        "account": { client in _ = try await client.account() },
        "allOrders": { client in _ = try await client.allOrders(AllOrdersRequest(symbol: symbol, limit: 50)) },
        "assetDetail": { client in
            let value = try await client.assetDetail()
            #expect(!value.isEmpty)
        },
        "depositAddress": { client in _ = try await client.depositAddress(DepositAddressRequest(asset: "BTC")) },
        "depositHistory": { client in _ = try await client.depositHistory() },
        "tradeFee": { client in _ = try await client.tradeFee(TradeFeeRequest(symbol: symbol)) },
        "withdrawHistory": { client in _ = try await client.withdrawHistory() },
    ]
}

/// The generated Binance JEX client against the mock, over real loopback HTTP.
@Suite("Binance JEX Spot end to end")
struct BinanceJEXSpotEndToEndTests {
    static let apiKey = "e2e-jex-" + MockKeys.hmacSecret().prefix(16)
    static let secret = MockKeys.hmacSecret()

    static func mock() async throws -> MockExchange {
        try await SharedMocks.shared.mock("binance-jex-spot") {
            try await MockExchange.start(
                spec: try Specs.load("binance-jex-spot.yaml"),
                options: MockOptions(credentials: MockCredentials(apiKey: apiKey, secret: secret)))
        }
    }

    static func client(_ mock: MockExchange, secret: String = secret, options: ClientOptions = ClientOptions()) -> BinanceJEXSpotClient {
        BinanceJEXSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: apiKey, signer: HMACSHA256Signer(secret: Secret(secret))),
            transport: URLSessionTransport(), options: options)
    }

    /// A LIMIT order marked by its price (JEX orders have no client order id).
    static func order(price: ExactDecimal) -> NewOrderRequest {
        NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, quantity: "1", price: price)
    }

    @Test("the call table covers every endpoint of the spec")
    func coversEveryEndpoint() async throws {
        let mock = try await Self.mock()
        #expect(Set(BinanceJEXSpotCalls.all.keys) == Set(mock.spec.endpoints.map(\.id.value)))
    }

    @Test("every generated method works over the wire", arguments: BinanceJEXSpotCalls.all.keys.sorted())
    func endpoint(_ id: String) async throws {
        let mock = try await Self.mock()
        try await BinanceJEXSpotCalls.all[id]!(Self.client(mock))
    }

    @Test("a MARKET order is refused by validate() (spot takes LIMIT only) and never sent")
    func validationBeforeSending() async throws {
        let mock = try await Self.mock()
        let price: ExactDecimal = "101.0001"
        var request = Self.order(price: price)
        request.type = .market
        await #expect(throws: RequestValidationError.self) { try await Self.client(mock).newOrder(request) }
        #expect(mock.requests(to: "newOrder", where: ["price": price.text]).isEmpty)
    }

    @Test("the same MARKET order sent raw is answered -1130 INVALID_PARAMETER")
    func rawViolation() async throws {
        let mock = try await Self.mock()
        let body = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&price=101.0002&timestamp=\(ClientOptions.systemClock())"
        let signature = HMACSHA256Signer(secret: Secret(Self.secret)).signature(for: Array(body.utf8))
        let answer = try await RawHTTP.send(
            "POST", mock.baseURL.appendingPathComponent("api/v1/spot/order"), headers: ["X-JEX-APIKEY": Self.apiKey],
            body: body + "&signature=" + signature)
        #expect(answer.status == 400)
        #expect(answer.text == #"{"code":-1130,"msg":"Data sent for parameter 'type' is not valid."}"#)
    }

    @Test("a missing price through the runtime maps to the venue error -1102")
    func missingPrice() async throws {
        let mock = try await Self.mock()
        let error = await #expect(throws: BinanceJEXSpotError.self) {
            try await Self.client(mock).runtime.send(JEXOrderWithoutPrice())
        }
        #expect(error?.code == "-1102")
        #expect(error?.httpStatus == 400)
    }

    @Test("a wrong secret gets -1022")
    func wrongSecret() async throws {
        let mock = try await Self.mock()
        let error = await #expect(throws: BinanceJEXSpotError.self) {
            try await Self.client(mock, secret: MockKeys.hmacSecret()).account()
        }
        #expect(error?.code == "-1022")
    }

    @Test("rate-limit headers: used weight and order counts")
    func rateLimitHeaders() async throws {
        let mock = try await Self.mock()
        let client = Self.client(mock)
        _ = try await client.ticker24hr()
        #expect(try #require(client.rateLimits.usedWeight["1M"]) >= 40)
        _ = try await client.newOrder(Self.order(price: "101.0003"))
        #expect(try #require(client.rateLimits.orderCount["1D"]) >= 1)
    }

    @Test("a 429 carries its Retry-After")
    func rateLimited() async throws {
        let mock = try await Self.mock()
        mock.inject(.rateLimited(retryAfter: 3, when: ["price": "101.0004"]), into: "newOrder")
        let error = await #expect(throws: RateLimitError.self) { try await Self.client(mock).newOrder(Self.order(price: "101.0004")) }
        #expect(error?.retryAfter == .seconds(3))
    }

    @Test("a 5xx on an order placement is ExecutionUnknownError, sent exactly once")
    func serverError() async throws {
        let mock = try await Self.mock()
        mock.inject(.serverError(500, when: ["price": "101.0005"]), into: "newOrder")
        let client = Self.client(mock, options: ClientOptions(maxIdempotentRetries: 2, retryBackoff: .milliseconds(1)))
        await #expect(throws: ExecutionUnknownError.self) { try await client.newOrder(Self.order(price: "101.0005")) }
        #expect(mock.requests(to: "newOrder", where: ["price": "101.0005"]).count == 1)
    }

    @Test("a 5xx on a GET is retried as configured")
    func serverErrorOnGetIsRetried() async throws {
        let mock = try await Self.mock()
        mock.inject(MockFault(status: 502, times: 1, when: ["asset": "RETRY"]), into: "depositAddress")
        let client = Self.client(mock, options: ClientOptions(maxIdempotentRetries: 1, retryBackoff: .milliseconds(1)))
        _ = try await client.depositAddress(DepositAddressRequest(asset: "RETRY"))
        #expect(mock.requests(to: "depositAddress", where: ["asset": "RETRY"]).map(\.status) == [502, 200])
    }
}

/// A JEX order without its mandatory price, built by hand so no validation runs.
struct JEXOrderWithoutPrice: APIRequest {
    typealias Response = OrderAck
    static let endpoint = NewOrderRequest.endpoint

    var parameters: Parameters {
        var parameters = Parameters()
        parameters.add("symbol", "BTCUSDT", in: .body)
        parameters.add("side", "BUY", in: .body)
        parameters.add("type", "LIMIT", in: .body)
        parameters.add("quantity", "1", in: .body)
        return parameters
    }
}

/// A response of the wrong shape.
struct Unexpected: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
