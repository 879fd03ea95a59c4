import ClientRuntime
import SpecModel

/// The stateful mock's orders, lists and trades in Binance's response shapes (the spec's `OrderAck`, `OrderResult`,
/// `OrderFull`, `Order`, `CanceledOrder`, `AmendedOrder`, `OrderList*` and `AccountTrade` models).
enum BinanceShapes {
    typealias Members = [(key: String, value: JSONDocument)]

    static func ack(_ order: MockOrder, now: Int64) -> Members {
        [
            ("symbol", .string(order.symbol)), ("orderId", .int(order.id)), ("orderListId", .int(order.listID)),
            ("clientOrderId", .string(order.clientOrderId)), ("transactTime", .int(now)),
        ]
    }

    /// The RESULT shape; `fills` adds the FULL shape's executions.
    static func result(_ order: MockOrder, now: Int64, fills: [MockTrade]? = nil) -> JSONDocument {
        var members = ack(order, now: now) + core(order, quoteName: "origQuoteOrderQty")
        members.insert(("workingTime", .int(order.workingTime)), at: members.count - 1)
        members += optional(order)
        if let fills { members.append(("fills", .array(fills.map(fill)))) }
        return .object(members)
    }

    /// An order as queryOrder, openOrders and allOrders return it.
    static func order(_ order: MockOrder) -> JSONDocument {
        var members: Members = [
            ("symbol", .string(order.symbol)), ("orderId", .int(order.id)), ("orderListId", .int(order.listID)),
            ("clientOrderId", .string(order.clientOrderId)),
        ]
        members += core(order, quoteName: nil)
        members.removeLast()  // selfTradePreventionMode goes last
        members += optional(order)
        members += [
            ("time", .int(order.time)), ("updateTime", .int(order.updateTime)), ("isWorking", .bool(order.workingTime >= 0)),
            ("workingTime", .int(order.workingTime)), ("origQuoteOrderQty", .decimal(order.quoteQuantity)),
            ("selfTradePreventionMode", .string("NONE")),
        ]
        return .object(members)
    }

    /// A canceled order; `clientOrderId` is the cancel's id.
    static func canceled(_ order: MockOrder, cancelID: String, now: Int64) -> JSONDocument {
        var members: Members = [
            ("symbol", .string(order.symbol)), ("origClientOrderId", .string(order.clientOrderId)), ("orderId", .int(order.id)),
            ("orderListId", .int(order.listID)), ("clientOrderId", .string(cancelID)), ("transactTime", .int(now)),
        ]
        members += core(order, quoteName: "origQuoteOrderQty") + optional(order)
        return .object(members)
    }

    static func amended(_ order: MockOrder, originalClientID: String) -> JSONDocument {
        .object([
            ("symbol", .string(order.symbol)), ("orderId", .int(order.id)), ("orderListId", .int(order.listID)),
            ("origClientOrderId", .string(originalClientID)), ("clientOrderId", .string(order.clientOrderId)),
            ("price", .decimal(order.price)), ("qty", .decimal(order.quantity)), ("executedQty", .decimal(order.executed)),
            ("preventedQty", .decimal(0)), ("quoteOrderQty", .decimal(order.quoteQuantity)),
            ("cumulativeQuoteQty", .decimal(order.executedQuote)), ("status", .string(order.status.rawValue)),
            ("timeInForce", .string(order.timeInForce)), ("type", .string(order.type)), ("side", .string(order.side.rawValue)),
            ("workingTime", .int(order.workingTime)), ("selfTradePreventionMode", .string("NONE")),
        ])
    }

    /// An order list's status fields and order references; `reports` are the shapes of its orders.
    static func list(_ list: MockOrderList, orders: [MockOrder], reports: [JSONDocument]?) -> JSONDocument {
        let done = !list.isOpen
        var members: Members = [
            ("orderListId", .int(list.id)), ("contingencyType", .string(list.contingencyType)),
            ("listStatusType", .string(done ? "ALL_DONE" : "EXEC_STARTED")),
            ("listOrderStatus", .string(done ? "ALL_DONE" : "EXECUTING")), ("listClientOrderId", .string(list.clientOrderId)),
            ("transactionTime", .int(list.updateTime)), ("symbol", .string(list.symbol)),
            (
                "orders",
                .array(orders.map { .object([("symbol", .string($0.symbol)), ("orderId", .int($0.id)), ("clientOrderId", .string($0.clientOrderId))]) })
            ),
        ]
        if let reports { members.append(("orderReports", .array(reports))) }
        return .object(members)
    }

    static func trade(_ trade: MockTrade) -> JSONDocument {
        .object([
            ("symbol", .string(trade.symbol)), ("id", .int(trade.id)), ("orderId", .int(trade.orderID)), ("orderListId", .int(trade.listID)),
            ("price", .decimal(trade.price)), ("qty", .decimal(trade.quantity)), ("quoteQty", .decimal(trade.quoteQuantity)),
            ("commission", .decimal(0)), ("commissionAsset", .string(trade.commissionAsset)), ("time", .int(trade.time)),
            ("isBuyer", .bool(trade.side == .buy)), ("isMaker", .bool(trade.isMaker)), ("isBestMatch", .bool(true)),
        ])
    }

    private static func fill(_ trade: MockTrade) -> JSONDocument {
        .object([
            ("price", .decimal(trade.price)), ("qty", .decimal(trade.quantity)), ("commission", .decimal(0)),
            ("commissionAsset", .string(trade.commissionAsset)), ("tradeId", .int(trade.id)),
        ])
    }

    /// Price, quantities, status, time in force, type, side, and (last) the self-trade prevention mode.
    private static func core(_ order: MockOrder, quoteName: String?) -> Members {
        var members: Members = [
            ("price", .decimal(order.price)), ("origQty", .decimal(order.quantity)), ("executedQty", .decimal(order.executed)),
        ]
        if let quoteName { members.append((quoteName, .decimal(order.quoteQuantity))) }
        members += [
            ("cummulativeQuoteQty", .decimal(order.executedQuote)), ("status", .string(order.status.rawValue)),
            ("timeInForce", .string(order.timeInForce)), ("type", .string(order.type)), ("side", .string(order.side.rawValue)),
            ("selfTradePreventionMode", .string("NONE")),
        ]
        return members
    }

    private static func optional(_ order: MockOrder) -> Members {
        var members: Members = []
        if let stop = order.stopPrice { members.append(("stopPrice", .decimal(stop))) }
        if let iceberg = order.icebergQuantity { members.append(("icebergQty", .decimal(iceberg))) }
        return members
    }
}

extension OrderBook {
    /// One side's levels as `[["price", "quantity"], …]`, best first: both venues' depth shape.
    func document(_ side: FilterOrder.Side, limit: Int) -> JSONDocument {
        .array(levels(side, limit: limit).map { .array([.decimal($0.price), .decimal($0.quantity)]) })
    }
}

extension JSONDocument {
    static func int(_ value: Int64) -> JSONDocument { .number(String(value)) }
    /// A decimal as the venues send it: a JSON string of its exact text.
    static func decimal(_ value: ExactDecimal) -> JSONDocument { .string(value.text) }

    /// A client runtime JSON value (a filter object) as a document, object keys sorted with `filterType` first.
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let text): self = .number(text)
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(JSONDocument.init))
        case .object(let members):
            let keys = members.keys.sorted { lhs, rhs in lhs == "filterType" || (rhs != "filterType" && lhs < rhs) }
            self = .object(keys.map { ($0, JSONDocument(members[$0] ?? .null)) })
        }
    }

    /// The object with `key` set to `value` (replaced in place, or appended).
    func setting(_ key: String, _ value: JSONDocument) -> JSONDocument {
        guard case var .object(members) = self else { return self }
        if let index = members.firstIndex(where: { $0.key == key }) { members[index].value = value } else { members.append((key, value)) }
        return .object(members)
    }
}
