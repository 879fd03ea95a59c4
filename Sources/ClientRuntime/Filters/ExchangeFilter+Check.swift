extension ExchangeFilter {
    /// What is wrong with `order` under this filter, or `nil` when it passes or needs context it was not given.
    /// `baseAsset`/`quoteAsset` are the symbol's assets (for asset limits).
    public func failure(
        of order: FilterOrder, context: FilterContext = FilterContext(), baseAsset: String? = nil, quoteAsset: String? = nil
    ) -> FilterFailure? {
        var findings = Findings()
        switch rule {
        case let .bounds(fields, min, max, step, marketOnly):
            guard !marketOnly || order.executesAtMarket else { return nil }
            for field in fields {
                guard let value = order[field] else { continue }
                findings.check(value, field.rawValue, min: min, max: max, step: step)
            }
        case let .notional(min, max, minAtMarket, maxAtMarket):
            let atMarket = order.executesAtMarket
            let (checksMin, checksMax) = (min != nil && (!atMarket || minAtMarket), max != nil && (!atMarket || maxAtMarket))
            guard checksMin || checksMax else { return nil }
            findings.checkNotional(of: order, context, min: checksMin ? min : nil, max: checksMax ? max : nil)
        case let .priceBand(buy, sell):
            guard !order.executesAtMarket, let price = order.price, let average = context.averagePrice else { return nil }
            let band = order.side == .buy ? buy : sell
            findings.checkBand(price, average: average, band)
        case let .icebergParts(limit):
            guard order.isIceberg, let iceberg = order.icebergQuantity, let quantity = order.quantity else { return nil }
            findings.attempt(["quantity", "icebergQty"]) {
                let most = try iceberg.multiplied(by: ExactDecimal(limit))
                return quantity > most ? "quantity \(quantity) in parts of \(iceberg) needs more than \(limit) parts" : nil
            }
        case let .openCount(count, limit):
            guard let open = count.current(for: order, context) else { return nil }
            if open >= limit { findings.add([], "\(open) already open (\(count.label)), the limit is \(limit)") }
        case let .position(max):
            guard order.side == .buy, order.intent != .amend, let position = context.position else { return nil }
            findings.attempt(["quantity"]) {
                let after = try order.quantity.map { try position.adding($0) } ?? position
                return after > max ? "position \(after) after the order is above \(max)" : nil
            }
        case let .trailingDelta(above, below):
            guard let delta = order.trailingDelta else { return nil }
            let range = order.trailsAbove ? above : below
            if !range.contains(delta) { findings.add(["trailingDelta"], "trailingDelta \(delta) is outside \(range)") }
        case let .assetLimit(asset, limit):
            if asset == baseAsset, let quantity = order.quantity {
                findings.check(quantity, "quantity", min: nil, max: limit, step: nil)
            } else if asset == quoteAsset {
                findings.checkNotional(of: order, context, min: nil, max: limit)
            }
        }
        guard !findings.reasons.isEmpty else { return nil }
        return FilterFailure(
            filter: name, message: failureMessage, code: failureCode, fields: findings.fields,
            reason: findings.reasons.joined(separator: "; "))
    }
}

/// The reasons one filter collects against one order.
private struct Findings {
    var fields: [String] = []
    var reasons: [String] = []

    mutating func add(_ names: [String], _ reason: String) {
        fields += names.filter { !fields.contains($0) }
        reasons.append(reason)
    }

    /// Runs a check whose arithmetic may overflow; an overflow is a failure, as the venue could not accept it either.
    mutating func attempt(_ names: [String], _ check: () throws -> String?) {
        do {
            if let reason = try check() { add(names, reason) }
        } catch {
            add(names, "\(error)")
        }
    }

    mutating func check(_ value: ExactDecimal, _ name: String, min: ExactDecimal?, max: ExactDecimal?, step: ExactDecimal?) {
        if let min, value < min { add([name], "\(name) \(value) is below the minimum \(min)") }
        if let max, value > max { add([name], "\(name) \(value) is above the maximum \(max)") }
        if let step {
            attempt([name]) { try value.isMultiple(of: step) ? nil : "\(name) \(value) is not a multiple of \(step)" }
        }
    }

    mutating func checkNotional(of order: FilterOrder, _ context: FilterContext, min: ExactDecimal?, max: ExactDecimal?) {
        let names = order.quoteQuantity != nil ? ["quoteOrderQty"] : ["price", "quantity"]
        attempt(names) {
            guard let notional = try order.notional(context) else { return nil }
            if let min, notional < min { return "notional \(notional) is below the minimum \(min)" }
            if let max, notional > max { return "notional \(notional) is above the maximum \(max)" }
            return nil
        }
    }

    mutating func checkBand(_ price: ExactDecimal, average: ExactDecimal, _ band: FilterRule.Band) {
        attempt(["price"]) {
            if let down = band.down, price < (try average.multiplied(by: down)) {
                return "price \(price) is below \(down) × the average price \(average)"
            }
            if let up = band.up, price > (try average.multiplied(by: up)) {
                return "price \(price) is above \(up) × the average price \(average)"
            }
            return nil
        }
    }
}

extension FilterOrder {
    subscript(field: FilterRule.Field) -> ExactDecimal? {
        switch field {
        case .price: price
        case .stopPrice: stopPrice
        case .quantity: quantity
        case .quoteQuantity: quoteQuantity
        case .icebergQuantity: icebergQuantity
        }
    }

    /// The quote quantity, else price × quantity (the average price for orders at the market); `nil` if unknown.
    func notional(_ context: FilterContext) throws(ExactDecimal.ArithmeticError) -> ExactDecimal? {
        if let quoteQuantity { return quoteQuantity }
        guard let quantity, let price = executesAtMarket ? context.averagePrice : price else { return nil }
        return try price.multiplied(by: quantity)
    }
}

extension FilterRule.Count {
    /// The open count this order would add to, or `nil` when the order does not count or the context lacks it.
    func current(for order: FilterOrder, _ context: FilterContext) -> Int64? {
        let places = order.intent != .amend
        let value: Int? =
            switch self {
            case .symbolOrders: places ? context.symbolOpen.orders : nil
            case .exchangeOrders: places ? context.exchangeOpen.orders : nil
            case .symbolAlgoOrders: places && order.isAlgo ? context.symbolOpen.algoOrders : nil
            case .exchangeAlgoOrders: places && order.isAlgo ? context.exchangeOpen.algoOrders : nil
            case .symbolIcebergOrders: places && order.isIceberg ? context.symbolOpen.icebergOrders : nil
            case .exchangeIcebergOrders: places && order.isIceberg ? context.exchangeOpen.icebergOrders : nil
            case .symbolOrderLists: order.intent == .placeList ? context.symbolOpen.orderLists : nil
            case .exchangeOrderLists: order.intent == .placeList ? context.exchangeOpen.orderLists : nil
            case .amendments: order.intent == .amend ? context.amendments : nil
            }
        return value.map { Int64($0) }
    }

    var label: String {
        switch self {
        case .symbolOrders: "orders on the symbol"
        case .symbolAlgoOrders: "algo orders on the symbol"
        case .symbolIcebergOrders: "iceberg orders on the symbol"
        case .symbolOrderLists: "order lists on the symbol"
        case .exchangeOrders: "orders on the exchange"
        case .exchangeAlgoOrders: "algo orders on the exchange"
        case .exchangeIcebergOrders: "iceberg orders on the exchange"
        case .exchangeOrderLists: "order lists on the exchange"
        case .amendments: "amendments of the order"
        }
    }
}
