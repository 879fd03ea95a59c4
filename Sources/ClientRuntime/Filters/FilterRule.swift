/// One venue-neutral trading rule: the semantics of an exchange filter as data. A venue's filter list maps onto
/// these (Binance's `filterType` objects: ``ExchangeFilter/init(binance:)``; a tick and step size of any venue:
/// `.bounds`), and one evaluator checks them, for the client and for a mock exchange alike.
public enum FilterRule: Sendable, Hashable {
    /// An order field the rules read; the raw value is its request parameter name.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case price, stopPrice, quantity
        case quoteQuantity = "quoteOrderQty"
        case icebergQuantity = "icebergQty"
    }

    /// Lower and upper multipliers of the average price.
    public struct Band: Sendable, Hashable {
        public var down: ExactDecimal?
        public var up: ExactDecimal?

        public init(down: ExactDecimal?, up: ExactDecimal?) {
            self.down = down
            self.up = up
        }
    }

    /// A count of open orders that a new order, list or amendment must stay under.
    public enum Count: Sendable, Hashable {
        case symbolOrders, symbolAlgoOrders, symbolIcebergOrders, symbolOrderLists
        case exchangeOrders, exchangeAlgoOrders, exchangeIcebergOrders, exchangeOrderLists
        /// Amendments of the one order being amended.
        case amendments
    }

    /// Each present field is at least `min`, at most `max` and a whole multiple of `step` (each `nil` is no rule).
    /// `marketOnly` limits the rule to orders that execute at the market.
    case bounds(fields: [Field], min: ExactDecimal?, max: ExactDecimal?, step: ExactDecimal?, marketOnly: Bool)
    /// The notional (price × quantity, or the quote quantity) within `min`...`max`. Orders executing at the market
    /// are valued at the context's average price and checked only against the bounds flagged for them.
    case notional(min: ExactDecimal?, max: ExactDecimal?, minAtMarket: Bool, maxAtMarket: Bool)
    /// The limit price within a band around the average price, per side.
    case priceBand(buy: Band, sell: Band)
    /// At most `limit` parts: `ceil(quantity / icebergQuantity)`.
    case icebergParts(limit: Int64)
    /// The counted open orders (before this one) must be below `limit`.
    case openCount(Count, limit: Int64)
    /// A buy may not take the base-asset position above `max`.
    case position(max: ExactDecimal)
    /// `trailingDelta` within `above` for orders that trail above the market, within `below` otherwise.
    case trailingDelta(above: ClosedRange<Int64>, below: ClosedRange<Int64>)
    /// One order may move at most `limit` of `asset`: the quantity when it is the base asset, the notional when
    /// it is the quote asset.
    case assetLimit(asset: String, limit: ExactDecimal)
}

/// A rule with the name and message the venue gives it.
public struct ExchangeFilter: Sendable, Hashable {
    /// The venue's name of the filter (`PRICE_FILTER`).
    public var name: String
    /// The venue's message for an order that breaks it (`Filter failure: PRICE_FILTER`).
    public var failureMessage: String
    /// The venue's error code for it (`-1013`), if the docs give one.
    public var failureCode: String?
    public var rule: FilterRule

    public init(name: String, failureMessage: String, failureCode: String? = nil, rule: FilterRule) {
        self.name = name
        self.failureMessage = failureMessage
        self.failureCode = failureCode
        self.rule = rule
    }
}

/// An order breaking a filter.
public struct FilterFailure: Sendable, Hashable, CustomStringConvertible {
    /// The filter's name (`LOT_SIZE`).
    public var filter: String
    /// The venue's message (`Filter failure: LOT_SIZE`), as the docs give it.
    public var message: String
    /// The venue's error code (`-1013`), if known.
    public var code: String?
    /// The order fields the failure is about (`quantity`).
    public var fields: [String]
    /// What exactly is wrong (`quantity 0.0015 is not a multiple of stepSize 0.001`).
    public var reason: String

    public init(filter: String, message: String, code: String?, fields: [String], reason: String) {
        self.filter = filter
        self.message = message
        self.code = code
        self.fields = fields
        self.reason = reason
    }

    /// `message: reason`.
    public var description: String { "\(message): \(reason)" }

    /// The failure as a request validation violation (kind `filter`).
    public var violation: RequestValidationError.Violation {
        RequestValidationError.Violation(kind: "filter", params: fields, rule: "\(filter): \(reason)", code: code, message: message)
    }
}
