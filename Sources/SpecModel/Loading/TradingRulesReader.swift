import Yams

/// Reads a model's `tradingRules`. Whether the named fields exist and are DECIMAL is checked by the validator.
extension SpecReader {
    func readTradingRules(_ node: Node, model: String) -> TradingRules? {
        let what = "tradingRules of model '\(model)'"
        guard let r = MappingReader(node, ctx, what: what, allowed: ["symbol", "baseAsset", "quoteAsset", "rules"]),
            let symbol = r.string("symbol", required: true)
        else { return nil }
        let rules = r.list("rules", required: true).compactMap { readTradingRule($0, owner: what) }
        if case .sequence(let list)? = r["rules"], list.isEmpty { ctx.error("\(what) lists no rules", at: node) }
        return TradingRules(symbol: symbol, baseAsset: r.string("baseAsset"), quoteAsset: r.string("quoteAsset"), rules: rules, location: r.location)
    }

    private func readTradingRule(_ node: Node, owner: String) -> TradingRules.Rule? {
        let keys = ["name", "message", "fields", "min", "max", "step", "notional"]
        guard let r = MappingReader(node, ctx, what: "a rule of \(owner)", allowed: keys), let name = r.string("name", required: true) else { return nil }
        let what = "rule '\(name.value)' of \(owner)"
        let kind: TradingRules.Kind
        if let notionalNode = r["notional"] {
            if r["fields"] != nil || ["min", "max", "step"].contains(where: { r[$0] != nil }) {
                ctx.error("\(what) has 'notional' and order fields or bounds; a rule is either one", at: node)
                return nil
            }
            guard let n = MappingReader(notionalNode, ctx, what: "notional of \(what)", allowed: ["min", "max"]) else { return nil }
            kind = .notional(min: n.string("min"), max: n.string("max"))
        } else {
            guard r["fields"] != nil else {
                ctx.error("\(what) needs 'fields' (with min, max or step) or 'notional'", at: node)
                return nil
            }
            let fields = r.strings("fields", lenient: true).compactMap { text -> Located<TradingRules.OrderField>? in
                if let field = TradingRules.OrderField(rawValue: text.value) { return Located(field, at: text.location) }
                let choices = TradingRules.OrderField.allCases.map(\.rawValue)
                let hint = closest(to: text.value, in: choices).map { "; did you mean '\($0)'?" } ?? ""
                ctx.report(.error, "unknown order field '\(text.value)' in \(what); expected one of \(choices.joined(separator: ", "))\(hint)", at: text.location)
                return nil
            }
            kind = .bounds(fields: fields, min: r.string("min"), max: r.string("max"), step: r.string("step"))
        }
        let rule = TradingRules.Rule(name: name, message: r.text("message"), kind: kind, location: r.location)
        if rule.valueFields.isEmpty {
            ctx.error("\(what) is empty: give it \(r["notional"] == nil ? "min, max or step" : "notional min or max")", at: node)
        }
        return rule
    }
}
