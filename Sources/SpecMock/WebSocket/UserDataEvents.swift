import ClientRuntime
import SpecModel

/// The user data stream events for an answer, in the spec's `WebSocketEvent` shapes: an `executionReport` for every
/// order change and execution, an `outboundAccountPosition` for the balances that moved (stateful mode), or one
/// `executionReport` (NEW) shaped after the order an example answered (stateless mode).
struct UserDataEvents {
    let spec: Spec
    let now: Int64

    func events(for events: AccountEvents) -> [JSONDocument] {
        var result: [JSONDocument] = []
        for update in events.changes.orders { result += reports(update) }
        if !events.changes.balances.isEmpty {
            let balances = events.changes.balances.map { entry -> JSONDocument in
                .object([("a", .string(entry.asset)), ("f", .decimal(entry.balance.free)), ("l", .decimal(entry.balance.locked))])
            }
            result.append(.object([("e", .string("outboundAccountPosition")), ("E", .int(now)), ("u", .int(now)), ("B", .array(balances))]))
        }
        if let placed = events.placed, let report = report(placed) { result.append(report) }
        return result
    }

    // MARK: - Stateful

    /// NEW for a placed order, one TRADE per execution, then the order's last change (CANCELED, EXPIRED, REPLACED).
    private func reports(_ update: AccountChanges.OrderUpdate) -> [JSONDocument] {
        var reports: [JSONDocument] = []
        var order = update.before ?? update.after
        if update.before == nil {
            order.executed = 0
            order.executedQuote = 0
            order.status = .new
            reports.append(report(order, execution: "NEW", trade: nil))
        }
        for trade in update.trades {
            order.executed = (try? order.executed.adding(trade.quantity)) ?? order.executed
            order.executedQuote = (try? order.executedQuote.adding(trade.quoteQuantity)) ?? order.executedQuote
            order.status = order.executed >= update.after.quantity ? .filled : .partiallyFilled
            reports.append(report(order, execution: "TRADE", trade: trade))
        }
        let after = update.after
        let changedOtherwise =
            after.status != order.status || after.amendments != (update.before?.amendments ?? 0) || after.quantity != order.quantity
        guard changedOtherwise else { return reports }
        let execution =
            switch after.status {
            case .canceled: "CANCELED"
            case .expired: "EXPIRED"
            default: after.amendments != (update.before?.amendments ?? 0) ? "REPLACED" : "NEW"
            }
        if execution == "NEW", update.before == nil, update.trades.isEmpty { return reports }
        reports.append(report(after, execution: execution, trade: nil))
        return reports
    }

    private func report(_ order: MockOrder, execution: String, trade: MockTrade?) -> JSONDocument {
        let lastQuote = trade.flatMap { try? $0.price.multiplied(by: $0.quantity) } ?? 0
        return .object([
            ("e", .string("executionReport")), ("E", .int(now)), ("s", .string(order.symbol)), ("c", .string(order.clientOrderId)),
            ("S", .string(order.side.rawValue)), ("o", .string(order.type)), ("f", .string(order.timeInForce)),
            ("q", .decimal(order.quantity)), ("p", .decimal(order.price)), ("P", .decimal(order.stopPrice ?? 0)),
            ("F", .decimal(order.icebergQuantity ?? 0)), ("g", .int(order.listID)), ("C", .string("")), ("x", .string(execution)),
            ("X", .string(order.status.rawValue)), ("r", .string("NONE")), ("i", .int(order.id)),
            ("l", .decimal(trade?.quantity ?? 0)), ("z", .decimal(order.executed)), ("L", .decimal(trade?.price ?? 0)),
            ("n", .decimal(0)), ("N", trade.map { .string($0.commissionAsset) } ?? .null), ("T", .int(trade?.time ?? now)),
            ("t", .int(trade?.id ?? -1)), ("I", .int(now)), ("w", .bool(order.status.isOpen && order.workingTime >= 0)),
            ("m", .bool(trade?.isMaker ?? false)), ("M", .bool(trade != nil)), ("O", .int(order.time)), ("Z", .decimal(order.executedQuote)),
            ("Y", .decimal(lastQuote)), ("Q", .decimal(order.quoteQuantity)), ("W", .int(order.workingTime)), ("V", .string("NONE")),
        ])
    }

    // MARK: - Stateless

    /// The spec's `executionReport` example with the placed order's symbol, side, type, ids, price and quantity.
    private func report(_ placed: AccountEvents.Placed) -> JSONDocument? {
        guard var event = exampleEvent("executionReport") else { return nil }
        let answer = (try? JSONDocument.parse(placed.answer)) ?? .object([])
        let sent = placed.parameters
        func text(_ name: String) -> JSONDocument? { sent.text(name).map(JSONDocument.string) }
        let settings: [(String, JSONDocument?)] = [
            ("E", .int(now)), ("s", text("symbol") ?? answer["symbol"]), ("S", text("side") ?? answer["side"]),
            ("o", text("type") ?? answer["type"]), ("f", text("timeInForce") ?? answer["timeInForce"]),
            ("q", text("quantity") ?? answer["origQty"]), ("p", text("price") ?? answer["price"]),
            ("c", answer["clientOrderId"] ?? text("newClientOrderId")), ("i", answer["orderId"]), ("g", answer["orderListId"]),
            ("x", .string("NEW")), ("X", .string("NEW")), ("l", .string("0")), ("z", .string("0")), ("L", .string("0")),
            ("n", .string("0")), ("N", .null), ("t", .int(-1)), ("T", .int(now)), ("O", .int(now)), ("W", .int(now)),
            ("Z", .string("0")), ("Y", .string("0")),
        ]
        for case let (key, value?) in settings { event = event.setting(key, value) }
        return event
    }

    /// The `event` of the spec's example pushed message named `name`.
    private func exampleEvent(_ name: String) -> JSONDocument? {
        guard let example = spec.webSocketAPI?.events?.examples.first(where: { $0.name == name }),
            let text = example.response?.value, let message = try? JSONDocument.parse(text)
        else { return nil }
        return message[spec.webSocketAPI?.events?.event ?? "event"]
    }
}
