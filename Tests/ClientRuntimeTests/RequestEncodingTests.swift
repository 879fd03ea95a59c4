import ClientRuntime
import Foundation
import Testing

/// Exact query, form and JSON bytes for each parameter location and body encoding.
@Suite struct RequestEncodingTests {
    enum Search: EndpointSpec {
        static let endpoint = Endpoint(id: "search", method: .get, path: "/api/v3/search", security: .none, encoding: .form)
    }

    enum FormPost: EndpointSpec {
        static let endpoint = Endpoint(id: "formPost", method: .post, path: "/api/v1/thing", security: .none, encoding: .form)
    }

    enum QueryPost: EndpointSpec {
        static let endpoint = Endpoint(id: "queryPost", method: .post, path: "/api/v1/thing", security: .none, encoding: .query)
    }

    enum PlaceOrder: EndpointSpec {
        static let endpoint = Endpoint(
            id: "placeOrder", method: .post, path: "/frontoffice/api/v3/orders", security: .none,
            encoding: .json(wrapper: "order"))
    }

    enum OrderData: EndpointSpec {
        static let endpoint = Endpoint(
            id: "orderData", method: .post, path: "/frontoffice/api/v3/order-data", security: .none,
            encoding: .json(wrapper: nil), contentType: "application/json; x-api-version=3.0")
    }

    enum CancelOrder: EndpointSpec {
        static let endpoint = Endpoint(
            id: "cancelOrder", method: .delete, path: "/frontoffice/api/v3/orders/{orderId}", security: .none,
            encoding: .json(wrapper: "order"))
    }

    enum Side: String, ParameterEncodable {
        case buy = "Buy"
    }

    private func send<S: EndpointSpec>(
        _: S.Type, _ parameters: Parameters, baseURL: String = "https://example.com/"
    ) async throws -> WireRequest {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = APIClient<TestVenueError>(
            profile: Binance.profile, baseURL: URL(string: baseURL)!, credentials: .none,
            transport: transport)
        _ = try await client.send(Call<EmptyResponse, S>(parameters))
        return try #require(transport.lastRequest)
    }

    @Test func queryKeepsSpecOrderAndEncodesEveryScalar() async throws {
        var parameters = Parameters()
        parameters.add("symbol", "BTCUSDT", in: .query)
        parameters.add("limit", 500, in: .query)
        parameters.add("fromId", Int64(9_000_000_000), in: .query)
        parameters.add("price", ExactDecimal("0.00100000"), in: .query)
        parameters.add("flag", true, in: .query)
        parameters.add("at", Timestamp("2025-08-06T13:50:13.9325008Z"), in: .query)
        parameters.add("absent", String?.none, in: .query)
        parameters.addNull("nothing", in: .query)
        let request = try await send(Search.self, parameters)
        #expect(request.method == .get)
        #expect(
            request.urlText
                == "https://example.com/api/v3/search?symbol=BTCUSDT&limit=500&fromId=9000000000&price=0.00100000"
                + "&flag=true&at=2025-08-06T13%3A50%3A13.9325008Z")
        #expect(request.body == nil)
    }

    @Test func integersAtTheEdgesAndSignedDecimalsAreWrittenExactly() async throws {
        let numbers: [Int64] = [0, 7, -7, 10, -10, 1_000_000, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1]
        var parameters = Parameters()
        for (index, number) in numbers.enumerated() { parameters.add("n\(index)", number, in: .query) }
        parameters.add("plus", ExactDecimal("+1.5e+3"), in: .query)
        parameters.add("off", false, in: .query)
        let request = try await send(Search.self, parameters)
        let expected = numbers.enumerated().map { "n\($0.offset)=\($0.element)" } + ["plus=%2B1.5e%2B3", "off=false"]
        #expect(request.queryString == expected.joined(separator: "&"))
    }

    @Test func millisecondTimestampsAreWrittenAsTheirDecimalText() {
        let numbers: [Int64] = [0, 7, -7, 1_499_827_319_559, Int64.max, Int64.min, Int64.min + 1]
        #expect(numbers.map(TimestampFormat.milliseconds.text) == numbers.map { String($0) })
    }

    @Test(arguments: [
        ("https://example.com", "/api/v1/thing"), ("https://example.com/", "/api/v1/thing"),
        ("https://example.com/gateway", "/gateway/api/v1/thing"), ("https://example.com/gateway/", "/gateway/api/v1/thing"),
    ])
    func theTargetJoinsTheBaseURLsPathAndTheEndpointsPath(baseURL: String, target: String) async throws {
        var parameters = Parameters()
        parameters.add("inBody", "x", in: .body)
        #expect(try await send(FormPost.self, parameters, baseURL: baseURL).head.path == target)
        #expect(try await send(Search.self, parameters, baseURL: baseURL).head.path == target.replacing("v1/thing", with: "v3/search") + "?inBody=x")
    }

    @Test func headerNameThatIsNotAnHTTPTokenIsRefusedBeforeSending() async throws {
        var parameters = Parameters()
        parameters.add("account id", "a1", in: .header)
        await #expect(throws: RequestValidationError.self) { _ = try await send(Search.self, parameters) }
    }

    @Test func theHeadCarriesSchemeAuthorityAndPathWithQuery() async throws {
        var parameters = Parameters()
        parameters.add("symbol", "BTCUSDT", in: .query)
        let request = try await send(Search.self, parameters)
        #expect(request.head.scheme == "https")
        #expect(request.head.authority == "example.com")
        #expect(request.head.path == "/api/v3/search?symbol=BTCUSDT")
    }

    @Test func reservedAndNonASCIICharactersArePercentEncodedWithUpperCaseHex() async throws {
        var parameters = Parameters()
        parameters.add("note", "a b&c=d/e?f+g%h~i_j-k.l", in: .query)
        parameters.add("name", "Zürich €", in: .query)
        parameters.add("side", Side.buy, in: .query)
        let request = try await send(Search.self, parameters)
        #expect(
            request.queryString
                == "note=a%20b%26c%3Dd%2Fe%3Ff%2Bg%25h~i_j-k.l&name=Z%C3%BCrich%20%E2%82%AC&side=Buy")
    }

    @Test func arrayParametersInJSONAndCommaStyle() async throws {
        var parameters = Parameters()
        parameters.add("symbols", ["BTCUSDT", "BNBBTC"], style: .json, in: .query)
        parameters.add("orderIds", [Int64(2_000_000_074_758_463), 2_000_000_074_758_464], style: .comma, in: .query)
        parameters.add("names", ["a b", "c,d"], style: .comma, in: .query)
        let request = try await send(Search.self, parameters)
        #expect(
            request.queryString
                == "symbols=%5B%22BTCUSDT%22%2C%22BNBBTC%22%5D&orderIds=2000000074758463,2000000074758464"
                + "&names=a%20b,c%2Cd")
    }

    @Test func getSendsBodyParametersInTheQuery() async throws {
        var parameters = Parameters()
        parameters.add("a", "1", in: .body)
        parameters.add("b", "2", in: .query)
        let request = try await send(Search.self, parameters)
        #expect(request.queryString == "a=1&b=2")
        #expect(request.body == nil)
        #expect(request.header("Content-Type") == nil)
    }

    @Test func formPostSplitsQueryAndBody() async throws {
        var parameters = Parameters()
        parameters.add("inQuery", "x y", in: .query)
        parameters.add("first", "1", in: .body)
        parameters.add("second", ExactDecimal("2.50"), in: .body)
        parameters.add("symbols", ["A"], style: .json, in: .body)
        let request = try await send(FormPost.self, parameters)
        #expect(request.urlText == "https://example.com/api/v1/thing?inQuery=x%20y")
        #expect(request.bodyText == "first=1&second=2.50&symbols=%5B%22A%22%5D")
        #expect(request.header("content-type") == "application/x-www-form-urlencoded")
    }

    @Test func queryEncodingSendsEverythingInTheQuery() async throws {
        var parameters = Parameters()
        parameters.add("first", "1", in: .body)
        parameters.add("second", "2", in: .query)
        let request = try await send(QueryPost.self, parameters)
        #expect(request.queryString == "first=1&second=2")
        #expect(request.body == nil)
    }

    @Test func jsonBodyWithWrapperHeaderAndNull() async throws {
        var parameters = Parameters()
        parameters.add("accountId", "685a7eaa360f9e7416221a61", in: .header)
        parameters.add("marketId", "spot.btc_usdt", in: .body)
        parameters.add("side", Side.buy, in: .body)
        parameters.add("requestedAmount", ExactDecimal("0.02"), in: .body)
        parameters.add("requestedPrice", ExactDecimal("115193.35"), in: .body)
        parameters.add("postOnly", false, in: .body)
        parameters.add("count", 3, in: .body)
        parameters.add("tags", ["x\"y", "é\n"], style: .json, in: .body)
        parameters.addNull("cancellationDate", in: .body)
        let request = try await send(PlaceOrder.self, parameters)
        #expect(request.urlText == "https://example.com/frontoffice/api/v3/orders")
        #expect(
            request.bodyText
                == #"{"order":{"marketId":"spot.btc_usdt","side":"Buy","requestedAmount":"0.02","requestedPrice":"115193.35","#
                + #""postOnly":false,"count":3,"tags":["x\"y","é\n"],"cancellationDate":null}}"#)
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("accountid") == "685a7eaa360f9e7416221a61")
    }

    @Test func jsonBodyWithoutWrapperUsesTheEndpointContentType() async throws {
        var parameters = Parameters()
        parameters.add("marketId", "spot.eth_usdt", in: .body)
        let request = try await send(OrderData.self, parameters)
        #expect(request.bodyText == #"{"marketId":"spot.eth_usdt"}"#)
        #expect(request.header("Content-Type") == "application/json; x-api-version=3.0")
    }

    @Test func pathParametersAreSubstitutedAndEncoded() async throws {
        var parameters = Parameters()
        parameters.add("orderId", "01K2/PF9 X", in: .path)
        parameters.add("accountId", "acc", in: .header)
        let request = try await send(CancelOrder.self, parameters)
        #expect(request.method == .delete)
        #expect(request.urlText == "https://example.com/frontoffice/api/v3/orders/01K2%2FPF9%20X")
        #expect(request.body == nil)
    }

    @Test func missingPathParameterIsRefusedBeforeSending() async throws {
        let transport = RecordingTransport()
        let client = APIClient<TestVenueError>(
            profile: Binance.profile, baseURL: Binance.baseURL, credentials: .none, transport: transport)
        let error = await thrownError { try await client.send(Call<EmptyResponse, CancelOrder>()) }
        let validation = try #require(error as? RequestValidationError)
        #expect(validation.rule == "path")
        #expect(transport.requests.isEmpty)
    }

    @Test func parametersReplaceInPlaceAndAreReadable() {
        var parameters = Parameters()
        parameters.add("a", "1", in: .query)
        parameters.add("b", 2, in: .query)
        parameters.add("a", "3", in: .query)
        #expect(parameters.entries.map(\.name) == ["a", "b"])
        #expect(parameters["a"] == .string("3"))
        #expect(parameters["b"] == .int(2))
        #expect(parameters["c"] == nil)
    }

    /// The body is kept as the bytes that were signed; `body` reads and writes them as `Data`.
    @Test func wireRequestBodyIsTheSignedBytesSeenAsData() async throws {
        let request = try await Binance.client(transport: RecordingTransport())
            .prepare(Call<EmptyResponse, OrderForm>(Binance.orderParameters()))
        let bytes = try #require(request.bodyBytes)
        #expect(request.body == Data(bytes))
        #expect(request.bodyText == String(decoding: bytes, as: UTF8.self))
        #expect(request.bodyText.hasPrefix("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&"))
        var edited = request
        edited.body = Data("a=1".utf8)
        #expect(edited.bodyBytes == Array("a=1".utf8))
        edited.body = nil
        #expect(edited.bodyBytes == nil && edited.bodyText.isEmpty)
        #expect(WireRequest(request.head, body: Data(bytes)) == WireRequest(request.head, bodyBytes: bytes))
    }

    @Test func userAgentHeaderIsSent() async throws {
        let transport = RecordingTransport()
        transport.enqueue(body: "{}")
        let client = APIClient<TestVenueError>(
            profile: Binance.profile, baseURL: Binance.baseURL, credentials: .none, transport: transport,
            options: ClientOptions(userAgent: "SpecGen/1.0"))
        _ = try await client.send(Call<EmptyResponse, Ping>())
        #expect(transport.lastRequest?.header("user-agent") == "SpecGen/1.0")
        #expect(transport.lastRequest?.urlText == "https://api.binance.com/api/v3/ping")
    }
}
