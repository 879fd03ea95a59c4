import SpecModel

/// Checks a request's parameters against its endpoint as the spec states them: unknown names, mandatory
/// parameters, value types and bounds, then the conditional rules in spec order.
struct ParameterCheck {
    let spec: Spec
    /// Parameters the auth check owns (signature, timestamp, receive window).
    let signingParams: Set<String>
    let rejectUnknown: Bool

    func check(_ received: ReceivedParameters, for endpoint: Endpoint) -> Rejection? {
        let known = Dictionary(endpoint.params.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        if rejectUnknown,
            let unknown = received.entries.first(where: { entry in
                entry.place != .header && known[entry.name] == nil && !signingParams.contains(entry.name)
            })
        {
            return .unknownParameter(unknown.name)
        }
        for param in endpoint.params where param.required && !signingParams.contains(param.name.value) {
            guard let value = received[param.name.value], value.isPresent else { return .missingParameter(param.name.value) }
        }
        let values = ValueCheck(spec: spec)
        for entry in received.entries where !signingParams.contains(entry.name) {
            guard let param = known[entry.name] else { continue }
            if entry.text == nil, param.nullable || !param.required { continue }
            guard entry.isPresent else { return .emptyParameter(entry.name) }
            if let rejection = values.check(param, entry) { return rejection }
        }
        for rule in endpoint.rules {
            if let rejection = RuleCheck.violation(of: rule, in: received) { return rejection }
        }
        return nil
    }
}

/// Evaluates the spec's conditional rules and weights against what was received.
enum RuleCheck {
    /// Whether every part of the condition holds.
    static func holds(_ condition: Condition, in received: ReceivedParameters) -> Bool {
        condition.equals.allSatisfy { equals in
            guard let text = received[equals.param.value]?.text else { return false }
            return equals.values.contains { $0.text == text }
        }
            && condition.present.allSatisfy { received.isPresent($0.value) }
            && condition.absent.allSatisfy { !received.isPresent($0.value) }
    }

    /// What the rule finds wrong, or nil when it holds or does not apply.
    static func violation(of rule: Rule, in received: ReceivedParameters) -> Rejection? {
        guard holds(rule.condition, in: received) else { return nil }
        let found: Rejection?
        switch rule.requirement {
        case let .require(params):
            found = params.first { !received.isPresent($0.value) }.map { .missingParameter($0.value) }
        case let .requireOneOf(params):
            let sent = params.map(\.value).filter(received.isPresent)
            found = sent.isEmpty ? .missingOneOf(params.map(\.value)) : sent.count > 1 ? .badCombination(sent) : nil
        case let .requireAnyOf(params):
            found = params.contains { received.isPresent($0.value) } ? nil : .missingOneOf(params.map(\.value))
        case let .forbid(params):
            found = params.first { received.isPresent($0.value) }.map { .sentWhenNotRequired($0.value) }
        case let .exclusive(params):
            let sent = params.map(\.value).filter(received.isPresent)
            found = sent.count > 1 ? .badCombination(sent) : nil
        case let .requireValue(equals):
            found =
                equals.lazy.compactMap { equal -> Rejection? in
                    let name = equal.param.value
                    guard let text = received[name]?.text, !text.isEmpty else { return .missingParameter(name) }
                    return equal.values.contains { $0.text == text } ? nil : .notAllowed(name)
                }.first
        }
        guard let found else { return nil }
        if let code = rule.error { return .documented(code: code, reason: found) }
        return found
    }

    /// The request weight the spec gives for these parameters.
    static func weight(of endpoint: Endpoint, _ received: ReceivedParameters) -> Int {
        switch endpoint.weight {
        case nil: return 1
        case let .fixed(weight)?: return weight
        case let .cases(cases, fallback)?:
            return cases.first { holds($0.condition, in: received) }?.weight ?? fallback
        case let .byParam(param, ranges)?:
            let sent = received[param.value]?.text.flatMap { Int64($0) }
            let value = sent ?? endpoint.param(named: param.value)?.defaultValue.flatMap { Int64($0.text) }
            guard let value else { return ranges.first?.weight ?? 1 }
            return ranges.weight(for: value)
        case let .byCount(count)?:
            if let match = count.cases.first(where: { holds($0.condition, in: received) }) { return match.weight }
            guard let sent = received[count.param.value], sent.isPresent else { return count.absentWeight }
            let style = endpoint.param(named: count.param.value)?.arrayStyle ?? .json
            return count.weight(count: ValueCheck.arrayItems(sent, style: style)?.count ?? 1)
        }
    }
}
