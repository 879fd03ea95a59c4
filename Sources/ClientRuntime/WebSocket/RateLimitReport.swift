import Foundation

/// One entry of a WebSocket API answer's `rateLimits`: `{"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE",
/// "intervalNum": 1, "limit": 6000, "count": 12}`.
public struct RateLimitReportEntry: Sendable, Hashable, Decodable {
    /// `REQUEST_WEIGHT`, `ORDERS` or `RAW_REQUESTS`.
    public var rateLimitType: String
    /// `SECOND`, `MINUTE`, `HOUR` or `DAY`.
    public var interval: String
    /// How many `interval`s the window spans.
    public var intervalNum: Int
    /// The limit of the window.
    public var limit: Int?
    /// The usage counted so far in the window.
    public var count: Int?

    /// The interval as REST's rate-limit headers name it (`1M`, `10S`, `1D`); nil for an unknown unit.
    public var suffix: String? {
        let units = ["SECOND": "S", "MINUTE": "M", "HOUR": "H", "DAY": "D"]
        return units[interval].map { "\(intervalNum)\($0)" }
    }
}

extension RateLimitState {
    /// Merges a WebSocket API answer's `rateLimits` (the same counters REST reads from headers): request weight
    /// into `usedWeight`, orders into `orderCount`, keyed like the headers (`1M`, `10S`). Other entries are ignored.
    public mutating func update(from reports: [RateLimitReportEntry]) {
        for report in reports {
            guard let suffix = report.suffix, let count = report.count else { continue }
            switch report.rateLimitType {
            case "REQUEST_WEIGHT": usedWeight[suffix] = count
            case "ORDERS": orderCount[suffix] = count
            default: continue
            }
        }
    }
}
