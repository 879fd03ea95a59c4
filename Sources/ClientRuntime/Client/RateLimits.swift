import Foundation
import HTTPTypes

/// The latest rate-limit counters the venue reported in response headers.
public struct RateLimitState: Sendable, Hashable {
    /// Used request weight, keyed by interval suffix (`1M`, `10S`, `1D`).
    public var usedWeight: [String: Int]
    /// Orders placed, keyed by interval suffix.
    public var orderCount: [String: Int]

    /// Creates a state.
    public init(usedWeight: [String: Int] = [:], orderCount: [String: Int] = [:]) {
        self.usedWeight = usedWeight
        self.orderCount = orderCount
    }

    /// Merges the counters found in `headers` (names compared case-insensitively); counters a response
    /// does not carry keep their last value.
    public mutating func update(from headers: HTTPFields, names: RateLimitHeaders) {
        for field in headers {
            let name = field.name.rawName
            if let suffix = Self.suffix(of: name, prefix: names.usedWeightPrefix), let value = Int(field.value) {
                usedWeight[suffix] = value
            } else if let suffix = Self.suffix(of: name, prefix: names.orderCountPrefix),
                let value = Int(field.value)
            {
                orderCount[suffix] = value
            }
        }
    }

    private static func suffix(of name: String, prefix: String?) -> String? {
        guard let prefix, !prefix.isEmpty, name.count > prefix.count,
            name.lowercased().hasPrefix(prefix.lowercased())
        else { return nil }
        return String(name.dropFirst(prefix.count)).uppercased()
    }
}

/// Parses a `Retry-After` value: seconds (`"60"`) or an HTTP date, relative to `now` (ms since 1970).
func parseRetryAfter(_ value: String?, now: Int64) -> Duration? {
    guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    if let seconds = Int64(value) { return .seconds(max(0, seconds)) }
    // Fractional seconds are not valid delta-seconds (RFC 9110) but are tolerated, exactly.
    if let seconds = ExactDecimal(value), seconds >= 0 {
        return .milliseconds(NSDecimalNumber(decimal: seconds.decimal * 1000).int64Value)
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: value) else { return nil }
    let delta = Int64(date.timeIntervalSince1970 * 1000) - now
    return .milliseconds(max(0, delta))
}
