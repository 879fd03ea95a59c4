/// The unit of the time fields in a venue's responses.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
    case millisecond
    case microsecond
}

/// A request header that chooses the unit of the response's time fields (Binance: `X-MBX-TIME-UNIT`), with the
/// header value for each unit. Without the header the venue answers in milliseconds.
public struct TimeUnitHeader: Sendable, Hashable {
    /// The header's name.
    public var name: String
    /// The value asking for milliseconds (`MILLISECOND`).
    public var millisecond: String
    /// The value asking for microseconds (`MICROSECOND`).
    public var microsecond: String

    /// Creates a time-unit header description.
    public init(name: String, millisecond: String, microsecond: String) {
        self.name = name
        self.millisecond = millisecond
        self.microsecond = microsecond
    }

    /// The header value for `unit`.
    public func value(for unit: TimeUnit) -> String {
        switch unit {
        case .millisecond: millisecond
        case .microsecond: microsecond
        }
    }
}
