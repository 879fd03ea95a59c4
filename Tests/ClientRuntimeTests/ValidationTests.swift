import ClientRuntime
import Foundation
import Testing

/// An open enum shaped like a generated one: the listed values plus `.unknown(raw)`.
enum OpenSide: RawRepresentable, CaseIterable, Sendable, Hashable, ParameterEncodable {
    case buy, sell
    case unknown(String)

    static let allCases: [OpenSide] = [.buy, .sell]

    init(rawValue: String) {
        switch rawValue {
        case "BUY": self = .buy
        case "SELL": self = .sell
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: String {
        switch self {
        case .buy: "BUY"
        case .sell: "SELL"
        case let .unknown(value): value
        }
    }
}

/// A request whose rules are data, as generated ones are (a subset of Binance's new order).
struct RuledOrder: SpecRequest {
    typealias Response = EmptyResponse
    static let endpoint = OrderForm.endpoint
    static let rules: ParameterRules = [
        ParameterRule(
            .require, ["timeInForce", "quantity", "price"], when: [.equals("type", ["LIMIT"])],
            rule: "type=LIMIT: requires timeInForce, quantity, price", code: "-1102"),
        ParameterRule(.requireOneOf, ["orderId", "origClientOrderId"], rule: "requires exactly one of orderId, origClientOrderId"),
        ParameterRule(.requireValue(["GTC"]), ["timeInForce"], when: [.present("icebergQty")], rule: "icebergQty sent: requires timeInForce=GTC"),
        ParameterRule(.range(min: "1000000", max: nil), ["strategyType"], rule: "strategyType ≥ 1000000"),
        ParameterRule(.forbid, ["stopPrice"], when: [.equals("type", ["LIMIT"])], rule: "type=LIMIT: forbids stopPrice"),
    ]

    var side: OpenSide = .buy
    var type = "LIMIT"
    var timeInForce: String? = "GTC"
    var quantity: ExactDecimal? = "1"
    var price: ExactDecimal? = "0.1"
    var icebergQty: ExactDecimal?
    var orderId: Int64? = 1
    var strategyType: Int?
    var sides: [OpenSide]?

    var parameters: Parameters {
        var parameters = Parameters()
        parameters.add("symbol", "LTCBTC", in: .body)
        parameters.add("side", side, in: .body)
        parameters.add("type", type, in: .body)
        parameters.add("timeInForce", timeInForce, in: .body)
        parameters.add("quantity", quantity, in: .body)
        parameters.add("price", price, in: .body)
        parameters.add("icebergQty", icebergQty, in: .body)
        parameters.add("orderId", orderId, in: .body)
        parameters.add("strategyType", strategyType, in: .body)
        parameters.add("sides", sides, style: .json, in: .body)
        return parameters
    }
}

@Suite struct ValidationTests {
    func validationError(_ request: RuledOrder) -> RequestValidationError? {
        do {
            try request.validate()
            return nil
        } catch {
            return error as? RequestValidationError
        }
    }

    @Test func aValidRequestPasses() throws {
        try RuledOrder().validate()
    }

    @Test func everyBrokenRuleIsReportedWithItsRule() throws {
        let order = RuledOrder(timeInForce: "IOC", price: nil, icebergQty: "0.5", orderId: nil, strategyType: 5)
        let error = try #require(validationError(order))
        #expect(error.endpoint == "newOrder")
        #expect(error.violations.map(\.kind) == ["require", "requireOneOf", "requireValue", "range"])
        #expect(error.violations.map(\.params) == [["timeInForce", "quantity", "price"], ["orderId", "origClientOrderId"], ["timeInForce"], ["strategyType"]])
        #expect(error.violations.map(\.code) == ["-1102", nil, nil, nil])
        #expect(
            error.violations.map(\.message) == [
                "missing 'price'", "send exactly one of 'orderId', 'origClientOrderId' (sent 0)", "'timeInForce' must be GTC",
                "'strategyType' is 5, below the minimum 1000000",
            ])
        // The first violation reads as the single error did before; the others follow.
        #expect(error.rule == "type=LIMIT: requires timeInForce, quantity, price")
        #expect(error.message == "missing 'price'")
        #expect(error.description.hasPrefix("newOrder: missing 'price' (rule type=LIMIT: requires timeInForce, quantity, price; venue error -1102); "))
        #expect(error.description.hasSuffix("; 'strategyType' is 5, below the minimum 1000000 (rule strategyType ≥ 1000000)"))
    }

    @Test func brokenRulesNameWhatIsWrongAsTypedBreaches() {
        let order = RuledOrder(timeInForce: "IOC", price: nil, icebergQty: "0.5", orderId: nil, strategyType: 5).parameters
        #expect(
            RuledOrder.rules.map { $0.breach(in: order) } == [
                .missing(["price"]), .missing(["orderId", "origClientOrderId"]), .value("timeInForce", ["IOC"]),
                .belowMinimum("strategyType", value: "5"), nil,
            ])
        var both = Parameters()
        both.add("orderId", 1, in: .query)
        both.add("origClientOrderId", "x", in: .query)
        #expect(ParameterRule(.requireOneOf, ["orderId", "origClientOrderId"], rule: "").breach(in: both) == .sent(["orderId", "origClientOrderId"]))
        #expect(ParameterRule(.exclusive, ["a", "orderId", "origClientOrderId"], rule: "").breach(in: both) == .sent(["orderId", "origClientOrderId"]))
        #expect(ParameterRule(.forbid, ["a", "orderId"], rule: "").breach(in: both) == .sent(["orderId"]))
        #expect(ParameterRule(.allowed(["1", "2"]), ["orderId"], rule: "").breach(in: both) == nil)
        #expect(ParameterRule(.range(min: nil, max: "0.5"), ["orderId"], rule: "").breach(in: both) == .aboveMaximum("orderId", value: "1"))
    }

    @Test func aMisCasedEnumValueGetsADidYouMean() throws {
        let error = try #require(validationError(RuledOrder(side: OpenSide(rawValue: "buy"))))
        #expect(
            error.violations == [
                RequestValidationError.Violation(
                    kind: "enumValue", params: ["side"], rule: "side: enum values are case-sensitive",
                    message: "side: unknown value 'buy'; did you mean 'BUY'?")
            ])
        let inArray = try #require(validationError(RuledOrder(sides: [.sell, OpenSide(rawValue: "Sell")])))
        #expect(inArray.violations.map(\.message) == ["sides: unknown value 'Sell'; did you mean 'SELL'?"])
    }

    @Test func aGenuinelyNewEnumValuePasses() throws {
        try RuledOrder(side: OpenSide(rawValue: "SHORT"), sides: [OpenSide(rawValue: "LEND")]).validate()
        #expect(RuledOrder().parameters.entries.allSatisfy { $0.listedValues == nil }, "listed values are kept only for unlisted values")
    }

    @Test func aMisCasedSelectorDoesNotSlipPastItsRules() throws {
        // `type` is an enum in generated code; a lower-case LIMIT skips the LIMIT rules, so the typo must be caught.
        var parameters = Parameters()
        parameters.add("type", OpenOrderKind(rawValue: "limit"), in: .body)
        let rules: ParameterRules = [ParameterRule(.require, ["price"], when: [.equals("type", ["LIMIT"])], rule: "type=LIMIT: requires price")]
        #expect(rules.violations(in: parameters).map(\.message) == ["type: unknown value 'limit'; did you mean 'LIMIT'?"])
    }

    @Test func validationOffSendsARequestThatBreaksARule() async throws {
        let broken = RuledOrder(price: nil)
        let transport = RecordingTransport()
        let strict = Binance.client(transport: transport)
        let lenient = Binance.client(transport: transport) { $0.validation = .off }
        #expect(ClientOptions().validation == .beforeSend)

        await #expect(throws: RequestValidationError.self) { try await strict.send(broken) }
        #expect(transport.requests.isEmpty)

        transport.enqueue(body: "{}")
        _ = try await lenient.send(broken)
        #expect(transport.requests.count == 1)

        // The per-call override wins over the client's option, both ways.
        transport.enqueue(body: "{}")
        _ = try await strict.send(broken, validation: .off)
        #expect(transport.requests.count == 2)
        await #expect(throws: RequestValidationError.self) { try await lenient.send(broken, validation: .beforeSend) }
        #expect(transport.requests.count == 2)
        #expect(transport.lastRequest?.bodyText.hasPrefix("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&orderId=1&") == true)
    }

    @Test func validationOffAlsoLiftsTheReceiveWindowLimit() async throws {
        let transport = RecordingTransport()
        let wide = Call<EmptyResponse, OrderForm>(Binance.orderParameters(recvWindow: 90_000))
        let error = await thrownError { try await Binance.client(transport: transport).send(wide) }
        #expect((error as? RequestValidationError)?.rule == "recvWindow")
        transport.enqueue(body: "{}")
        _ = try await Binance.client(transport: transport).send(wide, validation: .off)
        #expect(transport.lastRequest?.bodyText.contains("recvWindow=90000") == true)
    }
}

/// A second open enum, for `type`.
enum OpenOrderKind: RawRepresentable, CaseIterable, Sendable, Hashable, ParameterEncodable {
    case limit, market
    case unknown(String)

    static let allCases: [OpenOrderKind] = [.limit, .market]

    init(rawValue: String) {
        self = Self.allCases.first { $0.rawValue == rawValue } ?? .unknown(rawValue)
    }

    var rawValue: String {
        switch self {
        case .limit: "LIMIT"
        case .market: "MARKET"
        case let .unknown(value): value
        }
    }
}
