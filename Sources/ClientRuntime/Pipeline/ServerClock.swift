/// The local clock corrected by the server-time offset: the timestamps signed requests carry.
public final class ServerClock: Sendable {
    /// Milliseconds since 1970 on the local clock.
    public let local: @Sendable () -> Int64
    private let state = Locked<(offset: Int64, syncedAt: ContinuousClock.Instant?)>((0, nil))

    /// Creates a clock with no offset.
    public init(local: @escaping @Sendable () -> Int64) {
        self.local = local
    }

    /// `serverTime - local()` from the last sync, in milliseconds.
    public var offset: Int64 { state.withLock { $0.offset } }

    /// Learns the offset from a server time in milliseconds (saturating, so a wild value cannot trap).
    public func sync(serverTime: Int64) {
        let (difference, overflow) = serverTime.subtractingReportingOverflow(local())
        let offset = overflow ? (serverTime < 0 ? Int64.min : Int64.max) : difference
        state.withLock { $0 = (offset, ContinuousClock.now) }
    }

    /// Whether the last sync is older than `interval`, or there was none.
    public func needsSync(every interval: Duration) -> Bool {
        guard let syncedAt = state.withLock({ $0.syncedAt }) else { return true }
        return ContinuousClock.now - syncedAt >= interval
    }

    /// `local() + offset`, saturating.
    public func now() -> Int64 {
        let (sum, overflow) = local().addingReportingOverflow(offset)
        return overflow ? (offset < 0 ? Int64.min : Int64.max) : sum
    }
}
