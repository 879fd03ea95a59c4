/// The mock's receive-window arithmetic, exact and in microseconds: Binance takes `recvWindow` in milliseconds with
/// up to three decimals, and `timestamp` in milliseconds or microseconds.
enum ReceiveWindowCheck {
    /// Timestamps above this are microseconds (10^14 ms is in the year 5138; 10^14 µs in 1973).
    static let microsecondThreshold: Int64 = 100_000_000_000_000

    /// Microseconds in a window written as decimal milliseconds (`"5000"`, `"6000.346"`), saturating at
    /// `Int64.max` for a window too long to count (so it fails the maximum, not the syntax); nil when the text is
    /// not plain digits with at most `fractionDigits` decimal places.
    static func microseconds(window text: String, fractionDigits: Int) -> Int64? {
        guard ValueCheck.isDecimal(text), !text.hasPrefix("-") else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : ""
        guard fraction.count <= min(fractionDigits, 3) else { return nil }
        guard let whole = Int64(parts[0]) else { return .max }
        let micros = Int64(String(fraction) + String(repeating: "0", count: 3 - fraction.count)) ?? 0
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 1000)
        let (sum, carry) = scaled.addingReportingOverflow(micros)
        return overflow || carry ? .max : sum
    }

    /// The legal form of a window with up to `fractionDigits` decimal places, for the refusal's message.
    static func pattern(fractionDigits: Int) -> String {
        fractionDigits > 0 ? "^[0-9]{1,20}(\\.[0-9]{1,\(min(fractionDigits, 3))})?$" : ValueCheck.integerPattern
    }

    /// Microseconds of a whole number of milliseconds, saturating instead of trapping.
    static func microseconds(milliseconds: Int64) -> Int64 {
        let (scaled, overflow) = milliseconds.multipliedReportingOverflow(by: 1000)
        return overflow ? (milliseconds < 0 ? .min : .max) : scaled
    }

    /// A `timestamp` parameter in microseconds: values above the threshold already are, smaller ones are
    /// milliseconds.
    static func microseconds(timestamp: Int64) -> Int64 {
        timestamp > microsecondThreshold ? timestamp : microseconds(milliseconds: timestamp)
    }

    /// Whether a request stamped `timestamp` (µs) is outside the window at `now` (µs): more than a second ahead,
    /// or older than `window`.
    static func rejection(timestamp: Int64, window: Int64, now: Int64) -> Rejection? {
        let (limit, beyond) = now.addingReportingOverflow(1_000_000)
        if !beyond, timestamp >= limit { return .staleTimestamp(ahead: true) }
        let (age, overflow) = now.subtractingReportingOverflow(timestamp)
        return overflow || age > window ? .staleTimestamp(ahead: false) : nil
    }
}
