/// An opt-in client-side request-weight limiter: `send` awaits capacity for a request's weight before
/// sending, and the limiter also learns from the venue's used-weight headers.
///
/// Each limit is a sliding window (e.g. 6000 weight per minute); a request waits until every window has room.
public actor WeightLimiter {
    /// One limit: at most `weight` per `interval`.
    public struct Limit: Sendable, Hashable {
        /// The weight allowed per interval.
        public var weight: Int
        /// The interval.
        public var interval: Duration

        /// Creates a limit, e.g. `Limit(weight: 6000, per: .seconds(60))`.
        public init(weight: Int, per interval: Duration) {
            self.weight = weight
            self.interval = interval
        }

        /// The header suffix the venue uses for this interval (`1M`, `10S`, `1H`, `1D`).
        public var headerSuffix: String {
            let seconds = interval.components.seconds
            if seconds > 0, seconds % 86_400 == 0 { return "\(seconds / 86_400)D" }
            if seconds > 0, seconds % 3_600 == 0 { return "\(seconds / 3_600)H" }
            if seconds > 0, seconds % 60 == 0 { return "\(seconds / 60)M" }
            return "\(seconds)S"
        }
    }

    private struct Spend {
        let at: ContinuousClock.Instant
        let weight: Int
    }

    /// The configured limits.
    public let limits: [Limit]
    private var spends: [[Spend]]
    private var pausedUntil: ContinuousClock.Instant?
    private let clock = ContinuousClock()

    /// Creates a limiter with the given limits.
    public init(limits: [Limit]) {
        self.limits = limits
        spends = Array(repeating: [], count: limits.count)
    }

    /// Waits until `weight` fits in every limit, then records it. Throws `CancellationError` if cancelled.
    public func acquire(weight: Int) async throws {
        while true {
            try Task.checkCancellation()
            let wait = waitTime(for: weight)
            if wait == .zero {
                record(weight)
                return
            }
            try await Task.sleep(for: wait)
        }
    }

    /// Records `weight` and returns true if it fits now; returns false without waiting otherwise.
    public func tryAcquire(weight: Int) -> Bool {
        guard waitTime(for: weight) == .zero else { return false }
        record(weight)
        return true
    }

    /// The weight used in each limit's current window, keyed by header suffix.
    public func usedWeight() -> [String: Int] {
        prune()
        var result: [String: Int] = [:]
        for (index, limit) in limits.enumerated() {
            result[limit.headerSuffix] = Self.total(spends[index])
        }
        return result
    }

    /// Learns from the venue's used-weight counters (keyed by suffix): when the venue counts more than the
    /// limiter does (other processes on the same IP), the difference is recorded now.
    public func observe(usedWeight: [String: Int]) {
        prune()
        let now = clock.now
        for (index, limit) in limits.enumerated() {
            guard let reported = usedWeight[limit.headerSuffix] else { continue }
            let local = Self.total(spends[index])
            if reported > local { spends[index].append(Spend(at: now, weight: reported - local)) }
        }
    }

    /// Holds every request back for `duration` (after a 429/418 with `Retry-After`).
    public func pause(for duration: Duration) {
        let until = clock.now.advanced(by: duration)
        if let current = pausedUntil, current > until { return }
        pausedUntil = until
    }

    private func record(_ weight: Int) {
        let now = clock.now
        for index in limits.indices { spends[index].append(Spend(at: now, weight: weight)) }
    }

    /// The weight spent in a window; saturates at `Int.max` (weights come from the spec and the request).
    private static func total(_ window: [Spend]) -> Int {
        window.reduce(0) { sum, spend in
            let (next, overflow) = sum.addingReportingOverflow(spend.weight)
            return overflow ? Int.max : next
        }
    }

    private func prune() {
        let now = clock.now
        for (index, limit) in limits.enumerated() {
            spends[index].removeAll { now - $0.at >= limit.interval }
        }
    }

    /// How long until `weight` fits; `.zero` if it fits now.
    private func waitTime(for weight: Int) -> Duration {
        prune()
        let now = clock.now
        var wait = Duration.zero
        if let pausedUntil, pausedUntil > now { wait = pausedUntil - now }
        for (index, limit) in limits.enumerated() {
            let window = spends[index]
            var used = Self.total(window)
            // A request heavier than the whole limit goes alone, into an empty window.
            let allowed = max(limit.weight, weight)
            guard used > allowed - weight else { continue }
            for spend in window {
                used -= spend.weight
                if used <= allowed - weight {
                    wait = max(wait, spend.at.advanced(by: limit.interval) - now)
                    break
                }
            }
        }
        return wait
    }
}
