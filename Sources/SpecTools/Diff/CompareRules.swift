import SpecModel

extension SpecComparer {
    /// Rules compared by content. A rule whose condition and kind stay while its parameter list grows or shrinks
    /// is tightened or relaxed; anything else is removed and added.
    mutating func compareRules(_ before: Endpoint, _ now: Endpoint) {
        let owner = "endpoint `\(now.id.value)`"
        var unmatched = before.rules
        var candidates: [Rule] = []
        for rule in now.rules {
            guard let index = unmatched.firstIndex(where: { Canonical.rule($0) == Canonical.rule(rule) }) else {
                candidates.append(rule)
                continue
            }
            let a = unmatched.remove(at: index)
            describe("\(owner): rule `\(Canonical.rule(rule))`", at: rule.location, [("description", a.description, rule.description), ("docs", a.docs, rule.docs), ("error code", a.error, rule.error)])
        }
        var added: [Rule] = []
        for rule in candidates {
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
        for rule in added { report(.ruleAdded, at: rule.location, "\(owner): rule `\(Canonical.rule(rule))` was added") }
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
