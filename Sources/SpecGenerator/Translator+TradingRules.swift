import SpecModel

/// A model's `tradingRules` as an `exchangeFiltersSymbol` property and an `ExchangeFilters` initializer.
struct TradingRulesContext: Encodable {
    let doc: [String]
    let model: String
    let symbol: String
    let baseAsset: String
    let quoteAsset: String
    let rules: [TradingRuleContext]
}

struct TradingRuleContext: Encodable {
    let name: String
    let message: String
    /// A `FilterRule` expression over the model's properties.
    let rule: String
}

extension Translator {
    /// The message of a rule whose docs give none.
    static func defaultFailureMessage(_ rule: String) -> String { "Order breaks trading rule \(rule)" }

    func tradingRules() -> [TradingRulesContext] {
        spec.models.compactMap { model in
            guard let rules = model.tradingRules else { return nil }
            func property(_ name: Located<String>?) -> String {
                guard let name else { return "nil" }
                let field = model.fields.first { $0.name.value == name.value }
                return Naming.property(name.value, swiftName: field?.swiftName)
            }
            let contexts = rules.rules.map { rule in
                let expression: String
                switch rule.kind {
                case let .bounds(fields, min, max, step):
                    let names = fields.map { "." + filterField($0.value) }.joined(separator: ", ")
                    expression = ".bounds(fields: [\(names)], min: \(property(min)), max: \(property(max)), step: \(property(step)), marketOnly: false)"
                case let .notional(min, max):
                    expression = ".notional(min: \(property(min)), max: \(property(max)), minAtMarket: true, maxAtMarket: true)"
                }
                return TradingRuleContext(
                    name: SwiftText.literal(rule.name.value),
                    message: SwiftText.literal(rule.message ?? Self.defaultFailureMessage(rule.name.value)), rule: expression)
            }
            let names = rules.rules.map { "`\($0.name.value)`" }.joined(separator: ", ")
            return TradingRulesContext(
                doc: SwiftText.doc([
                    "The exchange filters of the market this value describes, from the spec's trading rules (\(names)).",
                    "`ExchangeFilters.check` refuses an order that breaks one before it is sent.",
                ]),
                model: Naming.type(model.name.value), symbol: property(rules.symbol), baseAsset: property(rules.baseAsset),
                quoteAsset: property(rules.quoteAsset), rules: contexts)
        }
    }

    /// The `FilterRule.Field` case of an order field.
    private func filterField(_ field: TradingRules.OrderField) -> String {
        switch field {
        case .price: "price"
        case .stopPrice: "stopPrice"
        case .quantity: "quantity"
        case .quoteOrderQty: "quoteQuantity"
        }
    }
}
