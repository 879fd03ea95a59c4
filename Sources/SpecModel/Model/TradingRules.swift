/// A model's trading rules (`tradingRules`): a venue's precision rules — tick, step, min/max, notional — as data.
/// Each value names a DECIMAL field of the same model, so one decoded value (a DFX `SymbolInfo`) yields the
/// symbol's exchange filters.
public struct TradingRules: Sendable, Hashable {
    /// An order field a bounds rule applies to; the raw value is its request parameter name.
    public enum OrderField: String, Sendable, Hashable, CaseIterable {
        case price, stopPrice, quantity, quoteOrderQty
    }

    /// What a rule requires; every value names a field of the model.
    public enum Kind: Sendable, Hashable {
        /// Each listed order field at least `min`, at most `max`, and a whole multiple of `step`.
        case bounds(fields: [Located<OrderField>], min: Located<String>?, max: Located<String>?, step: Located<String>?)
        /// The order's value in the quote asset within `min`...`max`.
        case notional(min: Located<String>?, max: Located<String>?)
    }

    public struct Rule: Sendable, Hashable {
        /// The rule's name as the client reports it (`PRICE_INCREMENT`).
        public var name: Located<String>
        /// The venue's message for an order breaking it, when the docs give one.
        public var message: String?
        public var kind: Kind
        public var location: SourceLocation

        /// What the rule checks, in one line: `quantity: min baseMinSize, step baseIncrement`, `notional: min quoteMinSize`.
        public var summary: String {
            func bounds(_ pairs: [(String, Located<String>?)]) -> String {
                pairs.compactMap { key, value in value.map { "\(key) \($0.value)" } }.joined(separator: ", ")
            }
            switch kind {
            case let .bounds(fields, min, max, step):
                return fields.map(\.value.rawValue).joined(separator: ", ") + ": " + bounds([("min", min), ("max", max), ("step", step)])
            case let .notional(min, max):
                return "notional: " + bounds([("min", min), ("max", max)])
            }
        }

        /// The model fields the rule reads, in the order written.
        public var valueFields: [Located<String>] {
            switch kind {
            case let .bounds(_, min, max, step): [min, max, step].compactMap { $0 }
            case let .notional(min, max): [min, max].compactMap { $0 }
            }
        }
    }

    /// The STRING field naming the market (`symbol`).
    public var symbol: Located<String>
    /// STRING fields naming the base and quote assets, if the model has them.
    public var baseAsset: Located<String>?
    public var quoteAsset: Located<String>?
    public var rules: [Rule]
    public var location: SourceLocation
}
