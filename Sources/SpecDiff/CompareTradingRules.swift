import SpecModel

extension SpecComparer {
    /// A model's trading rules by name. Every change is a warning: it changes which orders the client refuses.
    mutating func compareTradingRules(_ before: TradingRules?, _ now: TradingRules?, model: String) {
        let owner = "model `\(model)`"
        func markets(_ rules: TradingRules?) -> String? {
            rules.map { r in [r.symbol, r.baseAsset, r.quoteAsset].map { $0?.value ?? "-" }.joined(separator: "/") }
        }
        if let before, let now, markets(before) != markets(now) {
            report(
                .tradingRuleChanged, at: now.location,
                "\(owner): trading rules read the market and assets from `\(markets(now) ?? "")` (was `\(markets(before) ?? "")`)")
        }
        let rules = Matched(before?.rules ?? [], now?.rules ?? []) { $0.name.value }
        for rule in rules.removed {
            report(
                .tradingRuleRemoved, at: rule.name.location, "\(owner): trading rule `\(rule.name.value)` (\(rule.summary)) was removed",
                swift: "`exchangeFiltersSymbol` no longer checks `\(rule.name.value)`")
        }
        for rule in rules.added {
            report(
                .tradingRuleAdded, at: rule.name.location, "\(owner): trading rule `\(rule.name.value)` (\(rule.summary)) was added",
                swift: "`exchangeFiltersSymbol` checks `\(rule.name.value)`")
        }
        for (old, new) in rules.common where old.summary != new.summary || old.message != new.message {
            let what = old.summary != new.summary ? "is now \(new.summary) (was \(old.summary))" : "has a new failure message"
            report(.tradingRuleChanged, at: new.name.location, "\(owner): trading rule `\(new.name.value)` \(what)")
        }
    }
}
