/// The spec's request weight: fixed, conditional on parameters, or from a table keyed by a parameter's value.
///
/// The only implementation of the spec's weight arithmetic: generated clients hold these values, and the mock
/// exchange converts its spec into them.
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
    /// and `absent` is the weight when no case holds and the array is not sent (nil: the weight of one item).
    case byCount(String, CountScale, cases: [Case], absent: Int?)

    /// The weight of a request with these parameters.
    public func weight(for parameters: Parameters) -> Int { weight(of: parameters) }

    /// The weight of a request with these parameters (the client's, or those a mock exchange received).
    public func weight(of parameters: some ParameterReading) -> Int {
        switch self {
        case let .fixed(weight):
            return weight
        case let .cases(cases, fallback):
            return cases.first { $0.conditions.hold(for: parameters) }?.weight ?? fallback
        case let .byParam(name, ranges, assumed):
            let value = parameters.wireText(name).flatMap { Int64($0) } ?? assumed
            guard let value else { return ranges.first?.weight ?? 1 }
            return ranges.weight(for: value)
        case let .byCount(name, scale, cases, absent):
            if let match = cases.first(where: { $0.conditions.hold(for: parameters) }) { return match.weight }
            guard let count = parameters.itemCount(name) else { return absent ?? scale.weight(count: 1) }
            return scale.weight(count: count)
        }
    }
}

/// How a weight by item count turns the number of items into a weight.
public enum CountScale: Sendable, Hashable {
    /// Looked up in a table of counts (`1-20 → 2, 21-100 → 40, 101 or more → 80`).
    case ranges([RequestWeight.Range])
    /// `perItem` for each item, at most `cap` ("4 for each symbol, capped at 200").
    case perItem(Int, cap: Int?)

    /// The weight of `count` items; an empty array counts as one item. Saturates instead of overflowing.
    public func weight(count: Int) -> Int {
        let items = max(count, 1)
        switch self {
        case let .ranges(ranges):
            return ranges.weight(for: Int64(items))
        case let .perItem(each, cap):
            let (product, overflow) = each.multipliedReportingOverflow(by: items)
            let total = overflow ? Int.max : product
            return cap.map { min(total, $0) } ?? total
        }
    }
}

extension Array where Element == RequestWeight.Range {
    /// The weight of the first range whose bound `value` does not exceed (the open range takes the rest).
    func weight(for value: Int64) -> Int {
        (first { $0.max.map { value <= $0 } ?? true } ?? last)?.weight ?? 1
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
    public func select(_ parameters: Parameters) -> String? { select(from: parameters) }

    /// The variant the venue will answer with for these parameters (the client's, or those a mock received).
    public func select(from parameters: some ParameterReading) -> String? {
        if let param, let sent = parameters.wireText(param) { return sent }
        return defaults.first { $0.conditions.hold(for: parameters) }.map { variants[$0.weight] }
    }
}
