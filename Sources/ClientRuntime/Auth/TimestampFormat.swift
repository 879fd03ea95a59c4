/// How a request's timestamp is written (the spec's `auth.timestamp.format`).
public enum TimestampFormat: Sendable, Hashable {
    /// Milliseconds since 1970 as a decimal integer (`1499827319559`): Binance, JEX, DFX.
    case milliseconds
    /// ISO-8601 UTC with milliseconds (`2020-12-08T09:08:57.715Z`): OKX.
    case iso8601

    /// `milliseconds` (since 1970, server-corrected) written in this format.
    public func text(_ milliseconds: Int64) -> String {
        switch self {
        case .milliseconds: milliseconds.decimalText
        case .iso8601: Timestamp(milliseconds: milliseconds).text
        }
    }
}
