import ClientRuntime
import ClientRuntimeURLSession
import DFXSpot
import Foundation
import SpecMock
import Testing

/// One call per endpoint of the DFX spec (most of DFX's responses have no documented example: the mock
/// synthesizes them from the models, inside DFX's `{code, msg, data}` envelope).
enum DFXSpotCalls {
    typealias Call = @Sendable (DFXSpotClient) async throws -> Void

    static let symbol = "BTC-USDT"
    static let account = "222"

    static let all: [String: Call] = [
        "depth": { client in _ = try await client.depth(DepthRequest(symbol: symbol, limit: 5)) },
        "trades": { client in _ = try await client.trades(TradesRequest(symbol: symbol)) },
        "klines": { client in
            let value = try await client.klines(KlinesRequest(symbol: symbol, interval: .m1))
            #expect(!value.isEmpty)
        },
        "ticker24hr": { client in _ = try await client.ticker24hr(Ticker24hrRequest(symbol: symbol)) },
        "tickerPrice": { client in _ = try await client.tickerPrice(TickerPriceRequest(symbol: symbol)) },
        "bookTicker": { client in _ = try await client.bookTicker(BookTickerRequest(symbol: symbol)) },
        "symbols": { client in _ = try await client.symbols(SymbolsRequest(clientType: .op)) },
        "userInfo": { client in _ = try await client.userInfo() },
        "accountBalance": { client in _ = try await client.accountBalance(AccountBalanceRequest(accountId: account, token: "ETH")) },
        "accountTrades": { client in _ = try await client.accountTrades(AccountTradesRequest(symbol: symbol, accountId: account)) },
        "createOrder": { client in
            let id = try await client.createOrder(.limit(symbol: symbol, accountId: account, side: .buy, price: "66666", quantity: "1"))
            #expect(id > 0)
        },
        "cancelOrder": { client in
            let results = try await client.cancelOrder(CancelOrderRequest(accountId: account, orderId: 2_000_000_203_363_954))
            #expect(results.first?.orderId == 2_000_000_203_363_954)
        },
        "batchCancelOrders": { client in
            _ = try await client.batchCancelOrders(BatchCancelOrdersRequest(accountId: account, orderIds: [1, 2]))
        },
        "getOrder": { client in _ = try await client.getOrder(GetOrderRequest(accountId: account, clientOrderId: "111")) },
        "finishedOrders": { client in _ = try await client.finishedOrders(FinishedOrdersRequest(accountId: account, limit: 10)) },
        "openOrders": { client in _ = try await client.openOrders(OpenOrdersRequest(accountId: account, symbol: symbol)) },
    ]
}

/// The generated DFX client against the mock: Ed25519 header signatures checked with a key made in the test.
@Suite("DFX Spot end to end")
struct DFXSpotEndToEndTests {
    static let apiKey = "e2e-dfx-" + MockKeys.hmacSecret()
    static let keys = MockKeys.ed25519()

    static func mock() async throws -> MockExchange {
        try await SharedMocks.shared.mock("dfx-spot") {
            try await MockExchange.start(
                spec: try Specs.load("dfx-spot.yaml"),
                options: MockOptions(credentials: MockCredentials(apiKey: apiKey, publicKeyPEM: keys.publicKeyPEM)))
        }
    }

    static func client(_ mock: MockExchange, privateKeyPEM: String = keys.privateKeyPEM, options: ClientOptions = ClientOptions()) throws -> DFXSpotClient {
        DFXSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .partsSigned(apiKey: apiKey, signer: try DFXSigner(privateKeyPEM: Secret(privateKeyPEM))),
            transport: URLSessionTransport(), options: options)
    }

    static func order(_ clientOrderId: String) -> CreateOrderRequest {
        CreateOrderRequest(symbol: "BTC-USDT", accountId: "222", side: .buy, type: .market, amount: "100", clientOrderId: clientOrderId)
    }

    @Test("the call table covers every endpoint of the spec")
    func coversEveryEndpoint() async throws {
        let mock = try await Self.mock()
        #expect(Set(DFXSpotCalls.all.keys) == Set(mock.spec.endpoints.map(\.id.value)))
    }

    @Test("every generated method works over the wire", arguments: DFXSpotCalls.all.keys.sorted())
    func endpoint(_ id: String) async throws {
        let mock = try await Self.mock()
        try await DFXSpotCalls.all[id]!(try Self.client(mock))
    }

    @Test("a LIMIT order without price is refused by validate() and never sent")
    func validationBeforeSending() async throws {
        let mock = try await Self.mock()
        let id = marker("nosend")
        let request = CreateOrderRequest(symbol: "BTC-USDT", accountId: "222", side: .buy, type: .limit, quantity: "1", clientOrderId: id)
        await #expect(throws: RequestValidationError.self) { try await Self.client(mock).createOrder(request) }
        #expect(mock.requests(to: "createOrder", where: ["clientOrderId": id]).isEmpty)
    }

    @Test("the same order sent raw (signed) is answered 412 and mapped to DFXSpotError.missingParameter")
    func rawViolation() async throws {
        let mock = try await Self.mock()
        let id = marker("raw")
        await #expect(throws: DFXSpotError.missingParameter) {
            try await Self.client(mock).runtime.send(DFXLimitWithoutPrice(clientOrderId: id))
        }
        #expect(mock.requests(to: "createOrder", where: ["clientOrderId": id]).map(\.status) == [412])
    }

    @Test("a signature by another key is answered 401 and mapped to DFXSpotError.unauthorized")
    func wrongKey() async throws {
        let mock = try await Self.mock()
        let error = await #expect(throws: DFXSpotError.unauthorized) {
            try await Self.client(mock, privateKeyPEM: MockKeys.ed25519().privateKeyPEM).userInfo()
        }
        #expect(error?.httpStatus == 401)
    }

    @Test("missing EXCHANGE-API-SIGN or EXCHANGE-API-TIMESTAMP is answered 412 with DFX's message")
    func missingHeaders() async throws {
        let mock = try await Self.mock()
        let now = ClientOptions.systemClock()
        let unsigned = try await RawHTTP.send(
            "GET", URL(string: mock.baseURL.absoluteString + "/api/v1/user/info")!,
            headers: ["EXCHANGE-API-KEY": Self.apiKey, "EXCHANGE-API-TIMESTAMP": String(now)])
        #expect(unsigned.status == 412)
        #expect(unsigned.text == #"{"code":"412","msg":"The request header is missing `EXCHANGE-API-SIGN` parameters"}"#)
        let market = try await RawHTTP.send("GET", URL(string: mock.baseURL.absoluteString + "/api/v1/spot/depth?symbol=BTC-USDT")!)
        #expect(market.status == 412)
    }

    @Test("a timestamp more than 5 s off is answered 401")
    func staleTimestamp() async throws {
        let mock = try await Self.mock()
        let client = try Self.client(mock, options: ClientOptions(clock: { ClientOptions.systemClock() - 60_000 }))
        await #expect(throws: DFXSpotError.unauthorized) { try await client.depth(DepthRequest(symbol: "BTC-USDT")) }
    }

    @Test("a 429 carries its Retry-After")
    func rateLimited() async throws {
        let mock = try await Self.mock()
        let id = marker("limited")
        mock.inject(.rateLimited(retryAfter: 2, when: ["clientOrderId": id]), into: "createOrder")
        let error = await #expect(throws: RateLimitError.self) { try await Self.client(mock).createOrder(Self.order(id)) }
        #expect(error?.retryAfter == .seconds(2))
    }

    @Test("a 5xx on an order placement is ExecutionUnknownError, sent exactly once")
    func serverError() async throws {
        let mock = try await Self.mock()
        let id = marker("boom")
        mock.inject(.serverError(500, when: ["clientOrderId": id]), into: "createOrder")
        let client = try Self.client(mock, options: ClientOptions(maxIdempotentRetries: 2, retryBackoff: .milliseconds(1)))
        let error = await #expect(throws: ExecutionUnknownError.self) { try await client.createOrder(Self.order(id)) }
        #expect(error?.reason.contains("Server internal exception") == true)
        #expect(mock.requests(to: "createOrder", where: ["clientOrderId": id]).count == 1)
    }
}

/// A signed DFX LIMIT order without its price, built by hand so no validation runs.
struct DFXLimitWithoutPrice: APIRequest {
    typealias Response = Int64
    static let endpoint = CreateOrderRequest.endpoint
    let clientOrderId: String

    var parameters: Parameters {
        var parameters = Parameters()
        parameters.add("symbol", "BTC-USDT", in: .body)
        parameters.add("accountId", "222", in: .body)
        parameters.add("side", "BUY", in: .body)
        parameters.add("type", "LIMIT", in: .body)
        parameters.add("quantity", "1", in: .body)
        parameters.add("clientOrderId", clientOrderId, in: .body)
        return parameters
    }
}
