import Foundation

/// Exchange information whose filter data is unusable: where, and why.
public struct FilterDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the exchange information (`symbols[2].filters[0]`).
    public var path: String
    /// What is wrong (`PRICE_FILTER: tickSize is missing or not a decimal`).
    public var message: String

    public var description: String { "\(path): \(message)" }
}

extension ExchangeFilters {
    /// The filters of Binance's `GET /api/v3/exchangeInfo` (and `myFilters`) in any `Encodable` form, such as the
    /// generated `BinanceSpot.ExchangeInfo`: `symbols[]` (`symbol`, `baseAsset`, `quoteAsset`, `filters`) and
    /// `exchangeFilters`. Unknown filter types are skipped (the venue adds them before docs do); known ones with
    /// missing or bad fields throw ``FilterDataError``.
    public init(binanceExchangeInfo: some Encodable) throws {
        let data = try JSONEncoder().encode(binanceExchangeInfo)
        try self.init(binanceExchangeInfoJSON: data)
    }

    /// The filters in Binance's exchange information JSON.
    public init(binanceExchangeInfoJSON data: Data) throws {
        guard case .object(let root) = try JSONDecoder().decode(JSONValue.self, from: data) else {
            throw FilterDataError(path: "$", message: "exchange information is not a JSON object")
        }
        var symbols: [Symbol] = []
        if case .array(let list)? = root["symbols"] {
            for (index, item) in list.enumerated() {
                let path = "symbols[\(index)]"
                guard case .object(let fields) = item, case .string(let name)? = fields["symbol"] else {
                    throw FilterDataError(path: path, message: "not a symbol object with a `symbol` name")
                }
                symbols.append(
                    Symbol(
                        name: name, baseAsset: fields["baseAsset"]?.stringValue, quoteAsset: fields["quoteAsset"]?.stringValue,
                        filters: try Self.binanceFilters(fields["filters"], path: "\(path).filters")))
            }
        }
        let exchange = try Self.binanceFilters(root["exchangeFilters"], path: "exchangeFilters")
        self.init(symbols: symbols, exchangeFilters: exchange)
    }

    private static func binanceFilters(_ value: JSONValue?, path: String) throws -> [ExchangeFilter] {
        guard case .array(let list)? = value else { return [] }
        return try list.enumerated().compactMap { index, item in
            guard case .object(let object) = item else {
                throw FilterDataError(path: "\(path)[\(index)]", message: "a filter is not a JSON object")
            }
            do {
                return try ExchangeFilter(binance: object)
            } catch let error as FilterDataError {
                throw FilterDataError(path: "\(path)[\(index)]", message: error.message)
            }
        }
    }
}

extension ExchangeFilter {
    /// One Binance filter object (`{"filterType": "PRICE_FILTER", …}`) as data: its rule, the documented failure
    /// message (`Filter failure: PRICE_FILTER`) and code (-1013; -2038 for amendments). `nil` for a filter type
    /// Binance's docs do not list. A value of 0 switches a bound or step off, as the docs say for `PRICE_FILTER`
    /// (a zero maximum or step would reject every order).
    public init?(binance object: [String: JSONValue]) throws {
        let reader = BinanceFilterReader(object: object)
        guard let type = object["filterType"]?.stringValue else {
            throw FilterDataError(path: "", message: "filterType is missing")
        }
        let rule: FilterRule
        switch type {
        case "PRICE_FILTER":
            rule = .bounds(
                fields: [.price, .stopPrice], min: try reader.bound("minPrice"), max: try reader.bound("maxPrice"),
                step: try reader.bound("tickSize"), marketOnly: false)
        case "LOT_SIZE", "MARKET_LOT_SIZE":
            let market = type == "MARKET_LOT_SIZE"
            rule = .bounds(
                fields: market ? [.quantity] : [.quantity, .icebergQuantity], min: try reader.bound("minQty"),
                max: try reader.bound("maxQty"), step: try reader.bound("stepSize"), marketOnly: market)
        case "PERCENT_PRICE":
            let band = FilterRule.Band(down: try reader.bound("multiplierDown"), up: try reader.bound("multiplierUp"))
            rule = .priceBand(buy: band, sell: band)
        case "PERCENT_PRICE_BY_SIDE":
            rule = .priceBand(
                buy: FilterRule.Band(down: try reader.bound("bidMultiplierDown"), up: try reader.bound("bidMultiplierUp")),
                sell: FilterRule.Band(down: try reader.bound("askMultiplierDown"), up: try reader.bound("askMultiplierUp")))
        case "MIN_NOTIONAL":
            rule = .notional(
                min: try reader.bound("minNotional"), max: nil, minAtMarket: try reader.flag("applyToMarket"),
                maxAtMarket: false)
        case "NOTIONAL":
            rule = .notional(
                min: try reader.bound("minNotional"), max: try reader.bound("maxNotional"),
                minAtMarket: try reader.flag("applyMinToMarket"), maxAtMarket: try reader.flag("applyMaxToMarket"))
        case "ICEBERG_PARTS": rule = .icebergParts(limit: try reader.count("limit"))
        case "MAX_POSITION": rule = .position(max: try reader.decimal("maxPosition"))
        case "TRAILING_DELTA":
            rule = .trailingDelta(
                above: try reader.range("minTrailingAboveDelta", "maxTrailingAboveDelta"),
                below: try reader.range("minTrailingBelowDelta", "maxTrailingBelowDelta"))
        case "MAX_ASSET":
            guard let asset = object["asset"]?.stringValue else {
                throw FilterDataError(path: "", message: "MAX_ASSET: asset is missing")
            }
            rule = .assetLimit(asset: asset, limit: try reader.decimal("limit"))
        default:
            guard let (count, field) = Self.binanceCounts[type] else { return nil }
            rule = .openCount(count, limit: try reader.count(field))
        }
        let code = type == "MAX_NUM_ORDER_AMENDS" ? "-2038" : "-1013"
        self.init(name: type, failureMessage: "Filter failure: \(type)", failureCode: code, rule: rule)
    }

    /// Binance's count filters: what each counts and the field holding its limit.
    private static let binanceCounts: [String: (FilterRule.Count, String)] = [
        "MAX_NUM_ORDERS": (.symbolOrders, "maxNumOrders"),
        "MAX_NUM_ALGO_ORDERS": (.symbolAlgoOrders, "maxNumAlgoOrders"),
        "MAX_NUM_ICEBERG_ORDERS": (.symbolIcebergOrders, "maxNumIcebergOrders"),
        "MAX_NUM_ORDER_LISTS": (.symbolOrderLists, "maxNumOrderLists"),
        "MAX_NUM_ORDER_AMENDS": (.amendments, "maxNumOrderAmends"),
        "EXCHANGE_MAX_NUM_ORDERS": (.exchangeOrders, "maxNumOrders"),
        "EXCHANGE_MAX_NUM_ALGO_ORDERS": (.exchangeAlgoOrders, "maxNumAlgoOrders"),
        "EXCHANGE_MAX_NUM_ICEBERG_ORDERS": (.exchangeIcebergOrders, "maxNumIcebergOrders"),
        "EXCHANGE_MAX_NUM_ORDER_LISTS": (.exchangeOrderLists, "maxNumOrderLists"),
    ]
}

/// Reads typed fields of one filter object, throwing ``FilterDataError`` for missing or bad values.
private struct BinanceFilterReader {
    let object: [String: JSONValue]

    private var type: String { object["filterType"]?.stringValue ?? "filter" }

    private func fail(_ field: String, _ problem: String) -> FilterDataError {
        FilterDataError(path: "", message: "\(type): \(field) \(problem)")
    }

    /// A decimal at least zero, from a JSON string or number.
    func decimal(_ field: String) throws -> ExactDecimal {
        let text: String?
        switch object[field] {
        case .string(let value)?, .number(let value)?: text = value
        default: text = nil
        }
        guard let text, let value = ExactDecimal(text) else { throw fail(field, "is missing or not a decimal") }
        guard !value.isNegative else { throw fail(field, "is negative (\(value))") }
        return value
    }

    /// A decimal where 0 means "no such rule".
    func bound(_ field: String) throws -> ExactDecimal? {
        let value = try decimal(field)
        return value.isZero ? nil : value
    }

    /// A whole number at least zero.
    func count(_ field: String) throws -> Int64 {
        guard case .number(let text)? = object[field], let value = Int64(text), value >= 0 else {
            throw fail(field, "is missing or not a whole number ≥ 0")
        }
        return value
    }

    func flag(_ field: String) throws -> Bool {
        guard case .bool(let value)? = object[field] else { throw fail(field, "is missing or not true/false") }
        return value
    }

    func range(_ lower: String, _ upper: String) throws -> ClosedRange<Int64> {
        let (low, high) = (try count(lower), try count(upper))
        guard low <= high else { throw fail(lower, "(\(low)) is above \(upper) (\(high))") }
        return low...high
    }
}

extension JSONValue {
    /// The string, for `.string`.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
