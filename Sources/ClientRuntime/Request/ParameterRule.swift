/// A condition on a request's parameters, as the spec's `when`, `whenPresent` and `whenAbsent` state it.
public enum ParameterCondition: Sendable, Hashable {
    /// The parameter is sent with one of these values (compared as wire text).
    case equals(String, [String])
    /// The parameter is sent.
    case present(String)
    /// The parameter is not sent.
    case absent(String)

    /// Whether the condition holds for these parameters.
    public func holds(for parameters: some ParameterReading) -> Bool {
        switch self {
        case let .equals(name, values): parameters.wireText(name).map(values.contains) ?? false
        case let .present(name): parameters.isSent(name)
        case let .absent(name): !parameters.isSent(name)
        }
    }
}

extension Array where Element == ParameterCondition {
    /// Whether every condition holds (an empty list always does). Reads each condition in place, without copying it.
    func hold(for parameters: some ParameterReading) -> Bool {
        for index in indices where !self[index].holds(for: parameters) { return false }
        return true
    }
}

/// One of the spec's conditional-parameter rules or parameter constraints, checked before a request is sent.
public struct ParameterRule: Sendable, Hashable {
    /// What the rule demands of its parameters.
    public enum Kind: Sendable, Hashable {
        /// All must be sent.
        case require
        /// Exactly one must be sent.
        case requireOneOf
        /// At least one must be sent.
        case requireAnyOf
        /// None may be sent.
        case forbid
        /// At most one may be sent.
        case exclusive
        /// The (single) parameter must have one of these values.
        case requireValue([String])
        /// The (single) parameter, when sent, must lie within these inclusive bounds.
        case range(min: String?, max: String?)
        /// The (single) parameter, when sent, must be one of these values.
        case allowed([String])

        /// The spec's keyword for the kind (`require`, `requireOneOf`, …, `range`, `allowed`).
        public var name: String {
            switch self {
            case .require: "require"
            case .requireOneOf: "requireOneOf"
            case .requireAnyOf: "requireAnyOf"
            case .forbid: "forbid"
            case .exclusive: "exclusive"
            case .requireValue: "requireValue"
            case .range: "range"
            case .allowed: "allowed"
            }
        }
    }

    /// What a broken rule finds wrong, in terms a venue's rejection can be chosen from.
    public enum Breach: Sendable, Hashable {
        /// Needed parameters not sent: `require`'s missing ones; all of `requireOneOf`'s or `requireAnyOf`'s when
        /// none is sent; `requireValue`'s parameter.
        case missing([String])
        /// Parameters sent that may not be: `forbid`'s, or `requireOneOf`'s and `exclusive`'s when more than one is.
        case sent([String])
        /// The parameter is sent with values the rule does not allow (`requireValue`, `allowed`).
        case value(String, [String])
        /// The parameter's value (as sent) is below the rule's minimum.
        case belowMinimum(String, value: String)
        /// The parameter's value (as sent) is above the rule's maximum.
        case aboveMaximum(String, value: String)
    }

    /// The rule's parts in one box: copying a rule (as checking a list of them does) is one reference count.
    private final class Storage: Sendable {
        let kind: Kind
        let params: [String]
        let conditions: [ParameterCondition]
        let rule: String
        let code: String?

        init(_ kind: Kind, _ params: [String], _ conditions: [ParameterCondition], _ rule: String, _ code: String?) {
            self.kind = kind
            self.params = params
            self.conditions = conditions
            self.rule = rule
            self.code = code
        }
    }

    private let storage: Storage

    /// What the rule demands.
    public var kind: Kind { storage.kind }
    /// The parameters it constrains.
    public var params: [String] { storage.params }
    /// When it applies (all must hold; none: always).
    public var conditions: [ParameterCondition] { storage.conditions }
    /// The rule as the spec states it, for error messages ("type=LIMIT: requires timeInForce, quantity, price").
    public var rule: String { storage.rule }
    /// The error code the docs say the venue answers with when the rule is broken (`-1102`), if the spec gives one.
    public var code: String? { storage.code }

    public init(_ kind: Kind, _ params: [String], when conditions: [ParameterCondition] = [], rule: String, code: String? = nil) {
        storage = Storage(kind, params, conditions, rule, code)
    }

    public static func == (lhs: ParameterRule, rhs: ParameterRule) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.kind == rhs.kind && lhs.params == rhs.params && lhs.conditions == rhs.conditions && lhs.rule == rhs.rule
                && lhs.code == rhs.code)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(params)
        hasher.combine(conditions)
        hasher.combine(rule)
        hasher.combine(code)
    }

    /// The violation this rule finds in `parameters`, or nil when it holds (or does not apply).
    public func check(_ parameters: Parameters) -> RequestValidationError.Violation? {
        breach(in: parameters).map { .init(kind: kind.name, params: params, rule: rule, code: code, message: message($0)) }
    }

    /// What this rule finds wrong in `parameters`, or nil when it holds (or does not apply).
    public func breach(in parameters: some ParameterReading) -> Breach? {
        guard conditions.hold(for: parameters) else { return nil }
        var sent: [String] { params.filter(parameters.isSent) }
        switch kind {
        case .require:
            return params.allSatisfy(parameters.isSent) ? nil : .missing(params.filter { !parameters.isSent($0) })
        case .requireOneOf:
            let count = params.reduce(0) { $0 + (parameters.isSent($1) ? 1 : 0) }
            return count == 1 ? nil : count == 0 ? .missing(params) : .sent(sent)
        case .requireAnyOf:
            return params.contains(where: parameters.isSent) ? nil : .missing(params)
        case .forbid:
            return params.contains(where: parameters.isSent) ? .sent(sent) : nil
        case .exclusive:
            return params.lazy.filter(parameters.isSent).dropFirst().isEmpty ? nil : .sent(sent)
        case let .requireValue(values):
            guard let name = params.first else { return nil }
            guard let value = parameters.wireText(name), !value.isEmpty else { return .missing([name]) }
            return values.contains(value) ? nil : .value(name, [value])
        case let .range(min, max):
            guard let name = params.first, let text = parameters.wireText(name), let value = ExactDecimal(text) else { return nil }
            if let min, let bound = ExactDecimal(min), value < bound { return .belowMinimum(name, value: text) }
            if let max, let bound = ExactDecimal(max), value > bound { return .aboveMaximum(name, value: text) }
            return nil
        case let .allowed(values):
            guard let name = params.first, let texts = parameters.elementTexts(name) else { return nil }
            let bad = texts.filter { !values.contains($0) }
            return bad.isEmpty ? nil : .value(name, bad)
        }
    }

    /// A message naming what is broken ("missing 'price'"); built only for a broken rule.
    public func message(_ breach: Breach) -> String {
        let list = params.map { "'\($0)'" }.joined(separator: ", ")
        func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: ", ") }
        switch (kind, breach) {
        case let (.require, .missing(missing)): return "missing \(quoted(missing))"
        case (.requireOneOf, .missing): return "send exactly one of \(list) (sent 0)"
        case let (.requireOneOf, .sent(sent)): return "send exactly one of \(list) (sent \(sent.count))"
        case (.requireAnyOf, _): return "send at least one of \(list)"
        case let (.forbid, .sent(sent)): return "\(quoted(sent)) may not be sent here"
        case (.exclusive, _): return "\(list) cannot be combined"
        case let (.requireValue(values), _): return "'\(params.first ?? "")' must be \(values.joined(separator: " or "))"
        case let (.range(min, _), .belowMinimum(name, value)): return "'\(name)' is \(value), below the minimum \(min ?? "")"
        case let (.range(_, max), .aboveMaximum(name, value)): return "'\(name)' is \(value), above the maximum \(max ?? "")"
        case let (.allowed(values), .value(name, bad)):
            return "'\(name)' may not be \(bad.joined(separator: ", ")); allowed: \(values.joined(separator: ", "))"
        default: return "\(rule): \(breach)"
        }
    }
}
