import BinanceSpot
import ClientRuntime
import Foundation
import Testing

/// Validation of the generated Binance client's requests: every broken rule, enum typos, defaults, switching it off.
@Suite struct ValidationUsageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func binance(_ transport: RecordingTransport, validation: ClientOptions.Validation = .beforeSend) -> BinanceSpotClient {
        BinanceSpotClient(
            credentials: .signed(apiKey: "key", signer: HMACSHA256Signer(secret: Secret("secret"))),
            transport: transport, options: ClientOptions(clock: { 1_700_000_000_000 }, validation: validation))
    }

    func violations(_ request: some APIRequest) -> [RequestValidationError.Violation] {
        do {
            try request.validate()
            return []
        } catch {
            return (error as? RequestValidationError)?.violations ?? []
        }
    }

    @Test func oneRequestBreakingFiveRulesHearsAboutAllFive() async throws {
        let order = NewOrderRequest(
            symbol: "BTCUSDT", side: .buy, type: .stopLossLimit, timeInForce: .ioc, strategyType: 5, icebergQty: "0.1")
        let found = violations(order)
        #expect(
            found.map(\.rule) == [
                "type=LIMIT|STOP_LOSS_LIMIT|TAKE_PROFIT_LIMIT|LIMIT_MAKER and pegPriceType not sent: requires price",
                "type=STOP_LOSS_LIMIT|TAKE_PROFIT_LIMIT: requires timeInForce, quantity",
                "type=STOP_LOSS_LIMIT|TAKE_PROFIT_LIMIT: requires at least one of stopPrice, trailingDelta",
                "type=LIMIT|MARKET|STOP_LOSS|STOP_LOSS_LIMIT|TAKE_PROFIT|TAKE_PROFIT_LIMIT and icebergQty sent: requires timeInForce=GTC",
                "strategyType ≥ 1000000",
            ])
        #expect(found.map(\.kind) == ["require", "require", "requireAnyOf", "requireValue", "range"])
        #expect(found.map(\.code) == ["-1102", "-1102", "-1102", nil, nil])
        #expect(found.first?.message == "missing 'price'")

        let transport = RecordingTransport()
        let error = await #expect(throws: RequestValidationError.self) { try await binance(transport).newOrder(order) }
        #expect(error?.violations == found)
        #expect(transport.requests.isEmpty)
    }

    @Test func generatedEnumsSayWhetherAValueIsListedAsAllCasesDoes() {
        func check<E: OpenEnum>(_: E.Type) {
            for value in E.allCases { #expect(value.isListed && E(rawValue: value.rawValue)?.isListed == true) }
            for text in ["", "buy", "NOT_LISTED"] {
                let value = E(rawValue: text)
                #expect(value?.isListed == value.map(E.allCases.contains))
            }
        }
        check(OrderSide.self)
        check(OrderType.self)
        check(TimeInForce.self)
        check(SelfTradePreventionMode.self)
        #expect(!OrderSide.unknown("BUY").isListed, "an unknown case is unlisted even with a listed spelling")
    }

    @Test func enumTyposAreCaughtAndNewValuesPass() async throws {
        let typo = NewOrderRequest.market(symbol: "BTCUSDT", side: OrderSide(rawValue: "buy"), quantity: "1")
        #expect(violations(typo).map(\.message) == ["side: unknown value 'buy'; did you mean 'BUY'?"])
        // A lower-case type skips the LIMIT rules; the typo itself stops it.
        let lowerType = NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: OrderType(rawValue: "limit"))
        #expect(violations(lowerType).map(\.message) == ["type: unknown value 'limit'; did you mean 'LIMIT'?"])
        // A value the spec does not know at all may be one the venue added first.
        let newSide = NewOrderRequest.market(symbol: "BTCUSDT", side: OrderSide(rawValue: "SHORT"), quantity: "1")
        #expect(violations(newSide).isEmpty)

        let transport = RecordingTransport()
        await #expect(throws: RequestValidationError.self) { try await binance(transport).newOrder(typo) }
        #expect(transport.requests.isEmpty)
    }

    @Test func aRequestThatCannotValidateEmptyHasNoDefaultArgument() throws {
        #expect(violations(QueryOrderListRequest()).map(\.kind) == ["requireAnyOf"])
        let client = try String(contentsOf: Self.repository.appendingPathComponent("Generated/BinanceSpot/Client.swift"), encoding: .utf8)
        #expect(!client.contains("= QueryOrderListRequest()"))
        #expect(client.contains("public func queryOrderList(\n        _ request: QueryOrderListRequest, validation:"))
        // Requests that validate empty keep theirs.
        #expect(client.contains("public func exchangeInfo(\n        _ request: ExchangeInfoRequest = ExchangeInfoRequest(), validation:"))
        #expect(violations(ExchangeInfoRequest()).isEmpty)
    }

    @Test func validationCanBeSwitchedOffPerClientAndPerCall() async throws {
        let broken = NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, quantity: "1")
        let transport = RecordingTransport()

        transport.enqueue(body: ClientUsageTests.fullOrder)
        _ = try await binance(transport, validation: .off).newOrder(broken)
        #expect(transport.requests.count == 1)
        #expect(transport.lastRequest?.bodyText.hasPrefix("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&") == true)

        transport.enqueue(body: ClientUsageTests.fullOrder)
        _ = try await binance(transport).newOrder(broken, validation: .off)
        #expect(transport.requests.count == 2)

        await #expect(throws: RequestValidationError.self) {
            try await binance(transport, validation: .off).newOrder(broken, validation: .beforeSend)
        }
        #expect(transport.requests.count == 2)
    }
}
