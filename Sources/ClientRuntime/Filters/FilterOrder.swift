/// An order as exchange filters see it. Venue-neutral: the client builds it from a request's parameters, a mock
/// exchange from the order it received.
public struct FilterOrder: Sendable, Hashable {
    /// Buy or sell.
    public enum Side: String, Sendable, Hashable {
        case buy = "BUY"
        case sell = "SELL"
    }

    /// What the request does with the order; decides which count limits apply.
    public enum Intent: Sendable, Hashable {
        /// A new order.
        case place
        /// A new order list (OCO, OTO, OTOCO); counts against the order-list limits.
        case placeList
        /// An amendment of a resting order; counts against the amendment limit.
        case amend
    }

    public var symbol: String
    public var side: Side
    /// The venue's order type text (`LIMIT`, `MARKET`, `STOP_LOSS_LIMIT`, `TAKE_PROFIT`, …).
    public var type: String
    public var price: ExactDecimal?
    public var stopPrice: ExactDecimal?
    public var quantity: ExactDecimal?
    /// A quantity in the quote asset (`quoteOrderQty` of a `MARKET` order).
    public var quoteQuantity: ExactDecimal?
    public var icebergQuantity: ExactDecimal?
    public var trailingDelta: Int64?
    public var intent: Intent

    /// Creates an order; only symbol, side and type are required.
    public init(
        symbol: String, side: Side, type: String, price: ExactDecimal? = nil, stopPrice: ExactDecimal? = nil,
        quantity: ExactDecimal? = nil, quoteQuantity: ExactDecimal? = nil, icebergQuantity: ExactDecimal? = nil,
        trailingDelta: Int64? = nil, intent: Intent = .place
    ) {
        self.symbol = symbol
        self.side = side
        self.type = type
        self.price = price
        self.stopPrice = stopPrice
        self.quantity = quantity
        self.quoteQuantity = quoteQuantity
        self.icebergQuantity = icebergQuantity
        self.trailingDelta = trailingDelta
        self.intent = intent
    }

    /// The order a request's parameters place, read by Binance's names (`symbol`, `side`, `type`, `price`,
    /// `stopPrice`, `quantity`, `quoteOrderQty`, `icebergQty`, `trailingDelta`); `nil` when `symbol`, `side` or
    /// `type` is missing, so requests that place no single order are left alone.
    public init?(parameters: Parameters) {
        guard case .string(let symbol)? = parameters["symbol"], case .string(let sideText)? = parameters["side"],
            let side = Side(rawValue: sideText), case .string(let type)? = parameters["type"]
        else { return nil }
        func decimal(_ name: String) -> ExactDecimal? {
            switch parameters[name] {
            case .decimal(let value)?: value
            case .int(let value)?: ExactDecimal(value)
            case .string(let text)?: ExactDecimal(text)
            default: nil
            }
        }
        var trailingDelta: Int64?
        if case .int(let delta)? = parameters["trailingDelta"] { trailingDelta = delta }
        self.init(
            symbol: symbol, side: side, type: type, price: decimal("price"), stopPrice: decimal("stopPrice"),
            quantity: decimal("quantity"), quoteQuantity: decimal("quoteOrderQty"), icebergQuantity: decimal("icebergQty"),
            trailingDelta: trailingDelta)
    }

    /// `MARKET`, `STOP_LOSS` and `TAKE_PROFIT` orders execute at the market: they have no limit price.
    public var executesAtMarket: Bool { ["MARKET", "STOP_LOSS", "TAKE_PROFIT"].contains(type) }
    /// Stop-loss and take-profit orders ("algo" orders in the count limits).
    public var isAlgo: Bool { type.hasPrefix("STOP_LOSS") || type.hasPrefix("TAKE_PROFIT") }
    /// An order with a visible part: `icebergQuantity` above zero.
    public var isIceberg: Bool { icebergQuantity.map { !$0.isZero && !$0.isNegative } ?? false }
    /// Whether a trailing stop triggers above the market (stop-loss buys, take-profit sells) rather than below.
    public var trailsAbove: Bool { type.hasPrefix("STOP_LOSS") == (side == .buy) }
}

/// What the venue knows and the order does not: the market price and the account's open orders. Filters that
/// need a value left `nil` here are skipped, so a client without market data checks what it can.
public struct FilterContext: Sendable, Hashable {
    /// Open orders of the account, on one symbol or on the whole exchange.
    public struct OpenCounts: Sendable, Hashable {
        public var orders: Int?
        public var algoOrders: Int?
        public var icebergOrders: Int?
        public var orderLists: Int?

        public init(orders: Int? = nil, algoOrders: Int? = nil, icebergOrders: Int? = nil, orderLists: Int? = nil) {
            self.orders = orders
            self.algoOrders = algoOrders
            self.icebergOrders = icebergOrders
            self.orderLists = orderLists
        }
    }

    /// The reference or average price the venue values orders at (percent-price bands, `MARKET` notional).
    public var averagePrice: ExactDecimal?
    /// Open orders on the order's symbol.
    public var symbolOpen: OpenCounts
    /// Open orders on the whole exchange.
    public var exchangeOpen: OpenCounts
    /// The account's position in the base asset: free + locked balance + quantity of open buy orders.
    public var position: ExactDecimal?
    /// How often the order being amended has been amended already.
    public var amendments: Int?

    public init(
        averagePrice: ExactDecimal? = nil, symbolOpen: OpenCounts = OpenCounts(), exchangeOpen: OpenCounts = OpenCounts(),
        position: ExactDecimal? = nil, amendments: Int? = nil
    ) {
        self.averagePrice = averagePrice
        self.symbolOpen = symbolOpen
        self.exchangeOpen = exchangeOpen
        self.position = position
        self.amendments = amendments
    }
}
