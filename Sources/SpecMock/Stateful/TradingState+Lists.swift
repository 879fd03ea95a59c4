import ClientRuntime

/// An order list: OCO (one cancels the other), OTO (a working order that triggers a pending one), OTOCO (a working
/// order that triggers a pending OCO pair).
struct MockOrderList: Sendable {
    let id: Int64
    let symbol: String
    /// `OCO`, `OTO` (OTOCO reports `OTO`, as Binance does).
    let contingencyType: String
    let clientOrderId: String
    var orderIDs: [Int64]
    /// The orders of which a fill expires the others.
    var exclusive: [Int64]
    /// The working order whose complete fill places `pending`.
    var working: Int64?
    var pending: [(id: Int64, request: PlaceOrder)]
    var isOpen = true
    let time: Int64
    var updateTime: Int64
}

extension TradingState {
    /// Places an OCO pair: both legs work at once; the leg on the book locks the funds, the other shares them.
    mutating func placeOCO(_ above: PlaceOrder, _ below: PlaceOrder, clientID: String?, now: Int64) throws(TradingError) -> MockOrderList {
        let legs = [above, below]
        for leg in legs { try admit(withIntent(leg)) }
        let listID = nextListID
        nextListID += 1
        // The leg that can trade locks; when both only wait for a trigger, the first does.
        let locking = legs.firstIndex { !isAlgo($0.type) } ?? 0
        let ids = legs.map { _ in newOrderID() }
        lists[listID] = list(listID, above.symbol, "OCO", clientID, ids, exclusive: ids, now: now)
        // The locking leg first: when the balance is short, nothing has been placed.
        for index in [locking, 1 - locking] {
            do {
                _ = try enter(legs[index], listID: listID, locks: index == locking, id: ids[index], now: now)
            } catch {
                lists[listID] = nil
                throw error
            }
        }
        return lists[listID] ?? list(listID, above.symbol, "OCO", clientID, ids, exclusive: ids, now: now)
    }

    /// Places an OTO (one pending order) or OTOCO (a pending OCO pair) list: the working order works now, the
    /// pending ones wait (`PENDING_NEW`) until it is completely filled.
    mutating func placeTriggered(_ working: PlaceOrder, pending: [PlaceOrder], clientID: String?, now: Int64) throws(TradingError) -> MockOrderList {
        try admit(withIntent(working))
        for order in pending { try admit(withIntent(order)) }
        let listID = nextListID
        nextListID += 1
        let workingID = newOrderID()
        let pendingIDs = pending.map { _ in newOrderID() }
        var entry = list(listID, working.symbol, "OTO", clientID, [workingID] + pendingIDs, exclusive: pendingIDs.count > 1 ? pendingIDs : [], now: now)
        entry.working = workingID
        entry.pending = zip(pendingIDs, pending).map { (id: $0, request: $1) }
        lists[listID] = entry
        do {
            _ = try enter(working, listID: listID, id: workingID, now: now)
        } catch {
            lists[listID] = nil
            throw error
        }
        // Still pending unless the working order filled at once (then they are placed already).
        for (id, order) in lists[listID]?.pending ?? [] { _ = try enter(order, listID: listID, pending: true, id: id, now: now) }
        return lists[listID] ?? entry
    }

    /// Cancels every open order of a list.
    mutating func cancelList(_ symbol: String, id: Int64?, clientID: String?, now: Int64) throws(TradingError) -> MockOrderList {
        guard let list = lists.values.first(where: { $0.symbol == symbol && ($0.id == id || (id == nil && $0.clientOrderId == clientID)) }),
            list.isOpen
        else { throw .unknownOrder }
        for orderID in list.orderIDs { try finish(orderID, as: .canceled, now: now) }
        lists[list.id]?.isOpen = false
        lists[list.id]?.updateTime = now
        return lists[list.id] ?? list
    }

    /// After an execution of a list's order: a fill of an exclusive leg expires the others; a complete fill of the
    /// working order places the pending orders.
    mutating func orderFilled(_ order: MockOrder, now: Int64) {
        guard order.listID >= 0, var list = lists[order.listID] else { return }
        if list.exclusive.contains(order.id) {
            for other in list.exclusive where other != order.id { try? finish(other, as: .expired, now: now) }
        }
        if list.working == order.id && order.status == .filled {
            let pending = list.pending
            list.pending = []
            lists[list.id] = list
            let locking = pending.firstIndex { !isAlgo($0.request.type) } ?? 0
            for (index, item) in pending.enumerated() {
                orders[item.id] = nil
                _ = try? enter(item.request, listID: list.id, locks: index == locking, id: item.id, now: now)
            }
        }
        if list.orderIDs.allSatisfy({ orders[$0]?.status.isOpen != true }) {
            lists[list.id]?.isOpen = false
            lists[list.id]?.updateTime = now
        }
    }

    private func isAlgo(_ type: String) -> Bool { type.hasPrefix("STOP_LOSS") || type.hasPrefix("TAKE_PROFIT") }

    /// The order as the list-count filters see it.
    private func withIntent(_ order: PlaceOrder) -> PlaceOrder {
        var order = order
        order.intent = .placeList
        return order
    }

    private func list(
        _ id: Int64, _ symbol: String, _ type: String, _ clientID: String?, _ ids: [Int64], exclusive: [Int64], now: Int64
    ) -> MockOrderList {
        MockOrderList(
            id: id, symbol: symbol, contingencyType: type, clientOrderId: clientID ?? "mocklist\(id)", orderIDs: ids,
            exclusive: exclusive, working: nil, pending: [], time: now, updateTime: now)
    }
}
