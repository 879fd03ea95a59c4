import Foundation
import Yams

/// The bounds lint enforces on numbers a spec gives: one table, documented in docs/spec-format.md ("Numeric
/// limits"). Real venues stay far inside them; they exist so that a typo or a hostile spec cannot give a client or a
/// mock arithmetic that overflows (a weight of 2^63 - 1 times a request count, an interval of 2^63 - 1 minutes).
public struct SpecLimit: Sendable, Hashable {
    /// How the number reads in a message ("a weight").
    public let what: String
    public let range: ClosedRange<Int>

    public static let weight = SpecLimit(what: "a weight", range: 0...100_000)
    public static let intervalNum = SpecLimit(what: "'intervalNum'", range: 1...1_000)
    public static let rateLimit = SpecLimit(what: "a rate limit", range: 1...100_000_000)
    public static let unfilledOrderCount = SpecLimit(what: "'unfilledOrderCount'", range: 0...1_000_000)
    public static let maxItems = SpecLimit(what: "'maxItems'", range: 1...100_000)
    /// Milliseconds; an hour is far beyond any venue's window (Binance allows 60,000).
    public static let recvWindow = SpecLimit(what: "a recvWindow", range: 1...3_600_000)
    public static let httpStatus = SpecLimit(what: "an HTTP status", range: 100...599)

    /// Rate limiter intervals the runtime and the mock know, with their header letter.
    public static let intervals = ["SECOND", "MINUTE", "HOUR", "DAY"]

    /// An error message when `value` is outside the range, else nil.
    public func problem(_ value: Int) -> String? {
        range.contains(value) ? nil : "\(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)"
    }
}

extension LoadContext {
    /// `value` when it is inside `limit`; otherwise nil, with an error at `node`.
    func checked(_ value: Int, _ limit: SpecLimit, at node: Node) -> Int? {
        guard let problem = limit.problem(value) else { return value }
        error(problem, at: node)
        return nil
    }
}

extension MappingReader {
    /// A whole number that must lie inside `limit`.
    func int(_ key: String, required: Bool = false, limit: SpecLimit) -> Int? {
        guard let value = int(key, required: required), let node = self[key] else { return nil }
        return ctx.checked(value, limit, at: node)
    }
}

extension SpecValidator {
    /// A numeric parameter's min, max and default: numbers of its type (whole numbers within Int64 for INT and
    /// LONG), with min ≤ default ≤ max.
    mutating func checkNumericBounds(_ param: Parameter) {
        let whole: Bool
        switch param.type.value {
        case .int, .long: whole = true
        case .decimal: whole = false
        default: return
        }
        let name = param.name.value
        func number(_ value: ScalarValue?, _ role: String) -> Decimal? {
            guard let value else { return nil }
            guard TextForms.isPlainNumber(value.text, whole: whole), !whole || Int64(value.text) != nil,
                let number = Decimal(string: value.text)
            else {
                error("\(role) '\(value.text)' of parameter '\(name)' is not \(whole ? "a whole number that fits 64 bits" : "a decimal number")", at: value.location)
                return nil
            }
            return number
        }
        let min = number(param.min, "min"), max = number(param.max, "max"), fallback = number(param.defaultValue, "default")
        if let min, let max, min > max, let at = param.max?.location {
            error("max \(max) of parameter '\(name)' is below its min \(min)", at: at)
        }
        if let fallback, let at = param.defaultValue?.location {
            if let min, fallback < min { error("default \(fallback) of parameter '\(name)' is below its min \(min)", at: at) }
            if let max, fallback > max { error("default \(fallback) of parameter '\(name)' is above its max \(max)", at: at) }
        }
    }
}
