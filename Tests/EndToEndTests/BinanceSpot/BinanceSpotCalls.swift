import BinanceSpot
import ClientRuntime
import Testing

/// One call per endpoint of the Binance Spot spec, each with the parameters its rules require, decoding the
/// typed response; the tests check this table covers every endpoint.
enum BinanceSpotCalls {
    typealias Call = @Sendable (BinanceSpotClient) async throws -> Void

    static let symbol = "BTCUSDT"

    static let all: [String: Call] = [
        "ping": { client in _ = try await client.ping() },
        "serverTime": { client in
            let value = try await client.serverTime()
            #expect(value.serverTime > 0)
        },
        "exchangeInfo": { client in
            let info = try await client.exchangeInfo(ExchangeInfoRequest(symbol: symbol))
            #expect(!info.symbols.isEmpty)
        },
        "executionRules": { client in
            let rules = try await client.executionRules(ExecutionRulesRequest(symbol: "BAZUSD"))
            #expect(!rules.symbolRules.isEmpty)
        },
        "depth": { client in
            let book = try await client.depth(DepthRequest(symbol: symbol))
            #expect(!book.bids.isEmpty)
        },
        "trades": { client in _ = try await client.trades(TradesRequest(symbol: symbol)) },
        "historicalTrades": { client in _ = try await client.historicalTrades(HistoricalTradesRequest(symbol: symbol, fromId: 1)) },
        "historicalBlockTrades": { client in
            _ = try await client.historicalBlockTrades(HistoricalBlockTradesRequest(symbol: symbol, fromId: 1))
        },
        "aggTrades": { client in _ = try await client.aggTrades(AggTradesRequest(symbol: symbol)) },
        "klines": { client in _ = try await client.klines(KlinesRequest(symbol: symbol, interval: .oneHour)) },
        "uiKlines": { client in _ = try await client.uiKlines(UiKlinesRequest(symbol: symbol, interval: .oneDay)) },
        "avgPrice": { client in _ = try await client.avgPrice(AvgPriceRequest(symbol: symbol)) },
        "ticker24hr": { client in _ = try await client.ticker24hr(Ticker24hrRequest(symbol: symbol)) },
        "tickerTradingDay": { client in _ = try await client.tickerTradingDay(TickerTradingDayRequest(symbol: symbol)) },
        "tickerPrice": { client in _ = try await client.tickerPrice() },
        "tickerBookTicker": { client in _ = try await client.tickerBookTicker(TickerBookTickerRequest(symbols: [symbol, "ETHBTC"])) },
        "ticker": { client in _ = try await client.ticker(TickerRequest(symbols: [symbol], type: .mini)) },
        "referencePrice": { client in _ = try await client.referencePrice(ReferencePriceRequest(symbol: "BAZUSD")) },
        "referencePriceCalculation": { client in
            _ = try await client.referencePriceCalculation(ReferencePriceCalculationRequest(symbol: "BAZUSD"))
        },
        "newOrder": { client in
            let response = try await client.newOrder(
                .limit(symbol: symbol, side: .buy, timeInForce: .gtc, quantity: "0.001", price: "20000"))
            guard case let .full(order) = response else {
                Issue.record("a LIMIT order without newOrderRespType answers FULL, got \(response)")
                return
            }
            #expect(!order.fills.isEmpty)
        },
        "testNewOrder": { client in
            _ = try await client.testNewOrder(
                TestNewOrderRequest(
                    symbol: symbol, side: .sell, type: .market, quantity: "1", computeCommissionRates: true))
        },
        "queryOrder": { client in
            let order = try await client.queryOrder(QueryOrderRequest(symbol: symbol, orderId: 1))
            #expect(order.orderId > 0)
        },
        "cancelOrder": { client in
            _ = try await client.cancelOrder(CancelOrderRequest(symbol: symbol, origClientOrderId: "myOrder1"))
        },
        "cancelOpenOrders": { client in
            let value = try await client.cancelOpenOrders(CancelOpenOrdersRequest(symbol: symbol))
            #expect(!value.isEmpty)
        },
        "cancelReplace": { client in
            let response = try await client.cancelReplace(
                CancelReplaceRequest(
                    symbol: symbol, side: .buy, type: .limit, cancelReplaceMode: .stopOnFailure, timeInForce: .gtc,
                    quantity: "1", price: "20000", cancelOrderId: 9))
            guard case .full = response else {
                Issue.record("a LIMIT cancel-replace answers FULL, got \(response)")
                return
            }
        },
        "amendOrderKeepPriority": { client in
            let result = try await client.amendOrderKeepPriority(
                AmendOrderKeepPriorityRequest(symbol: symbol, orderId: 9, newQty: "4"))
            #expect(result.amendedOrder.orderId > 0)
        },
        "openOrders": { client in _ = try await client.openOrders(OpenOrdersRequest(symbol: symbol)) },
        "allOrders": { client in _ = try await client.allOrders(AllOrdersRequest(symbol: symbol, limit: 10)) },
        "newOcoDeprecated": { client in
            _ = try await client.newOcoDeprecated(
                NewOcoDeprecatedRequest(
                    symbol: symbol, side: .sell, quantity: "1", price: "30000", stopPrice: "19000"))
        },
        "newOrderListOco": { client in
            _ = try await client.newOrderListOco(
                NewOrderListOcoRequest(
                    symbol: symbol, side: .sell, quantity: "1", aboveType: .limitMaker, abovePrice: "30000",
                    belowType: .stopLoss, belowStopPrice: "19000", newOrderRespType: .result))
        },
        "newOrderListOto": { client in
            _ = try await client.newOrderListOto(
                .limit(
                    symbol: symbol, workingSide: .sell, workingPrice: "30000", workingQuantity: "1", workingTimeInForce: .gtc,
                    pendingType: .market, pendingSide: .buy, pendingQuantity: "1"))
        },
        "newOrderListOtoco": { client in
            _ = try await client.newOrderListOtoco(
                NewOrderListOtocoRequest(
                    symbol: symbol, workingType: .limit, workingSide: .buy, workingPrice: "20000", workingQuantity: "1",
                    workingTimeInForce: .gtc, pendingSide: .sell, pendingQuantity: "1", pendingAboveType: .limitMaker,
                    pendingAbovePrice: "30000", pendingBelowType: .stopLoss, pendingBelowStopPrice: "19000"))
        },
        "newOrderListOpo": { client in
            _ = try await client.newOrderListOpo(
                NewOrderListOpoRequest(
                    symbol: symbol, workingType: .limit, workingSide: .buy, workingPrice: "20000", workingQuantity: "1",
                    workingTimeInForce: .gtc, pendingType: .market, pendingSide: .sell))
        },
        "newOrderListOpoco": { client in
            _ = try await client.newOrderListOpoco(
                NewOrderListOpocoRequest(
                    symbol: symbol, workingType: .limit, workingSide: .buy, workingPrice: "20000", workingQuantity: "1",
                    workingTimeInForce: .gtc, pendingSide: .sell, pendingAboveType: .limitMaker, pendingAbovePrice: "30000",
                    pendingBelowType: .stopLoss, pendingBelowStopPrice: "19000"))
        },
        "cancelOrderList": { client in
            _ = try await client.cancelOrderList(CancelOrderListRequest(symbol: symbol, orderListId: 0))
        },
        "queryOrderList": { client in
            _ = try await client.queryOrderList(QueryOrderListRequest(orderListId: 27))
        },
        "allOrderLists": { client in _ = try await client.allOrderLists() },
        "openOrderLists": { client in _ = try await client.openOrderLists() },
        "newSorOrder": { client in
            _ = try await client.newSorOrder(
                NewSorOrderRequest(
                    symbol: symbol, side: .buy, type: .limit, timeInForce: .gtc, quantity: "0.5", price: "20000"))
        },
        "testNewSorOrder": { client in
            _ = try await client.testNewSorOrder(TestNewSorOrderRequest(symbol: symbol, side: .buy, type: .market, quantity: "0.5"))
        },
        "account": { client in
            let account = try await client.account(AccountRequest(omitZeroBalances: true))
            #expect(account.canTrade)
        },
        "myTrades": { client in _ = try await client.myTrades(MyTradesRequest(symbol: symbol, fromId: 1)) },
        "rateLimitOrder": { client in
            let value = try await client.rateLimitOrder()
            #expect(!value.isEmpty)
        },
        "myPreventedMatches": { client in
            _ = try await client.myPreventedMatches(MyPreventedMatchesRequest(symbol: symbol, preventedMatchId: 1))
        },
        "myAllocations": { client in _ = try await client.myAllocations(MyAllocationsRequest(symbol: symbol)) },
        "accountCommission": { client in
            let commission = try await client.accountCommission(AccountCommissionRequest(symbol: symbol))
            #expect(commission.symbol == symbol)
        },
        "orderAmendments": { client in
            _ = try await client.orderAmendments(OrderAmendmentsRequest(symbol: symbol, orderId: 9))
        },
        "myFilters": { client in
            let filters = try await client.myFilters(MyFiltersRequest(symbol: symbol))
            #expect(!filters.exchangeFilters.isEmpty)
        },
    ]
}
