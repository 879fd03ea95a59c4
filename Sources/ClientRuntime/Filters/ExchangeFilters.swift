import Foundation

/// A venue's trading filters per symbol, checked on exact decimals before an order leaves the process.
///
/// Build it once from the venue's exchange information (``init(binanceExchangeInfo:)``, or from
/// ``ExchangeFilter`` values for any venue), then ``check(_:context:)`` orders, or round prices and quantities with
/// ``Symbol/roundedPrice(_:_:)`` and ``Symbol/roundedQuantity(_:atMarket:_:)``. Set it as
/// `ClientOptions.exchangeFilters` to have `send` refuse orders that break a filter.
public struct ExchangeFilters: Sendable, Hashable {
    /// One symbol's filters.
    public struct Symbol: Sendable, Hashable {
        public var name: String
        public var baseAsset: String?
        public var quoteAsset: String?
        public var filters: [ExchangeFilter]

        public init(name: String, baseAsset: String? = nil, quoteAsset: String? = nil, filters: [ExchangeFilter]) {
            self.name = name
            self.baseAsset = baseAsset
            self.quoteAsset = quoteAsset
            self.filters = filters
        }

        /// The price increment (the step of the first rule that bounds `price`), if any.
        public var tickSize: ExactDecimal? { step(of: .price, atMarket: false) }

        /// The quantity increment; `atMarket` prefers the step for orders at the market (`MARKET_LOT_SIZE`).
        public func stepSize(atMarket: Bool = false) -> ExactDecimal? { step(of: .quantity, atMarket: atMarket) }

        /// `price` on the tick, rounded by `rule`; unchanged when the symbol has no tick size.
        public func roundedPrice(
            _ price: ExactDecimal, _ rule: FloatingPointRoundingRule
        ) throws(ExactDecimal.ArithmeticError) -> ExactDecimal {
            guard let tickSize else { return price }
            return try price.rounded(toMultipleOf: tickSize, rule)
        }

        /// `quantity` on the step, rounded by `rule` (`.down` never buys or sells more than asked); unchanged when
        /// the symbol has no step size.
        public func roundedQuantity(
            _ quantity: ExactDecimal, atMarket: Bool = false, _ rule: FloatingPointRoundingRule
        ) throws(ExactDecimal.ArithmeticError) -> ExactDecimal {
            guard let step = stepSize(atMarket: atMarket) else { return quantity }
            return try quantity.rounded(toMultipleOf: step, rule)
        }

        private func step(of field: FilterRule.Field, atMarket: Bool) -> ExactDecimal? {
            var found: ExactDecimal?
            for filter in filters {
                guard case let .bounds(fields, _, _, step?, marketOnly) = filter.rule, fields.contains(field) else { continue }
                if marketOnly && atMarket { return step }
                if !marketOnly && found == nil { found = step }
            }
            return found
        }
    }

    /// Filters by symbol name.
    public var symbols: [String: Symbol]
    /// Filters on the whole exchange; they apply to every symbol's orders.
    public var exchangeFilters: [ExchangeFilter]

    public init(symbols: [Symbol], exchangeFilters: [ExchangeFilter] = []) {
        self.symbols = Dictionary(symbols.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.exchangeFilters = exchangeFilters
    }

    /// The symbol's filters, if the exchange information listed it.
    public subscript(symbol: String) -> Symbol? { symbols[symbol] }

    /// Every filter `order` breaks, symbol filters first, in the venue's order. Empty when it passes, and for a
    /// symbol these filters do not list. Filters needing context (`averagePrice`, open counts, position) that
    /// `context` lacks are skipped.
    public func check(_ order: FilterOrder, context: FilterContext = FilterContext()) -> [FilterFailure] {
        guard let symbol = symbols[order.symbol] else { return [] }
        return (symbol.filters + exchangeFilters).compactMap {
            $0.failure(of: order, context: context, baseAsset: symbol.baseAsset, quoteAsset: symbol.quoteAsset)
        }
    }

    /// The violations of the order that `parameters` place (none if they place no single order).
    public func violations(in parameters: Parameters) -> [RequestValidationError.Violation] {
        guard let order = FilterOrder(parameters: parameters) else { return [] }
        return check(order).map(\.violation)
    }
}

extension APIRequest {
    /// Checks the spec's parameter rules and, for a request placing an order, `filters`; throws one
    /// `RequestValidationError` listing every problem.
    public func validate(against filters: ExchangeFilters?) throws {
        try validate(parameters, against: filters)
    }

    func validate(_ parameters: Parameters, against filters: ExchangeFilters?) throws {
        var violations: [RequestValidationError.Violation] = []
        do {
            try validate(parameters)
        } catch let error as RequestValidationError {
            violations = error.violations
        }
        violations += filters?.violations(in: parameters) ?? []
        if !violations.isEmpty { throw RequestValidationError(endpoint: Self.endpoint.id, violations: violations) }
    }
}
