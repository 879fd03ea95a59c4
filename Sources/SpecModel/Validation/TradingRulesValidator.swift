/// Checks a model's `tradingRules` against the model: every named value is a DECIMAL field of it, the market and
/// asset names are STRING fields, and rule names are unique.
extension SpecValidator {
    mutating func checkTradingRules(of model: Model) {
        guard let rules = model.tradingRules else { return }
        let owner = "model '\(model.name.value)'"
        guard case let .object(fields) = model.kind else {
            error("tradingRules need an object model; \(owner) is not one", at: rules.location)
            return
        }
        func checkField(_ name: Located<String>, _ type: TypeRef, allowOptional: Bool) {
            guard let field = fields.first(where: { $0.name.value == name.value }) else {
                let hint = closest(to: name.value, in: fields.map(\.name.value)).map { "; did you mean '\($0)'?" } ?? ""
                error("tradingRules: '\(name.value)' is not a field of \(owner)\(hint)", at: name.location)
                return
            }
            if field.type.value != type {
                error("tradingRules field '\(name.value)' of \(owner) must be \(type), not \(field.type.value)", at: name.location)
            } else if !allowOptional, field.optional || field.nullable {
                error("tradingRules field '\(name.value)' of \(owner) names the market, so it may not be optional", at: name.location)
            }
        }
        checkField(rules.symbol, .string, allowOptional: false)
        for asset in [rules.baseAsset, rules.quoteAsset].compactMap({ $0 }) { checkField(asset, .string, allowOptional: true) }
        for rule in rules.rules {
            for value in rule.valueFields { checkField(value, .decimal, allowOptional: true) }
        }
        reportDuplicates(rules.rules.map(\.name), what: "rule", in: "tradingRules of \(owner)")
    }
}
