import ClientRuntime
import Foundation
import Testing

/// A symbol with every Binance symbol filter (values from the docs' examples) and the four exchange filters.
let binanceExchangeInfo = """
    {"timezone": "UTC", "serverTime": 1, "rateLimits": [],
     "exchangeFilters": [
       {"filterType": "EXCHANGE_MAX_NUM_ORDERS", "maxNumOrders": 1000},
       {"filterType": "EXCHANGE_MAX_NUM_ALGO_ORDERS", "maxNumAlgoOrders": 200},
       {"filterType": "EXCHANGE_MAX_NUM_ICEBERG_ORDERS", "maxNumIcebergOrders": 10000},
       {"filterType": "EXCHANGE_MAX_NUM_ORDER_LISTS", "maxNumOrderLists": 20}],
     "symbols": [{"symbol": "BTCUSDT", "baseAsset": "BTC", "quoteAsset": "USDT", "filters": [
       {"filterType": "PRICE_FILTER", "minPrice": "0.01000000", "maxPrice": "1000000.00000000", "tickSize": "0.01000000"},
       {"filterType": "PERCENT_PRICE", "multiplierUp": "1.3000", "multiplierDown": "0.7000", "avgPriceMins": 5},
       {"filterType": "PERCENT_PRICE_BY_SIDE", "bidMultiplierUp": "1.2", "bidMultiplierDown": "0.2",
        "askMultiplierUp": "5", "askMultiplierDown": "0.8", "avgPriceMins": 1},
       {"filterType": "LOT_SIZE", "minQty": "0.00001000", "maxQty": "9000.00000000", "stepSize": "0.00001000"},
       {"filterType": "MIN_NOTIONAL", "minNotional": "5.00000000", "applyToMarket": true, "avgPriceMins": 5},
       {"filterType": "NOTIONAL", "minNotional": "10.00000000", "applyMinToMarket": false,
        "maxNotional": "10000.00000000", "applyMaxToMarket": false, "avgPriceMins": 5},
       {"filterType": "ICEBERG_PARTS", "limit": 10},
       {"filterType": "MARKET_LOT_SIZE", "minQty": "0.00000000", "maxQty": "100.00000000", "stepSize": "0.00000000"},
       {"filterType": "MAX_NUM_ORDERS", "maxNumOrders": 25},
       {"filterType": "MAX_NUM_ALGO_ORDERS", "maxNumAlgoOrders": 5},
       {"filterType": "MAX_NUM_ICEBERG_ORDERS", "maxNumIcebergOrders": 5},
       {"filterType": "MAX_POSITION", "maxPosition": "10.00000000"},
       {"filterType": "TRAILING_DELTA", "minTrailingAboveDelta": 10, "maxTrailingAboveDelta": 2000,
        "minTrailingBelowDelta": 10, "maxTrailingBelowDelta": 2000},
       {"filterType": "MAX_NUM_ORDER_AMENDS", "maxNumOrderAmends": 10},
       {"filterType": "MAX_NUM_ORDER_LISTS", "maxNumOrderLists": 20},
       {"filterType": "SOME_FUTURE_FILTER", "anything": 1}]}]}
    """

/// One order change and one context change.
struct FilterCase: Sendable, CustomTestStringConvertible {
    var filter: String
    var order: @Sendable (inout FilterOrder) -> Void = { _ in }
    var context: @Sendable (inout FilterContext) -> Void = { _ in }
    var testDescription: String { filter }
}

@Suite struct ExchangeFiltersTests {
    static let filters: ExchangeFilters = {
        do {
            var filters = try ExchangeFilters(binanceExchangeInfoJSON: Data(binanceExchangeInfo.utf8))
            // MAX_ASSET comes from myFilters' assetFilters: one on the base asset, one on the quote asset.
            for (asset, limit) in [("BTC", "200"), ("USDT", "20000")] {
                let object: [String: JSONValue] = ["filterType": .string("MAX_ASSET"), "asset": .string(asset), "limit": .string(limit)]
                if let filter = try ExchangeFilter(binance: object) { filters.symbols["BTCUSDT"]?.filters.append(filter) }
            }
            return filters
        } catch {
            Issue.record("fixture: \(error)")
            return ExchangeFilters(symbols: [])
        }
    }()

    /// A LIMIT buy of 0.5 BTC at 100 USDT with the market at 100: it passes every filter.
    static let order = FilterOrder(symbol: "BTCUSDT", side: .buy, type: "LIMIT", price: "100.00", quantity: "0.50000")
    static let context = FilterContext(
        averagePrice: "100", symbolOpen: .init(orders: 3, algoOrders: 1, icebergOrders: 1, orderLists: 1),
        exchangeOpen: .init(orders: 10, algoOrders: 2, icebergOrders: 1, orderLists: 1), position: "1", amendments: 2)

    func failures(_ change: FilterCase) -> [String] {
        var (order, context) = (Self.order, Self.context)
        change.order(&order)
        change.context(&context)
        return Self.filters.check(order, context: context).map(\.filter)
    }

    @Test func theBaseOrderPassesEveryFilter() {
        #expect(Self.filters["BTCUSDT"]?.filters.count == 17)  // 15 symbol filters + 2 asset filters; the unknown one skipped
        #expect(Self.filters.exchangeFilters.count == 4)
        #expect(Self.filters.check(Self.order, context: Self.context).isEmpty)
        #expect(Self.filters.check(Self.order).isEmpty)  // without context, context filters are skipped
    }

    /// Each case breaks exactly one filter.
    static let failing: [FilterCase] = [
        FilterCase(filter: "PRICE_FILTER", order: { $0.price = "100.005" }),
        FilterCase(
            filter: "PRICE_FILTER",
            order: {
                $0.side = .sell; $0.price = "1000000.01"; $0.quantity = "0.00001"
            }, context: { $0.averagePrice = nil }),
        FilterCase(
            filter: "PERCENT_PRICE",
            order: {
                $0.side = .sell; $0.price = "130.01"
            }),
        FilterCase(filter: "PERCENT_PRICE_BY_SIDE", order: { $0.price = "120.01" }),
        FilterCase(filter: "LOT_SIZE", order: { $0.quantity = "0.500005" }),
        FilterCase(
            filter: "MIN_NOTIONAL",
            order: {
                $0.type = "MARKET"; $0.price = nil; $0.quantity = "0.04999"
            }),
        FilterCase(filter: "NOTIONAL", order: { $0.quantity = "0.09999" }),
        FilterCase(
            filter: "NOTIONAL",
            order: {
                $0.side = .sell; $0.quantity = "100.00001"
            }),
        FilterCase(filter: "ICEBERG_PARTS", order: { $0.icebergQuantity = "0.04999" }),
        FilterCase(
            filter: "MARKET_LOT_SIZE",
            order: {
                $0.type = "MARKET"; $0.price = nil; $0.side = .sell; $0.quantity = "100.00001"
            }),
        FilterCase(filter: "MAX_NUM_ORDERS", context: { $0.symbolOpen.orders = 25 }),
        FilterCase(
            filter: "MAX_NUM_ALGO_ORDERS",
            order: {
                $0.type = "STOP_LOSS_LIMIT"; $0.stopPrice = "101"
            }, context: { $0.symbolOpen.algoOrders = 5 }),
        FilterCase(filter: "MAX_NUM_ICEBERG_ORDERS", order: { $0.icebergQuantity = "0.05" }, context: { $0.symbolOpen.icebergOrders = 5 }),
        FilterCase(filter: "MAX_POSITION", context: { $0.position = "9.50001" }),
        FilterCase(
            filter: "TRAILING_DELTA",
            order: {
                $0.type = "STOP_LOSS_LIMIT"; $0.trailingDelta = 9
            }),
        FilterCase(
            filter: "TRAILING_DELTA",
            order: {
                $0.type = "TAKE_PROFIT_LIMIT"; $0.trailingDelta = 2001
            }),
        FilterCase(filter: "MAX_NUM_ORDER_AMENDS", order: { $0.intent = .amend }, context: { $0.amendments = 10 }),
        FilterCase(filter: "MAX_NUM_ORDER_LISTS", order: { $0.intent = .placeList }, context: { $0.symbolOpen.orderLists = 20 }),
        FilterCase(filter: "EXCHANGE_MAX_NUM_ORDERS", context: { $0.exchangeOpen.orders = 1000 }),
        FilterCase(
            filter: "EXCHANGE_MAX_NUM_ALGO_ORDERS",
            order: {
                $0.type = "TAKE_PROFIT_LIMIT"; $0.stopPrice = "99"
            }, context: { $0.exchangeOpen.algoOrders = 200 }),
        FilterCase(filter: "EXCHANGE_MAX_NUM_ICEBERG_ORDERS", order: { $0.icebergQuantity = "0.1" }, context: { $0.exchangeOpen.icebergOrders = 10000 }),
        FilterCase(filter: "EXCHANGE_MAX_NUM_ORDER_LISTS", order: { $0.intent = .placeList }, context: { $0.exchangeOpen.orderLists = 20 }),
        FilterCase(
            filter: "MAX_ASSET",
            order: {
                $0.side = .sell; $0.price = "0.05"; $0.quantity = "200.00001"
            }, context: { $0.averagePrice = nil }),
        FilterCase(
            filter: "MAX_ASSET",
            order: {
                $0.side = .sell; $0.type = "MARKET"; $0.price = nil; $0.quantity = nil; $0.quoteQuantity = "20000.01"
            }),
    ]

    @Test(arguments: failing)
    func anOrderBreakingOneFilterFailsThatFilterOnly(_ change: FilterCase) {
        #expect(failures(change) == [change.filter])
    }

    /// The same changes, moved to the edge of what each filter allows.
    static let passing: [FilterCase] = [
        FilterCase(filter: "PRICE_FILTER", order: { $0.price = "100.01" }),
        FilterCase(
            filter: "PERCENT_PRICE",
            order: {
                $0.side = .sell; $0.price = "130.00"
            }),
        FilterCase(filter: "PERCENT_PRICE_BY_SIDE", order: { $0.price = "120" }),
        FilterCase(filter: "LOT_SIZE", order: { $0.quantity = "0.50001" }),
        FilterCase(
            filter: "MIN_NOTIONAL",
            order: {
                $0.type = "MARKET"; $0.price = nil; $0.quantity = "0.05"
            }),
        FilterCase(filter: "NOTIONAL", order: { $0.quantity = "0.1" }),
        FilterCase(filter: "ICEBERG_PARTS", order: { $0.icebergQuantity = "0.05" }),
        FilterCase(
            filter: "MARKET_LOT_SIZE",
            order: {
                $0.type = "MARKET"; $0.price = nil; $0.side = .sell; $0.quantity = "1.23456"
            }),
        FilterCase(filter: "MAX_NUM_ORDERS", context: { $0.symbolOpen.orders = 24 }),
        FilterCase(
            filter: "MAX_NUM_ALGO_ORDERS",
            order: {
                $0.type = "STOP_LOSS_LIMIT"; $0.stopPrice = "101"
            }, context: { $0.symbolOpen.algoOrders = 4 }),
        FilterCase(filter: "MAX_NUM_ICEBERG_ORDERS", order: { $0.icebergQuantity = "0.05" }, context: { $0.symbolOpen.icebergOrders = 4 }),
        FilterCase(filter: "MAX_POSITION", context: { $0.position = "9.5" }),
        FilterCase(
            filter: "TRAILING_DELTA",
            order: {
                $0.type = "STOP_LOSS_LIMIT"; $0.trailingDelta = 10
            }),
        FilterCase(filter: "MAX_NUM_ORDER_AMENDS", order: { $0.intent = .amend }, context: { $0.amendments = 9 }),
        FilterCase(filter: "MAX_NUM_ORDER_LISTS", order: { $0.intent = .placeList }, context: { $0.symbolOpen.orderLists = 19 }),
        FilterCase(filter: "EXCHANGE_MAX_NUM_ORDERS", context: { $0.exchangeOpen.orders = 999 }),
        FilterCase(
            filter: "MAX_ASSET",
            order: {
                $0.side = .sell; $0.price = "0.05"; $0.quantity = "200"
            }, context: { $0.averagePrice = nil }),
    ]

    @Test(arguments: passing)
    func anOrderAtTheEdgeOfAFilterPasses(_ change: FilterCase) {
        #expect(failures(change).isEmpty)
    }

    @Test func everyBrokenFilterIsReportedWithTheDocsMessageAndCode() throws {
        var order = Self.order
        (order.price, order.quantity) = ("0.001", "0.000001")
        let found = Self.filters.check(order, context: Self.context)
        #expect(found.map(\.filter) == ["PRICE_FILTER", "PERCENT_PRICE", "PERCENT_PRICE_BY_SIDE", "LOT_SIZE", "MIN_NOTIONAL", "NOTIONAL"])
        #expect(found.map(\.message) == found.map { "Filter failure: \($0.filter)" })
        #expect(found.allSatisfy { $0.code == "-1013" })
        #expect(found[0].reason == "price 0.001 is below the minimum 0.01000000; price 0.001 is not a multiple of 0.01000000")
        #expect(found[3].fields == ["quantity"])
        // An amendment beyond the limit is answered with -2038.
        order = Self.order
        order.intent = .amend
        #expect(Self.filters.check(order, context: FilterContext(amendments: 10)).map(\.code) == ["-2038"])
    }

    /// The messages are the spec's `filterFailures` catalog, transcribed from Binance's errors docs.
    @Test func theMessagesAreTheSpecCatalog() throws {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../specs/binance-spot.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        var messages = Self.filters["BTCUSDT"].map { $0.filters + Self.filters.exchangeFilters } ?? []
        // The docs' table gives these two no message; the venue's pattern is used for them.
        messages.removeAll { ["MAX_ASSET", "PERCENT_PRICE_BY_SIDE"].contains($0.name) }
        #expect(messages.count == 18)
        for filter in messages {
            #expect(text.contains("{message: \"\(filter.failureMessage)\""), "\(filter.failureMessage)")
        }
    }

    @Test func roundsPricesAndQuantitiesToTheSymbolsSteps() throws {
        let symbol = try #require(Self.filters["BTCUSDT"])
        #expect(symbol.tickSize == "0.01")
        #expect(symbol.stepSize() == "0.00001")
        #expect(symbol.stepSize(atMarket: true) == "0.00001")  // MARKET_LOT_SIZE's step is 0: off
        #expect(try symbol.roundedPrice("100.005", .toNearestOrEven).text == "100.00000000")
        #expect(try symbol.roundedPrice("100.015", .toNearestOrEven).text == "100.02000000")
        #expect(try symbol.roundedPrice("100.001", .up).text == "100.01000000")
        #expect(try symbol.roundedQuantity("0.123456789", .down).text == "0.12345000")
        let plain = ExchangeFilters.Symbol(name: "X", filters: [])
        #expect(try plain.roundedPrice("1.23456", .down).text == "1.23456")  // no tick: unchanged
    }

    @Test func badFilterDataIsAnErrorNamingWhere() throws {
        func error(_ json: String) -> String {
            do {
                _ = try ExchangeFilters(binanceExchangeInfoJSON: Data(json.utf8))
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        #expect(
            error(#"{"symbols": [{"symbol": "A", "filters": [{"filterType": "PRICE_FILTER", "minPrice": "0", "maxPrice": "1", "tickSize": "abc"}]}]}"#)
                == "symbols[0].filters[0]: PRICE_FILTER: tickSize is missing or not a decimal")
        #expect(
            error(#"{"exchangeFilters": [{"filterType": "EXCHANGE_MAX_NUM_ORDERS", "maxNumOrders": -1}]}"#)
                == "exchangeFilters[0]: EXCHANGE_MAX_NUM_ORDERS: maxNumOrders is missing or not a whole number ≥ 0")
        #expect(
            error(
                #"{"symbols": [{"symbol": "A", "filters": [{"filterType": "TRAILING_DELTA", "minTrailingAboveDelta": 20, "maxTrailingAboveDelta": 10, "minTrailingBelowDelta": 1, "maxTrailingBelowDelta": 2}]}]}"#
            )
                == "symbols[0].filters[0]: TRAILING_DELTA: minTrailingAboveDelta (20) is above maxTrailingAboveDelta (10)")
        #expect(
            error(#"{"symbols": [{"symbol": "A", "filters": [{"filterType": "LOT_SIZE", "minQty": "-1", "maxQty": "1", "stepSize": "0.1"}]}]}"#)
                == "symbols[0].filters[0]: LOT_SIZE: minQty is negative (-1)")
        #expect(error(#"[1]"#) == "$: exchange information is not a JSON object")
        #expect(error(#"{"symbols": [{"filters": []}]}"#) == "symbols[0]: not a symbol object with a `symbol` name")
    }

    @Test func anOrderWhoseNotionalOverflowsFailsInsteadOfTrapping() {
        var order = Self.order
        (order.price, order.quantity) = ("1e30", "1e30")
        let found = Self.filters.check(order)
        #expect(found.map(\.filter).contains("NOTIONAL"))
        #expect(found.first { $0.filter == "NOTIONAL" }?.reason.contains("does not fit") == true)
    }

    @Test func validationBeforeSendingRefusesAnOrderBreakingAFilter() async throws {
        let transport = RecordingTransport()
        let client = Binance.client(transport: transport) { $0.exchangeFilters = Self.filters }
        var parameters = Parameters()
        parameters.add("symbol", "BTCUSDT", in: .body)
        parameters.add("side", "BUY", in: .body)
        parameters.add("type", "LIMIT", in: .body)
        parameters.add("quantity", ExactDecimal("0.5"), in: .body)
        parameters.add("price", ExactDecimal("100.001"), in: .body)
        let order = Call<EmptyResponse, OrderForm>(parameters)
        do {
            _ = try await client.send(order)
            Issue.record("sent an order breaking PRICE_FILTER")
        } catch let error as RequestValidationError {
            #expect(error.violations.map(\.message) == ["Filter failure: PRICE_FILTER"])
            #expect(error.violations.first?.kind == "filter")
            #expect(error.violations.first?.code == "-1013")
            #expect(error.violations.first?.params == ["price"])
        }
        #expect(transport.requests.isEmpty)
        #expect(throws: RequestValidationError.self) { try order.validate(against: Self.filters) }
        #expect(throws: Never.self) { try order.validate(against: nil) }

        // Off by default, and the per-call override lifts it.
        transport.enqueue(body: "{}")
        _ = try await client.send(order, validation: .off)
        transport.enqueue(body: "{}")
        _ = try await Binance.client(transport: transport).send(order)
        #expect(transport.requests.count == 2)
    }
}
