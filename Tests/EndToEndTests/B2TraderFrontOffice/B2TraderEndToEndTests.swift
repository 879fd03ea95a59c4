import B2TraderFrontOffice
import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import SpecMock
import Testing

/// One call per endpoint of the B2TRADER spec.
enum B2TraderCalls {
    typealias Call = @Sendable (B2TraderFrontOfficeClient) async throws -> Void

    static let account = "685a7eaa360f9e7416221a61"

    static let all: [String: Call] = [
        "placeOrder": { client in
            let placed = try await client.placeOrder(
                .limit(
                    accountId: account, marketId: "spot.btc_usdt", side: .buy, timeInForce: .gtc, requestedAmount: "0.02",
                    requestedPrice: "115193.35"))
            #expect(placed.order.status == .pending)
        },
        "cancelOrder": { client in
            _ = try await client.cancelOrder(CancelOrderRequest(accountId: account, orderId: "01K2PF9XS29WN4JZRHMCTTQYJB"))
        },
        "orderData": { client in
            let data = try await client.orderData(
                OrderDataRequest(
                    accountId: account, marketId: "spot.eth_usdt", side: .buy, orderType: .limit, requestedBaseAmount: "0.2",
                    requestedPrice: "4600"))
            #expect(data.order.total == "929.2")
        },
        "accounts": { client in
            let value = try await client.accounts()
            #expect(value.count == 2)
        },
        "assets": { client in _ = try await client.assets() },
    ]
}

/// The generated B2TRADER client against the mock: bearer token, `accountId` header, `{"order": …}` JSON bodies.
@Suite("B2TRADER Front-Office end to end")
struct B2TraderEndToEndTests {
    static let token = "jwt-" + MockKeys.hmacSecret()

    static func mock() async throws -> MockExchange {
        try await SharedMocks.shared.mock("b2trader") {
            try await MockExchange.start(
                spec: try Specs.load("b2trader-frontoffice.yaml"),
                options: MockOptions(credentials: MockCredentials(bearerToken: token)))
        }
    }

    static func client(_ mock: MockExchange, token: String = token, options: ClientOptions = ClientOptions()) -> B2TraderFrontOfficeClient {
        B2TraderFrontOfficeClient(
            server: .init(url: mock.baseURL), credentials: .bearer(StaticToken(Secret(token))), transport: URLSessionTransport(),
            options: options)
    }

    static func marketOrder(account: String) -> PlaceOrderRequest {
        .market(accountId: account, marketId: "spot.btc_usdt", side: .sell, timeInForce: .ioc, requestedAmount: "0.5")
    }

    @Test("the call table covers every endpoint of the spec")
    func coversEveryEndpoint() async throws {
        let mock = try await Self.mock()
        #expect(Set(B2TraderCalls.all.keys) == Set(mock.spec.endpoints.map(\.id.value)))
    }

    @Test("every generated method works over the wire", arguments: B2TraderCalls.all.keys.sorted())
    func endpoint(_ id: String) async throws {
        let mock = try await Self.mock()
        try await B2TraderCalls.all[id]!(Self.client(mock))
    }

    @Test("the order travels as {\"order\": …} with the accountId header")
    func wireShape() async throws {
        let mock = try await Self.mock()
        let account = marker("acct")
        _ = try await Self.client(mock).placeOrder(Self.marketOrder(account: account))
        let seen = try #require(mock.requests(to: "placeOrder", where: ["accountId": account]).first)
        #expect(seen.header("accountId") == account)
        #expect(seen.header("Authorization") == "Bearer \(Self.token)")
        let body = String(decoding: seen.body, as: UTF8.self)
        #expect(body.hasPrefix(#"{"order":{"marketId":"spot.btc_usdt""#))
    }

    @Test("a market order with a price is refused by validate() and never sent")
    func validationBeforeSending() async throws {
        let mock = try await Self.mock()
        let account = marker("nosend")
        var request = Self.marketOrder(account: account)
        request.requestedPrice = "100"
        await #expect(throws: RequestValidationError.self) { try await Self.client(mock).placeOrder(request) }
        #expect(mock.requests(to: "placeOrder", where: ["accountId": account]).isEmpty)
    }

    @Test("the same order sent raw is answered 400 with no body (B2TRADER publishes no error body)")
    func rawViolation() async throws {
        let mock = try await Self.mock()
        let body = #"{"order":{"marketId":"spot.btc_usdt","side":"Sell","orderType":"Market","timeInForce":"Ioc","requestedAmount":"0.5","requestedPrice":"100"}}"#
        let answer = try await RawHTTP.send(
            "POST", mock.baseURL.appendingPathComponent("frontoffice/api/v3/orders"),
            headers: ["Authorization": "Bearer \(Self.token)", "accountId": "a1", "Content-Type": "application/json"], body: body)
        #expect(answer.status == 400)
        #expect(answer.body.isEmpty)
        let error = await #expect(throws: HTTPStatusError.self) {
            try await Self.client(mock).runtime.send(B2MarketOrderWithPrice())
        }
        #expect(error?.status == 400)
        #expect(error?.meaning == .clientError)
    }

    @Test("a missing accountId header is answered 400")
    func missingAccountHeader() async throws {
        let mock = try await Self.mock()
        let answer = try await RawHTTP.send(
            "DELETE", mock.baseURL.appendingPathComponent("frontoffice/api/v3/orders/01K2"),
            headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(answer.status == 400)
    }

    @Test("a wrong token is answered 401; the client asks for a fresh token once, then reports it")
    func wrongToken() async throws {
        let mock = try await Self.mock()
        let orderId = marker("order")
        let error = await #expect(throws: HTTPStatusError.self) {
            try await Self.client(mock, token: "expired").cancelOrder(CancelOrderRequest(accountId: "a1", orderId: orderId))
        }
        #expect(error?.status == 401)
        #expect(mock.requests(to: "cancelOrder", where: ["orderId": orderId]).map(\.status) == [401, 401])
    }

    @Test("a 429 carries its Retry-After")
    func rateLimited() async throws {
        let mock = try await Self.mock()
        let account = marker("limited")
        mock.inject(.rateLimited(retryAfter: 5, when: ["accountId": account]), into: "placeOrder")
        let error = await #expect(throws: RateLimitError.self) {
            try await Self.client(mock).placeOrder(Self.marketOrder(account: account))
        }
        #expect(error?.retryAfter == .seconds(5))
    }

    @Test("a 5xx on an order placement is ExecutionUnknownError, sent exactly once")
    func serverError() async throws {
        let mock = try await Self.mock()
        let account = marker("boom")
        mock.inject(.serverError(502, when: ["accountId": account]), into: "placeOrder")
        let client = Self.client(mock, options: ClientOptions(maxIdempotentRetries: 2, retryBackoff: .milliseconds(1)))
        await #expect(throws: ExecutionUnknownError.self) { try await client.placeOrder(Self.marketOrder(account: account)) }
        #expect(mock.requests(to: "placeOrder", where: ["accountId": account]).count == 1)
    }
}

/// A market order with a limit price, built by hand so no validation runs.
struct B2MarketOrderWithPrice: APIRequest {
    typealias Response = OrderEnvelope
    static let endpoint = PlaceOrderRequest.endpoint

    var parameters: Parameters {
        var parameters = Parameters()
        parameters.add("accountId", "a1", in: .header)
        parameters.add("marketId", "spot.btc_usdt", in: .body)
        parameters.add("side", "Sell", in: .body)
        parameters.add("orderType", "Market", in: .body)
        parameters.add("timeInForce", "Ioc", in: .body)
        parameters.add("requestedAmount", "0.5", in: .body)
        parameters.add("requestedPrice", "100", in: .body)
        return parameters
    }
}
