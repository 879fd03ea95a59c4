import ClientRuntime

/// One symbol's resting orders, each side in price-time priority (best price first, then oldest first). An entry is
/// either an order of the account (`orderID`) or the market's own liquidity from the scenario (`orderID` nil).
struct OrderBook: Sendable {
    struct Entry: Sendable {
        var orderID: Int64?
        var price: ExactDecimal
        var remaining: ExactDecimal
        /// Arrival order, for time priority.
        var sequence: Int64
    }

    /// A planned fill of a resting entry by an incoming order.
    struct Match: Sendable {
        var entry: Entry
        var quantity: ExactDecimal
    }

    private(set) var bids: [Entry] = []
    private(set) var asks: [Entry] = []

    func side(_ side: FilterOrder.Side) -> [Entry] { side == .buy ? bids : asks }

    var bestBid: ExactDecimal? { bids.first?.price }
    var bestAsk: ExactDecimal? { asks.first?.price }

    /// Adds an entry behind every entry at the same or a better price.
    mutating func insert(_ entry: Entry, on side: FilterOrder.Side) {
        let better: (ExactDecimal, ExactDecimal) -> Bool = side == .buy ? { $0 >= $1 } : { $0 <= $1 }
        if side == .buy {
            let index = bids.firstIndex { !better($0.price, entry.price) } ?? bids.endIndex
            bids.insert(entry, at: index)
        } else {
            let index = asks.firstIndex { !better($0.price, entry.price) } ?? asks.endIndex
            asks.insert(entry, at: index)
        }
    }

    /// The fills an incoming order on `side` would get: opposite entries at `limit` or better (any price for a
    /// market order), best first, until `wanted` says the order is done. `wanted` gets each entry and the quantity
    /// matched so far and answers how much of the entry to take (zero stops).
    func plan(
        for side: FilterOrder.Side, limit: ExactDecimal?,
        wanted: (Entry, ExactDecimal) throws(ExactDecimal.ArithmeticError) -> ExactDecimal
    ) throws(ExactDecimal.ArithmeticError) -> [Match] {
        var matches: [Match] = []
        var filled: ExactDecimal = 0
        for entry in side == .buy ? asks : bids {
            if let limit, side == .buy ? entry.price > limit : entry.price < limit { break }
            let quantity = try wanted(entry, filled)
            guard !quantity.isZero, !quantity.isNegative else { break }
            matches.append(Match(entry: entry, quantity: quantity))
            filled = try filled.adding(quantity)
        }
        return matches
    }

    /// Takes `quantity` from the entry with `sequence` on `side`; removes it when nothing is left.
    mutating func reduce(sequence: Int64, on side: FilterOrder.Side, by quantity: ExactDecimal) throws(ExactDecimal.ArithmeticError) {
        try update(side) { (entries: inout [Entry]) throws(ExactDecimal.ArithmeticError) in
            guard let index = entries.firstIndex(where: { $0.sequence == sequence }) else { return }
            let left = try entries[index].remaining.subtracting(quantity)
            if left.isZero || left.isNegative { entries.remove(at: index) } else { entries[index].remaining = left }
        }
    }

    /// Sets the remaining quantity of an account order in place (an amendment keeps its priority).
    mutating func setRemaining(of orderID: Int64, on side: FilterOrder.Side, to quantity: ExactDecimal) {
        update(side) { entries in
            guard let index = entries.firstIndex(where: { $0.orderID == orderID }) else { return }
            entries[index].remaining = quantity
        }
    }

    mutating func remove(orderID: Int64) {
        bids.removeAll { $0.orderID == orderID }
        asks.removeAll { $0.orderID == orderID }
    }

    /// Removes the market's own liquidity, keeping the account's orders.
    mutating func removeMarketLiquidity() {
        bids.removeAll { $0.orderID == nil }
        asks.removeAll { $0.orderID == nil }
    }

    /// Price levels of one side (quantities summed per price), best first, at most `limit`.
    func levels(_ side: FilterOrder.Side, limit: Int) -> [(price: ExactDecimal, quantity: ExactDecimal)] {
        var levels: [(price: ExactDecimal, quantity: ExactDecimal)] = []
        for entry in self.side(side) {
            if let last = levels.last, last.price == entry.price {
                levels[levels.count - 1].quantity = (try? last.quantity.adding(entry.remaining)) ?? last.quantity
            } else {
                guard levels.count < limit else { break }
                levels.append((entry.price, entry.remaining))
            }
        }
        return levels
    }

    private mutating func update<E: Error>(_ side: FilterOrder.Side, _ body: (inout [Entry]) throws(E) -> Void) throws(E) {
        if side == .buy { try body(&bids) } else { try body(&asks) }
    }
}
