import SpecModel

/// Counts request weight and orders in the windows of the spec's limiters and writes the venue's headers
/// (`X-MBX-USED-WEIGHT-1M`, `X-MBX-ORDER-COUNT-1S`, …).
struct RateLimitCounter: Sendable {
    /// One limiter's state as a WebSocket API answer reports it (the spec's `RateLimitReport`).
    struct Report: Sendable, Hashable {
        var rateLimitType: String
        var interval: String
        var intervalNum: Int
        var limit: Int
        var count: Int
    }

    private struct Window: Sendable {
        let header: String
        let limiter: RateLimits.Limiter
        let length: Int64
        var start: Int64 = 0
        var count = 0

        mutating func add(_ amount: Int, now: Int64) {
            let current = now - now % length
            if current != start {
                start = current
                count = 0
            }
            count = CheckedArithmetic.add(count, amount)
        }

        func value(now: Int64) -> Int { now - now % length == start ? count : 0 }
    }

    private var weights: [Window]
    private var orders: [Window]

    init(_ limits: RateLimits?) {
        func windows(_ type: String, _ prefix: String?) -> [Window] {
            guard let prefix, let limits else { return [] }
            return limits.limiters.filter { $0.type == type }.compactMap { limiter in
                guard let (letter, unit) = Self.units[limiter.interval], limiter.intervalNum > 0 else { return nil }
                let length = CheckedArithmetic.multiply(Int64(limiter.intervalNum), unit)  // a huge intervalNum: one long window
                return Window(header: prefix + "\(limiter.intervalNum)\(letter)", limiter: limiter, length: length)
            }
        }
        weights = windows("REQUEST_WEIGHT", limits?.usedWeightHeader)
        orders = windows("ORDERS", limits?.orderCountHeader)
    }

    private static let units: [String: (String, Int64)] = [
        "SECOND": ("S", 1000), "MINUTE": ("M", 60_000), "HOUR": ("H", 3_600_000), "DAY": ("D", 86_400_000),
    ]

    mutating func addWeight(_ weight: Int, now: Int64) {
        for index in weights.indices { weights[index].add(weight, now: now) }
    }

    mutating func addOrder(now: Int64) {
        for index in orders.indices { orders[index].add(1, now: now) }
    }

    /// The used-weight headers, and the order-count headers when `orderCounts` is set.
    func headers(now: Int64, orderCounts: Bool) -> [(name: String, value: String)] {
        let counted = weights + (orderCounts ? orders : [])
        return counted.map { ($0.header, String($0.value(now: now))) }
    }

    /// The limiters' state: request weight, and the order limiters when `orderCounts` is set.
    func report(now: Int64, orderCounts: Bool) -> [Report] {
        (weights + (orderCounts ? orders : [])).map { window in
            Report(
                rateLimitType: window.limiter.type, interval: window.limiter.interval, intervalNum: window.limiter.intervalNum,
                limit: window.limiter.limit, count: window.value(now: now))
        }
    }
}
