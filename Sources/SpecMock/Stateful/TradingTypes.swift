import ClientRuntime

/// An order of the account as the stateful mock keeps it, in venue-neutral terms; each venue's answers spell it in
/// their own shape.
struct MockOrder: Sendable {
    enum Status: String, Sendable {
        case pendingNew = "PENDING_NEW"
        case new = "NEW"
        case partiallyFilled = "PARTIALLY_FILLED"
        case filled = "FILLED"
        case canceled = "CANCELED"
        case expired = "EXPIRED"

        var isOpen: Bool { self == .new || self == .partiallyFilled || self == .pendingNew }
    }

    let id: Int64
    var clientOrderId: String
    let symbol: String
    let side: FilterOrder.Side
    /// The venue's order type text (`LIMIT`, `MARKET`, `LIMIT_MAKER`, `STOP_LOSS_LIMIT`, …).
    let type: String
    let timeInForce: String
    /// The limit price; zero for orders without one.
    let price: ExactDecimal
    let stopPrice: ExactDecimal?
    let icebergQuantity: ExactDecimal?
    /// The ordered base quantity (for a quote-quantity market order: what it executed).
    var quantity: ExactDecimal
    let quoteQuantity: ExactDecimal
    var executed: ExactDecimal = 0
    var executedQuote: ExactDecimal = 0
    var status: Status
    let time: Int64
    var updateTime: Int64
    /// When it started working on the book; -1 while pending.
    var workingTime: Int64
    var listID: Int64 = -1
    var amendments = 0
    /// Whether placing it locked its funds (every order with a limit price, and market sells).
    var locksFunds: Bool

    var remaining: ExactDecimal { (try? quantity.subtracting(executed)) ?? 0 }
    var isAlgo: Bool { type.hasPrefix("STOP_LOSS") || type.hasPrefix("TAKE_PROFIT") }
    var isIceberg: Bool { icebergQuantity.map { !$0.isZero } ?? false }
}

/// One execution of an account order.
struct MockTrade: Sendable {
    let id: Int64
    let orderID: Int64
    let listID: Int64
    let symbol: String
    let side: FilterOrder.Side
    let price: ExactDecimal
    let quantity: ExactDecimal
    let quoteQuantity: ExactDecimal
    let time: Int64
    let isMaker: Bool
    /// The mock charges no commission; trades say `0` in the asset received.
    let commissionAsset: String
}

/// A new order in venue-neutral terms, read from a request by the venue's answers.
struct PlaceOrder: Sendable {
    var symbol: String
    var side: FilterOrder.Side
    var type: String
    var timeInForce: String?
    var price: ExactDecimal?
    var quantity: ExactDecimal?
    var quoteQuantity: ExactDecimal?
    var stopPrice: ExactDecimal?
    var icebergQuantity: ExactDecimal?
    var trailingDelta: Int64?
    var clientOrderId: String?
    var intent: FilterOrder.Intent = .place

    var filterOrder: FilterOrder {
        FilterOrder(
            symbol: symbol, side: side, type: type, price: price, stopPrice: stopPrice, quantity: quantity,
            quoteQuantity: quoteQuantity, icebergQuantity: icebergQuantity, trailingDelta: trailingDelta, intent: intent)
    }
}

/// Why the stateful mock refuses an action; each venue words it in its own codes.
enum TradingError: Error, Sendable, Equatable {
    /// The order breaks filters (every failure, in the venue's order).
    case filters([FilterFailure])
    case unknownSymbol
    /// No such order (or order list).
    case unknownOrder
    case insufficientBalance
    /// A post-only order would take liquidity.
    case wouldTake
    /// The client order id is in use by an open order.
    case duplicateClientOrderId
    /// The mock's bound on open orders (`Scenario.Limits`).
    case tooManyOpenOrders(limit: Int)
    /// An amendment that does not lower the quantity.
    case invalidAmendment(String)
    /// The request is well-formed but the mock cannot carry it out (`reason` says why).
    case notSimulated(String)
    /// Exact arithmetic overflowed on the request's numbers.
    case arithmetic(String)
}

/// Free and locked amounts of one asset.
struct MockBalance: Sendable {
    var free: ExactDecimal = 0
    var locked: ExactDecimal = 0
}
