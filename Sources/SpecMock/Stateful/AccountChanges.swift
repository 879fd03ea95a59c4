import SpecModel

/// What one action changed in the stateful mock's account: the orders that moved (with their new executions) and
/// the balances that moved, found by comparing the state before and after. The user data stream turns them into
/// `executionReport` and `outboundAccountPosition` events.
struct AccountChanges: Sendable {
    struct OrderUpdate: Sendable {
        /// The order before the action; nil for an order the action placed.
        var before: MockOrder?
        var after: MockOrder
        /// The order's executions made by the action, oldest first.
        var trades: [MockTrade]
    }

    var orders: [OrderUpdate] = []
    var balances: [(asset: String, balance: MockBalance)] = []

    var isEmpty: Bool { orders.isEmpty && balances.isEmpty }

    /// The differences from `before` to `after`, orders by id and balances by asset name.
    static func between(_ before: TradingState, _ after: TradingState) -> AccountChanges {
        var changes = AccountChanges()
        let lastTrade = before.trades.last?.id ?? 0
        let newTrades = Dictionary(grouping: after.trades.reversed().prefix { $0.id > lastTrade }.reversed(), by: \.orderID)
        for (id, order) in after.orders.sorted(by: { $0.key < $1.key }) {
            let old = before.orders[id]
            let trades = newTrades[id] ?? []
            if let old, trades.isEmpty, !differs(old, order) { continue }
            changes.orders.append(OrderUpdate(before: old, after: order, trades: trades))
        }
        for (asset, balance) in after.balances.sorted(by: { $0.key < $1.key }) {
            let old = before.balances[asset]
            if old?.free != balance.free || old?.locked != balance.locked { changes.balances.append((asset, balance)) }
        }
        return changes
    }

    private static func differs(_ a: MockOrder, _ b: MockOrder) -> Bool {
        a.status != b.status || a.executed != b.executed || a.quantity != b.quantity || a.clientOrderId != b.clientOrderId
            || a.amendments != b.amendments || a.workingTime != b.workingTime
    }
}

/// What the engine tells the user data streams after an answer: the account's changes (stateful mode) or the order
/// an example answered (stateless mode), and the API key the request carried.
struct AccountEvents: Sendable {
    /// An order placement the mock answered from the spec's example.
    struct Placed: Sendable {
        var endpoint: Endpoint
        var parameters: ReceivedParameters
        /// The answer's JSON text.
        var answer: String
    }

    /// The request's API key; nil for changes the clock made (`MockExchange.advanceClock`).
    var apiKey: String?
    var changes = AccountChanges()
    var placed: Placed?
}
