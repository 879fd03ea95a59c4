import Foundation

/// A condition on a request's parameters, as the spec's `when`, `whenPresent` and `whenAbsent` state it.
public enum ParameterCondition: Sendable, Hashable {
    /// The parameter is sent with one of these values (compared as wire text).
    case equals(String, [String])
    /// The parameter is sent.
    case present(String)
    /// The parameter is not sent.
    case absent(String)

    func holds(for parameters: Parameters) -> Bool {
        switch self {
        case let .equals(name, values): parameters[name].flatMap(\.wireText).map(values.contains) ?? false
        case let .present(name): parameters.contains(name)
        case let .absent(name): !parameters.contains(name)
        }
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

    public let kind: Kind
    public let params: [String]
    public let conditions: [ParameterCondition]
    /// The rule as the spec states it, for error messages ("type=LIMIT: requires timeInForce, quantity, price").
    public let rule: String
    /// The error code the docs say the venue answers with when the rule is broken (`-1102`), if the spec gives one.
    public let code: String?

    public init(_ kind: Kind, _ params: [String], when conditions: [ParameterCondition] = [], rule: String, code: String? = nil) {
        self.kind = kind
        self.params = params
        self.conditions = conditions
        self.rule = rule
        self.code = code
    }

    /// The violation this rule finds in `parameters`, or nil when it holds (or does not apply).
    public func check(_ parameters: Parameters) -> RequestValidationError.Violation? {
        violation(in: parameters).map { .init(kind: kind.name, params: params, rule: rule, code: code, message: $0) }
    }

    /// A message naming what is broken, or nil when the rule holds (or does not apply).
    public func violation(in parameters: Parameters) -> String? {
        guard conditions.allSatisfy({ $0.holds(for: parameters) }) else { return nil }
        // Messages are built only for a broken rule: most rules hold, and this runs before every send.
        var sent: [String] { params.filter(parameters.contains) }
        var sentCount: Int { params.reduce(0) { $0 + (parameters.contains($1) ? 1 : 0) } }
        var list: String { params.map { "'\($0)'" }.joined(separator: ", ") }
        switch kind {
        case .require:
            guard !params.allSatisfy(parameters.contains) else { return nil }
            return "missing \(params.filter { !parameters.contains($0) }.map { "'\($0)'" }.joined(separator: ", "))"
        case .requireOneOf:
            let count = sentCount
            return count == 1 ? nil : "send exactly one of \(list) (sent \(count))"
        case .requireAnyOf:
            return params.contains(where: parameters.contains) ? nil : "send at least one of \(list)"
        case .forbid:
            return params.contains(where: parameters.contains) ? "\(sent.map { "'\($0)'" }.joined(separator: ", ")) may not be sent here" : nil
        case .exclusive:
            return sentCount <= 1 ? nil : "\(list) cannot be combined"
        case let .requireValue(values):
            let value = params.first.flatMap { parameters[$0]?.wireText }
            return value.map(values.contains) == true ? nil : "'\(params.first ?? "")' must be \(values.joined(separator: " or "))"
        case let .range(min, max):
            guard let name = params.first, let value = parameters[name]?.wireText.flatMap(ExactDecimal.init) else { return nil }
            if let min, let bound = ExactDecimal(min), value < bound { return "'\(name)' is \(value.text), below the minimum \(min)" }
            if let max, let bound = ExactDecimal(max), value > bound { return "'\(name)' is \(value.text), above the maximum \(max)" }
            return nil
        case let .allowed(values):
            guard let name = params.first, let value = parameters[name] else { return nil }
            let bad = value.elementTexts.filter { !values.contains($0) }
            return bad.isEmpty ? nil : "'\(name)' may not be \(bad.joined(separator: ", ")); allowed: \(values.joined(separator: ", "))"
        }
    }
}

/// The spec's request weight: fixed, conditional on parameters, or from a table keyed by a parameter's value.
public enum RequestWeight: Sendable, Hashable {
    /// One range of a by-parameter table: values up to `max` (inclusive; nil for "above") weigh `weight`.
    public struct Range: Sendable, Hashable {
        public let max: Int64?
        public let weight: Int
        public init(max: Int64?, weight: Int) {
            self.max = max
            self.weight = weight
        }
    }

    /// One case of a conditional weight.
    public struct Case: Sendable, Hashable {
        public let conditions: [ParameterCondition]
        public let weight: Int
        public init(when conditions: [ParameterCondition], weight: Int) {
            self.conditions = conditions
            self.weight = weight
        }
    }

    case fixed(Int)
    /// The first case whose conditions hold, else `default`.
    case cases([Case], default: Int)
    /// Looks up the parameter's value (or `assumed`, the documented default, when it is not sent).
    case byParam(String, ranges: [Range], assumed: Int64?)
    /// Grows with the number of items of an array parameter (`symbols`); the first case that holds wins,
    /// and `absent` is the weight when no case holds and the array is not sent.
    case byCount(String, CountScale, cases: [Case], absent: Int)

    /// The weight of a request with these parameters.
    public func weight(for parameters: Parameters) -> Int {
        switch self {
        case let .fixed(weight):
            return weight
        case let .cases(cases, fallback):
            return cases.first { $0.conditions.allSatisfy { $0.holds(for: parameters) } }?.weight ?? fallback
        case let .byParam(name, ranges, assumed):
            let value = parameters[name]?.wireText.flatMap { Int64($0) } ?? assumed
            guard let value else { return ranges.first?.weight ?? 1 }
            return ranges.weight(for: value)
        case let .byCount(name, scale, cases, absent):
            if let match = cases.first(where: { $0.conditions.allSatisfy { $0.holds(for: parameters) } }) { return match.weight }
            guard let value = parameters[name] else { return absent }
            return scale.weight(count: value.itemCount)
        }
    }
}

/// Chooses the response variant of a request: by a parameter's value (`newOrderRespType` ACK / RESULT / FULL),
/// else by the first default whose conditions hold (JEX tickers: one object with `symbol`, an array without).
public struct VariantSelector: Sendable, Hashable {
    public let param: String?
    public let defaults: [RequestWeight.Case]
    public let variants: [String]

    /// `defaults` pick a variant when the parameter is not sent; each case's `weight` is an index into `variants`.
    public init(param: String?, variants: [String], defaults: [(conditions: [ParameterCondition], variant: String)]) {
        self.param = param
        self.variants = variants
        self.defaults = defaults.compactMap { d in variants.firstIndex(of: d.variant).map { RequestWeight.Case(when: d.conditions, weight: $0) } }
    }

    /// The variant the venue will answer with, or nil when the docs do not say.
    public func select(_ parameters: Parameters) -> String? {
        if let param, let sent = parameters[param]?.wireText { return sent }
        return defaults.first { $0.conditions.allSatisfy { $0.holds(for: parameters) } }.map { variants[$0.weight] }
    }
}

extension Parameters {
    /// Whether a parameter with this name is sent.
    public func contains(_ name: String) -> Bool { self[name] != nil }
}

extension ParameterValue {
    /// The value as wire text, for comparisons; nil for arrays and null.
    var wireText: String? {
        switch self {
        case let .string(s): s
        case let .int(i): String(i)
        case let .decimal(d): d.text
        case let .bool(b): b ? "true" : "false"
        case let .timestamp(t): t.text
        case .null, .array: nil
        }
    }

    /// The texts of an array's elements, or of the value itself.
    var elementTexts: [String] {
        if case let .array(items, _) = self { return items.compactMap(\.wireText) }
        return wireText.map { [$0] } ?? []
    }
}
