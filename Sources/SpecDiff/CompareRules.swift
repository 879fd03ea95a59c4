import SpecModel

extension SpecComparer {
    /// Rules compared by content. A rule whose condition and kind stay while its parameter list grows or shrinks
    /// is tightened or relaxed; anything else is removed and added.
    /// A rule that only a request sending a parameter new to the endpoint can meet is `rule-added-for-new-parameters`;
    /// one that now stands aside when a new parameter is sent (`whenAbsent: [pegPriceType]`) is relaxed.
    mutating func compareRules(_ before: Endpoint, _ now: Endpoint) {
        let owner = "endpoint `\(now.id.value)`"
        let newParameters = Set(now.params.map(\.name.value)).subtracting(before.params.map(\.name.value))
        var unmatched = before.rules
        var candidates: [Rule] = []
        for rule in now.rules {
            guard let index = unmatched.firstIndex(where: { Canonical.rule($0) == Canonical.rule(rule) }) else {
                candidates.append(rule)
                continue
            }
            let a = unmatched.remove(at: index)
            describe(
                "\(owner): rule `\(Canonical.rule(rule))`", at: rule.location,
                [("description", a.description, rule.description), ("docs", a.docs, rule.docs), ("error code", a.error, rule.error)])
        }
        var added: [Rule] = []
        for rule in candidates {
            let asBefore = Self.forOldRequests(rule, newParameters: newParameters)
            if asBefore != rule, let index = unmatched.firstIndex(where: { Canonical.rule($0) == Canonical.rule(asBefore) }) {
                let a = unmatched.remove(at: index)
                report(
                    .ruleRelaxed, at: rule.location,
                    "\(owner): rule is now `\(Canonical.rule(rule))` (was `\(Canonical.rule(a))`); requests without the new parameters are checked as before")
                continue
            }
            let sameCondition = unmatched.firstIndex {
                Canonical.condition($0.condition) == Canonical.condition(rule.condition) && $0.requirement.keyword == rule.requirement.keyword
            }
            guard let index = sameCondition, let tightened = Self.tightens(from: unmatched[index].requirement, to: rule.requirement) else {
                added.append(rule)
                continue
            }
            let a = unmatched.remove(at: index)
            report(tightened ? .ruleTightened : .ruleRelaxed, at: rule.location, "\(owner): rule is now `\(Canonical.rule(rule))` (was `\(Canonical.rule(a))`)")
        }
        for rule in unmatched { report(.ruleRemoved, at: rule.location, "\(owner): rule `\(Canonical.rule(rule))` was removed") }
        for rule in added {
            if Self.concernsOnlyNew(rule, newParameters: newParameters) {
                report(
                    .ruleAddedForNewParameters, at: rule.location,
                    "\(owner): rule `\(Canonical.rule(rule))` was added; it only constrains requests that send a new parameter")
            } else if Self.impliedBy(before.rules, Self.forOldRequests(rule, newParameters: newParameters)) {
                report(
                    .ruleAddedForNewParameters, at: rule.location,
                    "\(owner): rule `\(Canonical.rule(rule))` was added; requests without the new parameters met it before, under the old rules")
            } else {
                report(.ruleAdded, at: rule.location, "\(owner): rule `\(Canonical.rule(rule))` was added")
            }
        }
    }

    /// The rule as requests built for the old spec meet it: they never send a new parameter, so "when a new parameter
    /// is absent" always holds and drops out.
    static func forOldRequests(_ rule: Rule, newParameters: Set<String>) -> Rule {
        var rule = rule
        rule.condition.absent.removeAll { newParameters.contains($0.value) }
        return rule
    }

    /// True when no request valid before can break the rule: its condition needs a new parameter to be sent, or it
    /// forbids only new parameters, or it makes exclusive a list with at most one parameter that existed before.
    static func concernsOnlyNew(_ rule: Rule, newParameters: Set<String>) -> Bool {
        let condition = rule.condition
        if condition.equals.contains(where: { newParameters.contains($0.param.value) }) || condition.present.contains(where: { newParameters.contains($0.value) }) {
            return true
        }
        switch rule.requirement {
        case let .forbid(params): return params.allSatisfy { newParameters.contains($0.value) }
        case let .exclusive(params): return params.filter { !newParameters.contains($0.value) }.count <= 1
        default: return false
        }
    }

    /// True when `rule` (`when: {p: [values]}`, `require: [...]`) asks nothing the old rules did not: for each value,
    /// an old rule conditioned on that value alone already required all of it (Binance's LIMIT rule giving up
    /// `price` to a rule that stands aside for pegged orders).
    static func impliedBy(_ old: [Rule], _ rule: Rule) -> Bool {
        guard rule.condition.present.isEmpty, rule.condition.absent.isEmpty, rule.condition.equals.count == 1,
            case let .require(required) = rule.requirement
        else { return false }
        let when = rule.condition.equals[0]
        let needed = Set(required.map(\.value))
        return when.values.allSatisfy { value in
            old.contains { earlier in
                guard earlier.condition.present.isEmpty, earlier.condition.absent.isEmpty, earlier.condition.equals.count == 1,
                    earlier.condition.equals[0].param.value == when.param.value,
                    earlier.condition.equals[0].values.contains(where: { $0.text == value.text }),
                    case let .require(demanded) = earlier.requirement
                else { return false }
                return needed.isSubset(of: demanded.map(\.value))
            }
        }
    }

    /// true when `b` demands more than `a`, false when less, nil when neither (or both).
    static func tightens(from a: Rule.Requirement, to b: Rule.Requirement) -> Bool? {
        if case let .requireValue(x) = a, case let .requireValue(y) = b {
            func table(_ e: [Condition.Equals]) -> [String: Set<String>] {
                Dictionary(e.map { ($0.param.value, Set($0.values.map(\.text))) }, uniquingKeysWith: { $0.union($1) })
            }
            let before = table(x), now = table(y)
            guard Set(before.keys) == Set(now.keys) else { return nil }
            if now.allSatisfy({ $0.value.isSubset(of: before[$0.key]!) }) { return true }
            if before.allSatisfy({ $0.value.isSubset(of: now[$0.key]!) }) { return false }
            return nil
        }
        let before = Canonical.names(a), now = Canonical.names(b)
        let grows: Bool
        if now.isStrictSuperset(of: before) { grows = true } else if now.isStrictSubset(of: before) { grows = false } else { return nil }
        switch b {
        case .requireOneOf, .requireAnyOf: return !grows  // more choices demand less
        default: return grows
        }
    }
}
