import ClientRuntime
import Foundation
import Testing

@testable import SpecMock

/// The stateful mock's matching and bookkeeping, without a server.
@Suite("Stateful trading state")
struct TradingStateTests {
    static func state(limits: Scenario.Limits = Scenario.Limits(), filters: [ExchangeFilter] = []) -> TradingState {
        let book = Scenario.Book(
            bids: [.init(price: "99", quantity: "1"), .init(price: "98", quantity: "2")],
            asks: [.init(price: "101", quantity: "1"), .init(price: "102", quantity: "2")])
        let scenario = Scenario(
            symbols: [Scenario.Symbol(name: "XY", baseAsset: "X", quoteAsset: "Y", book: book)], balances: ["X": "10", "Y": "1000"],
            clockStart: 0, script: [Scenario.Step(at: 100, symbol: "XY", book: Scenario.Book(asks: [.init(price: "97", quantity: "0.5")]))],
            limits: limits)
        return TradingState(
            scenario: scenario, filters: ExchangeFilters(symbols: [.init(name: "XY", baseAsset: "X", quoteAsset: "Y", filters: filters)]))
    }

    static func limit(_ side: FilterOrder.Side, _ quantity: ExactDecimal, _ price: ExactDecimal, tif: String = "GTC", id: String? = nil) -> PlaceOrder {
        PlaceOrder(symbol: "XY", side: side, type: "LIMIT", timeInForce: tif, price: price, quantity: quantity, clientOrderId: id)
    }

    @Test("a crossing LIMIT walks the book best price first, at the makers' prices, and rests the rest")
    func walksTheBook() throws {
        var state = Self.state()
        let order = try state.place(Self.limit(.buy, "2", "101.5"), now: 1)
        #expect(order.executed == "1" && order.executedQuote == "101" && order.status == .partiallyFilled)
        #expect(state.books["XY"]?.bestBid == "101.5" && state.books["XY"]?.bestAsk == "102")
        // Locked: the resting 1 at 101.5; paid 101 for the fill.
        #expect(state.balance("Y").locked == "101.5" && state.balance("Y").free == "797.5")
        #expect(state.balance("X").free == "11")
    }

    @Test("price-time priority: the older of two orders at one price fills first")
    func timePriority() throws {
        var state = Self.state()
        let first = try state.place(Self.limit(.sell, "1", "100"), now: 1)
        let second = try state.place(Self.limit(.sell, "1", "100"), now: 2)
        _ = try state.place(PlaceOrder(symbol: "XY", side: .buy, type: "MARKET", quantity: "1.5"), now: 3)
        #expect(state.orders[first.id]?.status == .filled && state.orders[second.id]?.executed == "0.5")
    }

    @Test("a quote-quantity MARKET buy spends at most its budget, in whole steps")
    func quoteQuantity() throws {
        var state = Self.state()
        let order = try state.place(PlaceOrder(symbol: "XY", side: .buy, type: "MARKET", quoteQuantity: "150"), now: 1)
        // 1 at 101, then 0.48039215 at 102 (the largest 1e-8 step costing ≤ 49).
        #expect(order.executed == "1.48039215" && order.executedQuote <= "150" && order.status == .filled)
        #expect(try TradingState.largestQuantity(costingAtMost: "49", at: "102", step: "0.00000001") == "0.48039215")
        // Out-of-range budgets are an error, never a trap.
        #expect(throws: ExactDecimal.ArithmeticError.self) {
            try TradingState.largestQuantity(costingAtMost: "1e160", at: "1e-100", step: "0.00000001")
        }
        var fresh = Self.state()
        #expect(throws: TradingError.self) {
            try fresh.place(PlaceOrder(symbol: "XY", side: .buy, type: "MARKET", quoteQuantity: "1e160"), now: 1)
        }
    }

    @Test("FOK expires untouched when it cannot fill; IOC keeps its fills and expires the rest")
    func timeInForce() throws {
        var state = Self.state()
        let fok = try state.place(Self.limit(.buy, "5", "102", tif: "FOK"), now: 1)
        #expect(fok.status == .expired && fok.executed == 0 && state.books["XY"]?.bestAsk == "101")
        let ioc = try state.place(Self.limit(.buy, "5", "101", tif: "IOC"), now: 2)
        #expect(ioc.status == .expired && ioc.executed == "1" && state.balance("Y").locked == 0)
    }

    @Test("the script's crossing levels fill resting orders; a balance short of an order refuses it")
    func scriptAndBalance() throws {
        var state = Self.state()
        let bid = try state.place(Self.limit(.buy, "1", "100"), now: 1)
        state.runScript(elapsed: 50, now: 50)
        #expect(state.orders[bid.id]?.executed == 0)
        state.runScript(elapsed: 100, now: 100)
        #expect(state.orders[bid.id]?.executed == "0.5" && state.trades.last?.price == "100" && state.trades.last?.isMaker == true)
        #expect(throws: TradingError.insufficientBalance) { try state.place(Self.limit(.sell, "11", "200"), now: 101) }
    }

    @Test("bounds: open orders are capped with an error, closed history drops the oldest")
    func bounds() throws {
        var state = Self.state(limits: Scenario.Limits(maxOpenOrdersPerSymbol: 2, maxOpenOrders: 5, maxHistory: 2))
        for _ in 0..<4 { _ = try state.place(PlaceOrder(symbol: "XY", side: .sell, type: "MARKET", quantity: "0.1"), now: 1) }
        _ = try state.place(Self.limit(.buy, "0.1", "90"), now: 2)
        _ = try state.place(Self.limit(.buy, "0.1", "90"), now: 2)
        #expect(throws: TradingError.tooManyOpenOrders(limit: 2)) { try state.place(Self.limit(.buy, "0.1", "90"), now: 2) }
        #expect(state.allOrders(nil).count == 4 && state.trades.count == 2)
    }

    @Test("filters are the client runtime's: a failure refuses the order with every failure")
    func filters() {
        let tick = ExchangeFilter(
            name: "PRICE_FILTER", failureMessage: "Filter failure: PRICE_FILTER", failureCode: "-1013",
            rule: .bounds(fields: [.price], min: nil, max: nil, step: "0.5", marketOnly: false))
        var state = Self.state(filters: [tick])
        #expect(throws: TradingError.self) { try state.place(Self.limit(.buy, "1", "90.2"), now: 1) }
        #expect(state.openOrders(nil).isEmpty)
    }

    @Test("OTO: the pending order waits, then works once the working order fills; OCO: a fill expires the other leg")
    func lists() throws {
        var state = Self.state()
        let oto = try state.placeTriggered(Self.limit(.buy, "1", "100"), pending: [Self.limit(.sell, "1", "105")], clientID: nil, now: 1)
        let pendingID = oto.orderIDs[1]
        #expect(state.orders[pendingID]?.status == .pendingNew && state.books["XY"]?.bestAsk == "101")
        _ = try state.place(Self.limit(.sell, "1", "100"), now: 2)  // fills the working order
        #expect(state.orders[pendingID]?.status == .new && state.books["XY"]?.bestAsk == "101")
        let oco = try state.placeOCO(
            Self.limit(.sell, "1", "104"), PlaceOrder(symbol: "XY", side: .sell, type: "STOP_LOSS", quantity: "1", stopPrice: "90"), clientID: "c",
            now: 3)
        _ = try state.place(Self.limit(.buy, "4", "104"), now: 4)  // 1 at 101, 2 at 102, then the OCO's 104
        #expect(state.orders[oco.orderIDs[0]]?.status == .filled && state.orders[oco.orderIDs[1]]?.status == .expired)
        #expect(state.lists[oco.id]?.isOpen == false)
    }
}
