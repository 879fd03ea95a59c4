import BinanceSpot
import ClientRuntime
import Foundation
import SpecMock
import Testing

/// The client's `ExchangeFilters.check`, built from the mock's own exchangeInfo, and the stateful mock's enforcement
/// agree on every probe order: both run the same checker, the mock on its state, the client on a context it reads
/// from the API (open orders, balances, the book's middle price).
@Suite("Stateful mock: filters agree with ExchangeFilters.check")
struct FilterAgreementTests {
    typealias Session = StatefulSessionTests

    /// ETHBTC takes every filter of the spec's exchangeInfo example; BNBUSDT has small count limits; the exchange
    /// limits are smaller than ETHBTC's own so they are the first to fail there.
    static let scenario = """
        symbols:
          - {symbol: ETHBTC, baseAsset: ETH, quoteAsset: BTC, bids: [["0.049", "1000"]], asks: [["0.051", "1000"]]}
          - symbol: BNBUSDT
            baseAsset: BNB
            quoteAsset: USDT
            bids: [["9", "100"]]
            asks: [["11", "100"]]
            filters:
              - {filterType: PRICE_FILTER, minPrice: "0.01", maxPrice: "10000", tickSize: "0.01"}
              - {filterType: MAX_NUM_ORDERS, maxNumOrders: 1}
              - {filterType: MAX_POSITION, maxPosition: "5"}
              - {filterType: MAX_NUM_ORDER_AMENDS, maxNumOrderAmends: 1}
          - symbol: LTCBTC
            baseAsset: LTC
            quoteAsset: BTC
            bids: [["0.009", "100"]]
            asks: [["0.011", "100"]]
            filters:
              - {filterType: PRICE_FILTER, minPrice: "0.0001", maxPrice: "10", tickSize: "0.0001"}
              - {filterType: MAX_NUM_ALGO_ORDERS, maxNumAlgoOrders: 1}
              - {filterType: MAX_NUM_ICEBERG_ORDERS, maxNumIcebergOrders: 1}
        exchangeFilters:
          - {filterType: EXCHANGE_MAX_NUM_ORDERS, maxNumOrders: 6}
          - {filterType: EXCHANGE_MAX_NUM_ALGO_ORDERS, maxNumAlgoOrders: 2}
          - {filterType: EXCHANGE_MAX_NUM_ICEBERG_ORDERS, maxNumIcebergOrders: 2}
          - {filterType: EXCHANGE_MAX_NUM_ORDER_LISTS, maxNumOrderLists: 1}
        balances: {ETH: "1000", BTC: "100", BNB: "1", USDT: "1000"}
        """

    /// What the client checks with: the filters of the mock's exchangeInfo, and the context the API shows.
    struct Checker {
        let client: BinanceSpotClient
        let filters: ExchangeFilters

        func context(_ symbol: String) async throws -> FilterContext {
            let open = try await client.openOrders()
            func counts(_ orders: [Order]) -> FilterContext.OpenCounts {
                FilterContext.OpenCounts(
                    orders: orders.count, algoOrders: orders.filter { $0.stopPrice != nil }.count,
                    icebergOrders: orders.filter { $0.icebergQty.map { !$0.isZero } ?? false }.count,
                    orderLists: Set(orders.map(\.orderListId).filter { $0 >= 0 }).count)
            }
            let book = try await client.depth(DepthRequest(symbol: symbol))
            let middle = try #require(book.bids.first?.price).adding(try #require(book.asks.first?.price)).multiplied(by: "0.5")
            let base = filters[symbol]?.baseAsset ?? ""
            let balance = try await client.account().balances.first { $0.asset == base }
            var position = try (balance?.free ?? 0).adding(balance?.locked ?? 0)
            for buy in open where buy.symbol == symbol && buy.side == .buy { position = try position.adding(buy.origQty.subtracting(buy.executedQty)) }
            return FilterContext(
                averagePrice: middle, symbolOpen: counts(open.filter { $0.symbol == symbol }), exchangeOpen: counts(open), position: position)
        }

        /// The client's verdict and the mock's answer to the same order through `testNewOrder`.
        func probe(_ order: FilterOrder) async throws -> (expected: [FilterFailure], answered: String?) {
            let expected = filters.check(order, context: try await context(order.symbol))
            let request = TestNewOrderRequest(
                symbol: order.symbol, side: order.side == .buy ? .buy : .sell, type: OrderType(rawValue: order.type),
                timeInForce: order.type.hasSuffix("LIMIT") ? .gtc : nil, quantity: order.quantity, quoteOrderQty: order.quoteQuantity,
                price: order.price, stopPrice: order.stopPrice, trailingDelta: order.trailingDelta, icebergQty: order.icebergQuantity)
            do {
                _ = try await client.testNewOrder(request)
                return (expected, nil)
            } catch let error as BinanceSpotError {
                return (expected, "\(error.code) \(error.message)")
            }
        }
    }

    static func limit(_ symbol: String, _ side: FilterOrder.Side, _ quantity: ExactDecimal, _ price: ExactDecimal, iceberg: ExactDecimal? = nil)
        -> FilterOrder
    {
        FilterOrder(symbol: symbol, side: side, type: "LIMIT", price: price, quantity: quantity, icebergQuantity: iceberg)
    }

    @Test("every filter type passes and fails the same way in the client and in the mock")
    func agreement() async throws {
        let scenario = try Scenario.parse(Data(Self.scenario.utf8), file: "filters.yaml")
        let mock = try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"),
            options: MockOptions(credentials: MockCredentials(apiKey: Session.E2E.apiKey, secret: Session.E2E.secret), scenario: scenario))
        defer { Task { await mock.stop() } }
        let client = Session.client(mock)
        let checker = Checker(client: client, filters: try ExchangeFilters(binanceExchangeInfo: try await client.exchangeInfo()))
        #expect(checker.filters["ETHBTC"]?.filters.count == 15)
        var failed: [String: Int] = [:]
        var passed: [String: Int] = [:]
        func run(_ order: FilterOrder) async throws {
            let (expected, answered) = try await checker.probe(order)
            #expect(answered == expected.first.map { "\($0.code ?? "") \($0.message)" }, "order \(order)")
            let names = (checker.filters[order.symbol]?.filters ?? []).map(\.name) + checker.filters.exchangeFilters.map(\.name)
            for name in names {
                if expected.contains(where: { $0.filter == name }) { failed[name, default: 0] += 1 } else { passed[name, default: 0] += 1 }
            }
        }
        // Stateless filters on ETHBTC (middle price 0.05).
        try await run(Self.limit("ETHBTC", .sell, "200", "0.05"))
        try await run(Self.limit("ETHBTC", .sell, "200", "0.0500005"))  // PRICE_FILTER tick
        try await run(Self.limit("ETHBTC", .sell, "200", "0.07"))  // PERCENT_PRICE
        try await run(Self.limit("ETHBTC", .sell, "300", "0.039"))  // PERCENT_PRICE_BY_SIDE
        try await run(Self.limit("ETHBTC", .sell, "200.0005", "0.05"))  // LOT_SIZE step
        try await run(FilterOrder(symbol: "ETHBTC", side: .sell, type: "MARKET", quantity: "0.01"))  // MIN_NOTIONAL at market
        try await run(FilterOrder(symbol: "ETHBTC", side: .sell, type: "MARKET", quantity: "200.0005"))  // MARKET_LOT_SIZE
        try await run(Self.limit("ETHBTC", .sell, "1", "0.05"))  // NOTIONAL
        try await run(Self.limit("ETHBTC", .sell, "200", "0.05", iceberg: "10"))  // ICEBERG_PARTS
        try await run(Self.limit("ETHBTC", .buy, "11", "0.05"))  // MAX_POSITION (and NOTIONAL)
        try await run(
            FilterOrder(symbol: "ETHBTC", side: .sell, type: "STOP_LOSS_LIMIT", price: "0.05", stopPrice: "0.049", quantity: "200", trailingDelta: 5))
        try await run(Self.limit("BNBUSDT", .buy, "4", "10"))
        try await run(Self.limit("BNBUSDT", .buy, "4", "10.001"))
        try await run(Self.limit("BNBUSDT", .buy, "6", "10"))  // MAX_POSITION 5 with 1 held

        // Count filters: rest orders, then probe again (each rest adds one to the exchange's count of 6).
        func rest(_ request: NewOrderRequest) async throws { _ = try await client.newOrder(request) }
        try await rest(NewOrderRequest(symbol: "BNBUSDT", side: .buy, type: .limit, timeInForce: .gtc, quantity: "1", price: "8"))
        try await run(Self.limit("BNBUSDT", .buy, "1", "8"))  // MAX_NUM_ORDERS 1
        try await rest(NewOrderRequest(symbol: "LTCBTC", side: .buy, type: .limit, timeInForce: .gtc, quantity: "10", price: "0.008", icebergQty: "2"))
        try await run(Self.limit("LTCBTC", .buy, "10", "0.008", iceberg: "2"))  // MAX_NUM_ICEBERG_ORDERS 1
        let stop = FilterOrder(symbol: "LTCBTC", side: .buy, type: "STOP_LOSS_LIMIT", price: "0.012", stopPrice: "0.012", quantity: "10")
        try await rest(
            NewOrderRequest(symbol: "LTCBTC", side: .buy, type: .stopLossLimit, timeInForce: .gtc, quantity: "10", price: "0.012", stopPrice: "0.012"))
        try await run(stop)  // MAX_NUM_ALGO_ORDERS 1
        try await rest(
            NewOrderRequest(symbol: "ETHBTC", side: .sell, type: .limit, timeInForce: .gtc, quantity: "200", price: "0.051", icebergQty: "40"))
        try await run(Self.limit("ETHBTC", .sell, "200", "0.05", iceberg: "40"))  // EXCHANGE_MAX_NUM_ICEBERG_ORDERS 2
        try await rest(
            NewOrderRequest(symbol: "ETHBTC", side: .sell, type: .stopLossLimit, timeInForce: .gtc, quantity: "300", price: "0.045", stopPrice: "0.046"))
        try await run(FilterOrder(symbol: "ETHBTC", side: .sell, type: "STOP_LOSS_LIMIT", price: "0.045", stopPrice: "0.046", quantity: "300"))
        try await rest(NewOrderRequest(symbol: "ETHBTC", side: .sell, type: .limit, timeInForce: .gtc, quantity: "200", price: "0.051"))
        try await run(Self.limit("ETHBTC", .sell, "200", "0.05"))  // EXCHANGE_MAX_NUM_ORDERS 6

        // Amendments: the second one breaks MAX_NUM_ORDER_AMENDS, with Binance's amend code.
        let resting = try #require(try await client.openOrders(OpenOrdersRequest(symbol: "BNBUSDT")).first)
        _ = try await client.amendOrderKeepPriority(AmendOrderKeepPriorityRequest(symbol: "BNBUSDT", orderId: resting.orderId, newQty: "0.9"))
        let amend = FilterOrder(symbol: "BNBUSDT", side: .buy, type: "LIMIT", price: "8", quantity: "0.8", intent: .amend)
        let expected = checker.filters.check(amend, context: FilterContext(amendments: 1))
        await #expect {
            _ = try await client.amendOrderKeepPriority(AmendOrderKeepPriorityRequest(symbol: "BNBUSDT", orderId: resting.orderId, newQty: "0.8"))
        } throws: { error in
            (error as? BinanceSpotError).map { "\($0.code) \($0.message)" } == expected.first.map { "\($0.code ?? "") \($0.message)" }
        }
        #expect(expected.map(\.filter) == ["MAX_NUM_ORDER_AMENDS"])

        // Every filter type of the mock's exchangeInfo (but the amendment and list limits, checked on their own) was
        // seen passing and failing.
        let all = Set((checker.filters.symbols.values.flatMap(\.filters) + checker.filters.exchangeFilters).map(\.name))
        let special: Set = ["MAX_NUM_ORDER_AMENDS", "MAX_NUM_ORDER_LISTS", "EXCHANGE_MAX_NUM_ORDER_LISTS"]
        #expect(all.subtracting(special).subtracting(failed.keys).sorted() == [])
        #expect(all.subtracting(special).subtracting(passed.keys).sorted() == [])
    }
}
