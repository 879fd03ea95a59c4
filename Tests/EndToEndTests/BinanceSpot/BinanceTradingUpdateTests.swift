import BinanceSpot
import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import SpecMock
import Testing

/// What Binance's 2026-07 docs added to trading and accounts, through the generated client against the mock:
/// pegged orders, OPO and OPOCO order lists, myFilters, a decimal (microsecond) receive window and the
/// `X-MBX-TIME-UNIT` header.
@Suite("Binance Spot 2026-07 trading update")
struct BinanceTradingUpdateTests {
    typealias E2E = BinanceSpotEndToEndTests

    static func client(_ mock: MockExchange, options: ClientOptions = ClientOptions()) -> BinanceSpotClient {
        BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: E2E.apiKey, signer: HMACSHA256Signer(secret: Secret(E2E.secret))),
            transport: URLSessionTransport(), options: options)
    }

    /// Sends a signed GET /api/v3/account by hand, with the given extra query text before the signature.
    static func rawAccount(_ mock: MockExchange, _ query: String) async throws -> RawHTTP.Answer {
        let signature = HMACSHA256Signer(secret: Secret(E2E.secret)).signature(for: Array(query.utf8))
        return try await RawHTTP.send(
            "GET", URL(string: mock.baseURL.absoluteString + "/api/v3/account?\(query)&signature=\(signature)")!,
            headers: ["X-MBX-APIKEY": E2E.apiKey])
    }

    @Test("a pegged LIMIT order goes without a price")
    func peggedLimitOrder() async throws {
        let mock = try await E2E.mock()
        let id = marker("peg")
        let request = NewOrderRequest(
            symbol: "BTCUSDT", side: .buy, type: .limit, timeInForce: .gtc, quantity: "0.01", newClientOrderId: id,
            newOrderRespType: .ack, pegPriceType: .primaryPeg, pegOffsetValue: 2, pegOffsetType: .priceLevel)
        guard case .ack = try await Self.client(mock).newOrder(request) else {
            Issue.record("expected the ACK variant")
            return
        }
        let seen = try #require(mock.requests(to: "newOrder", where: ["newClientOrderId": id]).first)
        #expect(seen.status == 200)
        #expect(seen.parameters["pegPriceType"] == "PRIMARY_PEG")
        #expect(seen.parameters["pegOffsetValue"] == "2")
        #expect(seen.parameters["pegOffsetType"] == "PRICE_LEVEL")
        #expect(seen.parameters["price"] == nil)
    }

    @Test("peg rules are checked before sending")
    func pegRules() async throws {
        let mock = try await E2E.mock()
        let client = Self.client(mock)
        let unpegged = NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, timeInForce: .gtc, quantity: "1")
        await #expect(throws: RequestValidationError.self) { try await client.newOrder(unpegged) }
        let peggedMarket = NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .market, quantity: "1", pegPriceType: .marketPeg)
        await #expect(throws: RequestValidationError.self) { try await client.newOrder(peggedMarket) }
        let halfOffset = NewOrderRequest(
            symbol: "BTCUSDT", side: .buy, type: .limit, timeInForce: .gtc, quantity: "1", pegPriceType: .primaryPeg,
            pegOffsetValue: 1)
        await #expect(throws: RequestValidationError.self) { try await client.newOrder(halfOffset) }
        let makerOnTheOtherSide = NewOrderRequest(
            symbol: "BTCUSDT", side: .buy, type: .limitMaker, quantity: "1", pegPriceType: .marketPeg)
        await #expect(throws: RequestValidationError.self) { try await client.newOrder(makerOnTheOtherSide) }
    }

    @Test("an OPO list: a working buy, a pending sell without quantity")
    func opo() async throws {
        let mock = try await E2E.mock()
        let id = marker("opo")
        let request = NewOrderListOpoRequest(
            symbol: "BTCUSDT", listClientOrderId: id, workingType: .limit, workingSide: .buy, workingPrice: "102264",
            workingQuantity: "0.0006", workingTimeInForce: .gtc, pendingType: .market, pendingSide: .sell)
        let list = try await Self.client(mock).newOrderListOpo(request)
        guard case let .result(result) = list else {
            Issue.record("expected the RESULT shape of the documented answer, got \(list)")
            return
        }
        #expect(result.orderReports.count == 2)
        #expect(result.orderReports.first?.origQty == "0.00060000")
        #expect(result.orderReports.last?.origQty == nil)
        #expect(result.orderReports.last?.status == .pendingNew)
        let seen = try #require(mock.requests(to: "newOrderListOpo", where: ["listClientOrderId": id]).first)
        #expect(seen.status == 200)
        #expect(seen.parameters["pendingQuantity"] == nil)

        let sellFirst = NewOrderListOpoRequest(
            symbol: "BTCUSDT", workingType: .limit, workingSide: .sell, workingPrice: "1", workingQuantity: "1",
            workingTimeInForce: .gtc, pendingType: .market, pendingSide: .buy)
        let refused = await #expect(throws: RequestValidationError.self) {
            try await Self.client(mock).newOrderListOpo(sellFirst)
        }
        #expect(refused?.message.contains("workingSide") == true)
    }

    @Test("an OPOCO list: a working buy and two pending sells")
    func opoco() async throws {
        let mock = try await E2E.mock()
        let id = marker("opoco")
        let request = NewOrderListOpocoRequest(
            symbol: "BTCUSDT", listClientOrderId: id, workingType: .limit, workingSide: .buy, workingPrice: "102496",
            workingQuantity: "0.0017", workingTimeInForce: .gtc, pendingSide: .sell, pendingAboveType: .limitMaker,
            pendingAbovePrice: "104261", pendingBelowType: .stopLossLimit, pendingBelowPrice: "101613",
            pendingBelowStopPrice: "101000", pendingBelowTimeInForce: .gtc)
        let list = try await Self.client(mock).newOrderListOpoco(request)
        guard case let .result(result) = list else {
            Issue.record("expected the RESULT shape of the documented answer, got \(list)")
            return
        }
        #expect(result.orders.count == 3)
        #expect(result.orderReports.map(\.type) == [.limit, .stopLossLimit, .limitMaker])
        #expect(mock.requests(to: "newOrderListOpoco", where: ["listClientOrderId": id]).first?.status == 200)
    }

    @Test("myFilters lists exchange, symbol and asset filters")
    func myFilters() async throws {
        let mock = try await E2E.mock()
        let filters = try await Self.client(mock).myFilters(MyFiltersRequest(symbol: "BTCUSDT"))
        guard case let .exchangeMaxNumOrders(exchange)? = filters.exchangeFilters.first else {
            Issue.record("expected EXCHANGE_MAX_NUM_ORDERS first, got \(filters.exchangeFilters)")
            return
        }
        #expect(exchange.maxNumOrders == 1000)
        #expect(filters.symbolFilters.count == 1)
        #expect(filters.assetFilters.count == 1)
    }

    @Test("a decimal recvWindow travels exactly and the mock takes it")
    func decimalReceiveWindow() async throws {
        let mock = try await E2E.mock()
        let id = marker("rw")
        var request = E2E.marketOrder(id)
        request.recvWindow = "5000.123"
        _ = try await Self.client(mock).newOrder(request)
        let seen = try #require(mock.requests(to: "newOrder", where: ["newClientOrderId": id]).first)
        #expect(seen.status == 200)
        #expect(seen.parameters["recvWindow"] == "5000.123")

        let fromOptions = Self.client(mock, options: ClientOptions(recvWindow: "6000.346"))
        #expect(try await fromOptions.account().canTrade)
        #expect(mock.requests(to: "account").contains { $0.parameters["recvWindow"] == "6000.346" })

        let tooPrecise = ClientOptions(recvWindow: "6000.3461")
        await #expect(throws: RequestValidationError.self) { try await Self.client(mock, options: tooPrecise).account() }
    }

    @Test("the mock checks a decimal window to the microsecond and takes microsecond timestamps")
    func mockReceiveWindow() async throws {
        let mock = try await E2E.mock()
        let now = ClientOptions.systemClock()
        let fine = try await Self.rawAccount(mock, "timestamp=\(now)&recvWindow=5000.125")
        #expect(fine.status == 200)
        let micro = try await Self.rawAccount(mock, "timestamp=\(now * 1000 + 999)&recvWindow=5000")
        #expect(micro.status == 200)
        // 0.001 ms is a microsecond: a request stamped 10 s ago is outside a 5000.001 ms window.
        let stale = try await Self.rawAccount(mock, "timestamp=\(now - 10_000)&recvWindow=5000.001")
        #expect(stale.text.contains("-1021"))
        let fourPlaces = try await Self.rawAccount(mock, "timestamp=\(now)&recvWindow=5000.1234")
        #expect(fourPlaces.text.contains("-1100"))
        #expect(fourPlaces.text.contains("recvWindow"))
        let tooLarge = try await Self.rawAccount(mock, "timestamp=\(now)&recvWindow=60000.001")
        #expect(tooLarge.text == #"{"code":-1102,"msg":"'recvWindow' contains unexpected value. Cannot be greater than 60000."}"#)
    }

    @Test("ClientOptions.timeUnit sends X-MBX-TIME-UNIT; by default nothing is sent")
    func timeUnitHeader() async throws {
        let mock = try await E2E.mock()
        let id = marker("tu")
        _ = try await Self.client(mock, options: ClientOptions(timeUnit: .microsecond)).newOrder(E2E.marketOrder(id))
        let micro = try #require(mock.requests(to: "newOrder", where: ["newClientOrderId": id]).first)
        #expect(micro.header("X-MBX-TIME-UNIT") == "MICROSECOND")
        #expect(micro.status == 200)

        let plainID = marker("tu")
        _ = try await Self.client(mock).newOrder(E2E.marketOrder(plainID))
        let plain = try #require(mock.requests(to: "newOrder", where: ["newClientOrderId": plainID]).first)
        #expect(plain.header("X-MBX-TIME-UNIT") == nil)
    }
}
