import ClientRuntime
import Foundation

extension TradingState {
    /// Checks a new order against the mock's bounds and the symbol's filters (the client runtime's own checker), then
    /// places it: it trades against the book as far as it crosses, and a `LIMIT` rest stays on the book.
    /// `pending` places it as a pending order of a list (off the book, nothing locked, until its list activates it).
    mutating func place(_ request: PlaceOrder, now: Int64) throws(TradingError) -> MockOrder {
        try admit(request)
        return try enter(request, now: now)
    }

    /// Whether `request` may be placed: a known symbol, room under the mock's bounds, an unused client id, no
    /// broken filter.
    func admit(_ request: PlaceOrder) throws(TradingError) {
        guard symbols[request.symbol] != nil else { throw .unknownSymbol }
        let open = openOrders(nil)
        if open.count >= limits.maxOpenOrders { throw .tooManyOpenOrders(limit: limits.maxOpenOrders) }
        if open.filter({ $0.symbol == request.symbol }).count >= limits.maxOpenOrdersPerSymbol {
            throw .tooManyOpenOrders(limit: limits.maxOpenOrdersPerSymbol)
        }
        if let id = request.clientOrderId, open.contains(where: { $0.clientOrderId == id }) { throw .duplicateClientOrderId }
        let order = request.filterOrder
        let failures = filters.check(order, context: context(for: order))
        if !failures.isEmpty { throw .filters(failures) }
    }

    /// Places an admitted order. For order lists: `listID`; `pending` keeps it off the book with nothing locked until
    /// its list activates it (again through here, with its `id`); `locks` false leaves the funds to its other leg.
    mutating func enter(
        _ request: PlaceOrder, listID: Int64 = -1, pending: Bool = false, locks: Bool = true, id existing: Int64? = nil, now: Int64
    ) throws(TradingError) -> MockOrder {
        guard let symbol = symbols[request.symbol], let book = books[request.symbol] else { throw .unknownSymbol }
        let market = request.type == "MARKET"
        let algo = request.type.hasPrefix("STOP_LOSS") || request.type.hasPrefix("TAKE_PROFIT")
        let limitPrice = market || request.type == "STOP_LOSS" || request.type == "TAKE_PROFIT" ? nil : request.price
        if !market && !algo && limitPrice == nil { throw .notSimulated("a \(request.type) order without a price") }
        if request.quantity == nil && !(market && request.quoteQuantity != nil) {
            throw .notSimulated("a \(request.type) order without a quantity")
        }
        let tif = request.timeInForce ?? "GTC"
        var matches: [OrderBook.Match] = []
        if !pending && !algo { matches = try plan(request, book: book, limit: limitPrice, symbol: symbol) }
        let matched = try sum(matches.map(\.quantity))
        if request.type == "LIMIT_MAKER" && !matches.isEmpty { throw .wouldTake }
        let quantity = request.quantity ?? matched
        let fillsWholly = matched >= quantity
        let id = existing ?? newOrderID()
        var order = MockOrder(
            id: id, clientOrderId: request.clientOrderId ?? "mock\(id)", symbol: request.symbol, side: request.side, type: request.type,
            timeInForce: tif, price: limitPrice ?? 0, stopPrice: request.stopPrice, icebergQuantity: request.icebergQuantity,
            quantity: quantity, quoteQuantity: request.quoteQuantity ?? 0, status: pending ? .pendingNew : .new, time: now,
            updateTime: now, workingTime: pending ? -1 : now, listID: listID, locksFunds: locks && (limitPrice != nil || request.side == .sell))
        if tif == "FOK" && !fillsWholly {  // all or nothing: expires without touching the book
            order.status = .expired
            orders[id] = order
            close(id)
            return order
        }
        if !pending && locks { try reserve(order, matches: matches, symbol: symbol) }
        orders[id] = order
        for match in matches { try fill(match, on: order.symbol, takerSide: order.side, takerID: id, now: now) }
        guard let placed = orders[id] else { return order }
        if placed.status.isOpen && !pending && !algo {
            if market || tif == "IOC" || tif == "FOK" {
                try finish(id, as: .expired, now: now)
            } else {
                let entry = OrderBook.Entry(orderID: id, price: placed.price, remaining: placed.remaining, sequence: sequence())
                books[order.symbol]?.insert(entry, on: order.side)
            }
        }
        return orders[id] ?? placed
    }

    /// The fills an order would get now: up to its quantity, or for a quote quantity up to what it may spend,
    /// in whole steps of the symbol's market lot size.
    private func plan(_ request: PlaceOrder, book: OrderBook, limit: ExactDecimal?, symbol: Scenario.Symbol) throws(TradingError) -> [OrderBook.Match] {
        try exact { () throws(ExactDecimal.ArithmeticError) in
            if let quantity = request.quantity {
                return try book.plan(for: request.side, limit: limit) { (entry, filled) throws(ExactDecimal.ArithmeticError) in
                    min(try quantity.subtracting(filled), entry.remaining)
                }
            }
            guard let budget = request.quoteQuantity else { return [] }
            let step = filters[request.symbol]?.stepSize(atMarket: true) ?? "0.00000001"
            var spent: ExactDecimal = 0
            return try book.plan(for: request.side, limit: limit) { (entry, _) throws(ExactDecimal.ArithmeticError) in
                let left = try budget.subtracting(spent)
                let affordable = try Self.largestQuantity(costingAtMost: left, at: entry.price, step: step)
                let taken = min(affordable, entry.remaining)
                spent = try spent.adding(taken.multiplied(by: entry.price))
                return taken
            }
        }
    }

    /// Locks what the order needs, or checks a market order can pay for its fills; throws when the balance is short.
    private mutating func reserve(_ order: MockOrder, matches: [OrderBook.Match], symbol: Scenario.Symbol) throws(TradingError) {
        if order.side == .sell {
            try lock(order.quantity, of: symbol.baseAsset)
        } else if order.locksFunds {
            try lock(try exact { () throws(ExactDecimal.ArithmeticError) in try order.quantity.multiplied(by: order.price) }, of: symbol.quoteAsset)
        } else {
            let cost = try sum(
                try matches.map { match throws(TradingError) in
                    try exact { () throws(ExactDecimal.ArithmeticError) in try match.quantity.multiplied(by: match.entry.price) }
                })
            if balance(symbol.quoteAsset).free < cost { throw .insufficientBalance }
        }
    }

    /// The largest multiple of `step` whose value at `price` is at most `budget`: estimated with `Decimal` division,
    /// then corrected with exact products, so the answer is exact.
    static func largestQuantity(
        costingAtMost budget: ExactDecimal, at price: ExactDecimal, step: ExactDecimal
    ) throws(ExactDecimal.ArithmeticError) -> ExactDecimal {
        guard !price.isZero, !budget.isNegative, !budget.isZero else { return 0 }
        let quotient = budget.decimal / price.decimal
        guard !quotient.isNaN else { throw .overflow("\(budget) / \(price)") }  // beyond Decimal's range
        var estimate = try ExactDecimal(quotient).rounded(toMultipleOf: step, .down)
        if estimate.isNegative { estimate = 0 }
        // The estimate is off by at most a step or two; a few exact corrections settle it.
        var corrections = 0
        while corrections < 4, try estimate.multiplied(by: price) > budget {
            estimate = max(0, try estimate.subtracting(step))
            corrections += 1
        }
        while corrections < 8, try estimate.adding(step).multiplied(by: price) <= budget {
            estimate = try estimate.adding(step)
            corrections += 1
        }
        return estimate
    }

    // MARK: - Cancel and amend

    /// Cancels one open order; an order of a list cancels the whole list, as Binance documents.
    mutating func cancel(_ symbol: String?, id: Int64?, clientOrderId: String?, now: Int64) throws(TradingError) -> MockOrder {
        guard let order = order(symbol, id: id, clientOrderId: clientOrderId), order.status.isOpen else { throw .unknownOrder }
        if order.listID >= 0 {
            _ = try cancelList(order.symbol, id: order.listID, clientID: nil, now: now)
        } else {
            try finish(order.id, as: .canceled, now: now)
        }
        return orders[order.id] ?? order
    }

    /// Cancels every open order on `symbol`.
    mutating func cancelAll(_ symbol: String, now: Int64) throws(TradingError) -> [MockOrder] {
        guard symbols[symbol] != nil else { throw .unknownSymbol }
        let open = openOrders(symbol)
        for order in open where orders[order.id]?.status.isOpen == true {
            _ = try cancel(symbol, id: order.id, clientOrderId: nil, now: now)
        }
        return open.compactMap { orders[$0.id] }
    }

    /// Lowers an open order's quantity; it keeps its place in the queue and gives back the funds it no longer needs.
    mutating func amend(_ symbol: String, id: Int64?, clientOrderId: String?, newQuantity: ExactDecimal, newClientOrderId: String?, now: Int64)
        throws(TradingError) -> MockOrder
    {
        guard var order = order(symbol, id: id, clientOrderId: clientOrderId), order.status.isOpen,
            let info = symbols[symbol]
        else { throw .unknownOrder }
        guard newQuantity < order.quantity, !newQuantity.isZero, !newQuantity.isNegative else {
            throw .invalidAmendment("the new quantity must be above zero and below the order's current quantity")
        }
        var check = FilterOrder(symbol: symbol, side: order.side, type: order.type, price: order.price, quantity: newQuantity, intent: .amend)
        if order.price.isZero { check.price = nil }
        let failures = filters.check(check, context: context(for: check, amending: order))
        if !failures.isEmpty { throw .filters(failures) }
        guard newQuantity > order.executed else { throw .invalidAmendment("the new quantity must be above the executed quantity") }
        let released = try exact { () throws(ExactDecimal.ArithmeticError) in try order.quantity.subtracting(newQuantity) }
        if order.locksFunds && order.status != .pendingNew {
            if order.side == .buy {
                try unlock(try exact { () throws(ExactDecimal.ArithmeticError) in try released.multiplied(by: order.price) }, of: info.quoteAsset)
            } else {
                try unlock(released, of: info.baseAsset)
            }
        }
        order.quantity = newQuantity
        order.amendments += 1
        order.updateTime = now
        if let newClientOrderId { order.clientOrderId = newClientOrderId }
        orders[order.id] = order
        books[symbol]?.setRemaining(of: order.id, on: order.side, to: order.remaining)
        return order
    }
}
