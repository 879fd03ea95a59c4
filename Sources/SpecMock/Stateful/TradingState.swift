import ClientRuntime

/// The state of a stateful mock: books, the account's orders, trades and balances, the market's script. Venue
/// neutral; a venue's answers (`BinanceAnswers`, `DFXAnswers`) read requests into its calls and its results into
/// their shapes. Not thread-safe by itself: `StatefulVenue` keeps it behind a lock.
struct TradingState: Sendable {
    let filters: ExchangeFilters
    let symbols: [String: Scenario.Symbol]
    let limits: Scenario.Limits
    var books: [String: OrderBook] = [:]
    var balances: [String: MockBalance] = [:]
    var orders: [Int64: MockOrder] = [:]
    var lists: [Int64: MockOrderList] = [:]
    var trades: [MockTrade] = []
    var lastPrice: [String: ExactDecimal] = [:]
    private var closed: [Int64] = []
    private var script: ArraySlice<Scenario.Step>
    private var nextOrderID: Int64 = 1
    private var nextTradeID: Int64 = 1
    private var nextSequence: Int64 = 1
    var nextListID: Int64 = 1

    init(scenario: Scenario, filters: ExchangeFilters) {
        self.filters = filters
        symbols = Dictionary(scenario.symbols.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        limits = scenario.limits
        script = scenario.script[...]
        for (asset, amount) in scenario.balances { balances[asset] = MockBalance(free: amount) }
        for symbol in scenario.symbols {
            books[symbol.name] = OrderBook()
            addLiquidity(symbol.book, to: symbol.name, now: scenario.clockStart ?? 0)
        }
    }

    // MARK: - The market

    /// Applies the script steps due at `elapsed` milliseconds after the clock start.
    mutating func runScript(elapsed: Int64, now: Int64) {
        while let step = script.first, step.at <= elapsed {
            script.removeFirst()
            books[step.symbol]?.removeMarketLiquidity()
            addLiquidity(step.book, to: step.symbol, now: now)
        }
    }

    /// Puts the market's levels on the book; a level crossing the account's resting orders trades with them first.
    private mutating func addLiquidity(_ book: Scenario.Book, to symbol: String, now: Int64) {
        for (side, levels) in [(FilterOrder.Side.buy, book.bids), (.sell, book.asks)] {
            for level in levels {
                var left = level.quantity
                let matches =
                    (try? books[symbol]?.plan(for: side, limit: level.price) { (entry, filled) throws(ExactDecimal.ArithmeticError) in
                        let wanted = try left.subtracting(filled)
                        return min(wanted, entry.remaining)
                    }) ?? []
                for match in matches {
                    guard (try? fill(match, on: symbol, takerSide: side, now: now)) != nil else { break }
                    left = (try? left.subtracting(match.quantity)) ?? 0
                }
                if !left.isZero && !left.isNegative {
                    let entry = OrderBook.Entry(orderID: nil, price: level.price, remaining: left, sequence: sequence())
                    books[symbol]?.insert(entry, on: side)
                }
            }
        }
    }

    /// The price filters value orders at: the last trade, else the middle of the book, else its one side.
    func referencePrice(_ symbol: String) -> ExactDecimal? {
        if let last = lastPrice[symbol] { return last }
        guard let book = books[symbol] else { return nil }
        if let bid = book.bestBid, let ask = book.bestAsk { return try? bid.adding(ask).multiplied(by: "0.5") }
        return book.bestBid ?? book.bestAsk
    }

    // MARK: - Queries

    func order(_ symbol: String?, id: Int64?, clientOrderId: String?) -> MockOrder? {
        let found: MockOrder? =
            if let id { orders[id] } else { orders.values.filter { $0.clientOrderId == clientOrderId }.max { $0.id < $1.id } }
        guard let found, symbol == nil || found.symbol == symbol else { return nil }
        return found
    }

    func openOrders(_ symbol: String?) -> [MockOrder] {
        orders.values.filter { $0.status.isOpen && (symbol == nil || $0.symbol == symbol) }.sorted { $0.id < $1.id }
    }

    func allOrders(_ symbol: String?) -> [MockOrder] {
        orders.values.filter { symbol == nil || $0.symbol == symbol }.sorted { $0.id < $1.id }
    }

    func balance(_ asset: String) -> MockBalance { balances[asset] ?? MockBalance() }

    /// What the filters need to know that the order does not say.
    func context(for order: FilterOrder, amending: MockOrder? = nil) -> FilterContext {
        let open = openOrders(nil)
        func counts(_ orders: [MockOrder], _ symbol: String?) -> FilterContext.OpenCounts {
            let listCount = lists.values.filter { $0.isOpen && (symbol == nil || $0.symbol == symbol) }.count
            return FilterContext.OpenCounts(
                orders: orders.count, algoOrders: orders.filter(\.isAlgo).count, icebergOrders: orders.filter(\.isIceberg).count,
                orderLists: listCount)
        }
        let base = symbols[order.symbol]?.baseAsset ?? ""
        var position = (try? balance(base).free.adding(balance(base).locked)) ?? 0
        for buy in open where buy.symbol == order.symbol && buy.side == .buy {
            position = (try? position.adding(buy.remaining)) ?? position
        }
        return FilterContext(
            averagePrice: referencePrice(order.symbol), symbolOpen: counts(open.filter { $0.symbol == order.symbol }, order.symbol),
            exchangeOpen: counts(open, nil), position: position, amendments: amending?.amendments)
    }

    // MARK: - Bookkeeping shared by placing, cancelling and filling

    mutating func sequence() -> Int64 {
        defer { nextSequence += 1 }
        return nextSequence
    }

    mutating func newOrderID() -> Int64 {
        defer { nextOrderID += 1 }
        return nextOrderID
    }

    /// Executes a planned match: the resting entry (maker) and, when it is the account's, the taker order too.
    mutating func fill(_ match: OrderBook.Match, on symbol: String, takerSide: FilterOrder.Side, takerID: Int64? = nil, now: Int64)
        throws(TradingError)
    {
        let price = match.entry.price
        try exact { () throws(ExactDecimal.ArithmeticError) -> Void in
            try books[symbol]?.reduce(sequence: match.entry.sequence, on: takerSide == .buy ? .sell : .buy, by: match.quantity)
        }
        if let maker = match.entry.orderID { try execute(maker, match.quantity, at: price, isMaker: true, now: now) }
        if let takerID { try execute(takerID, match.quantity, at: price, isMaker: false, now: now) }
        lastPrice[symbol] = price
    }

    /// Books one execution of an account order: its totals, status, balances and a trade.
    private mutating func execute(_ id: Int64, _ quantity: ExactDecimal, at price: ExactDecimal, isMaker: Bool, now: Int64) throws(TradingError) {
        guard var order = orders[id], let symbol = symbols[order.symbol] else { return }
        try exact { () throws(ExactDecimal.ArithmeticError) -> Void in
            let value = try quantity.multiplied(by: price)
            order.executed = try order.executed.adding(quantity)
            order.executedQuote = try order.executedQuote.adding(value)
            var base = balance(symbol.baseAsset)
            var quote = balance(symbol.quoteAsset)
            if order.side == .buy {
                if order.locksFunds {
                    let reserved = try quantity.multiplied(by: order.price)
                    quote.locked = try quote.locked.subtracting(reserved)
                    quote.free = try quote.free.adding(reserved.subtracting(value))
                } else {
                    quote.free = try quote.free.subtracting(value)
                }
                base.free = try base.free.adding(quantity)
            } else {
                if order.locksFunds { base.locked = try base.locked.subtracting(quantity) } else { base.free = try base.free.subtracting(quantity) }
                quote.free = try quote.free.adding(value)
            }
            balances[symbol.baseAsset] = base
            balances[symbol.quoteAsset] = quote
        }
        order.updateTime = now
        order.status = order.remaining.isZero || order.remaining.isNegative ? .filled : .partiallyFilled
        orders[id] = order
        let trade = MockTrade(
            id: nextTradeID, orderID: id, listID: order.listID, symbol: order.symbol, side: order.side, price: price,
            quantity: quantity, quoteQuantity: (try? quantity.multiplied(by: price)) ?? 0, time: now, isMaker: isMaker,
            commissionAsset: order.side == .buy ? symbol.baseAsset : symbol.quoteAsset)
        nextTradeID += 1
        trades.append(trade)
        if trades.count > limits.maxHistory { trades.removeFirst(trades.count - limits.maxHistory) }
        if order.status == .filled { close(id) }
        orderFilled(order, now: now)
    }

    /// Releases what an open order still locks and takes it off the book, with its final status.
    mutating func finish(_ id: Int64, as status: MockOrder.Status, now: Int64) throws(TradingError) {
        guard var order = orders[id], order.status.isOpen, let symbol = symbols[order.symbol] else { return }
        if order.locksFunds && order.status != .pendingNew {
            if order.side == .buy {
                let amount = try exact { () throws(ExactDecimal.ArithmeticError) in try order.remaining.multiplied(by: order.price) }
                try unlock(amount, of: symbol.quoteAsset)
            } else {
                try unlock(order.remaining, of: symbol.baseAsset)
            }
        }
        books[order.symbol]?.remove(orderID: id)
        order.status = status
        order.updateTime = now
        orders[id] = order
        close(id)
    }

    mutating func lock(_ amount: ExactDecimal, of asset: String) throws(TradingError) {
        var balance = balance(asset)
        guard balance.free >= amount else { throw .insufficientBalance }
        try exact { () throws(ExactDecimal.ArithmeticError) -> Void in
            balance.free = try balance.free.subtracting(amount)
            balance.locked = try balance.locked.adding(amount)
        }
        balances[asset] = balance
    }

    mutating func unlock(_ amount: ExactDecimal, of asset: String) throws(TradingError) {
        var balance = balance(asset)
        try exact { () throws(ExactDecimal.ArithmeticError) -> Void in
            balance.locked = try balance.locked.subtracting(amount)
            balance.free = try balance.free.adding(amount)
        }
        balances[asset] = balance
    }

    /// Records a closed order for the history bound; the oldest closed orders are forgotten beyond it.
    mutating func close(_ id: Int64) {
        closed.append(id)
        guard closed.count > limits.maxHistory else { return }
        let dropped = closed.prefix(closed.count - limits.maxHistory)
        for old in dropped { orders[old] = nil }
        closed.removeFirst(dropped.count)
    }
}

/// Runs exact arithmetic, reporting an overflow as a trading error.
@discardableResult
func exact<T>(_ body: () throws(ExactDecimal.ArithmeticError) -> T) throws(TradingError) -> T {
    do {
        return try body()
    } catch {
        throw .arithmetic(error.description)
    }
}

/// The exact sum of `values`.
func sum(_ values: [ExactDecimal]) throws(TradingError) -> ExactDecimal {
    var total: ExactDecimal = 0
    for value in values { total = try exact { () throws(ExactDecimal.ArithmeticError) in try total.adding(value) } }
    return total
}
