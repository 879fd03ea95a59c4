/// Stamps each attempt with the server's time: the clock plus the offset learned from the server.
public struct TimeSyncStep: RequestStep {
    let clock: ServerClock

    /// Creates the step.
    public init(clock: ServerClock) {
        self.clock = clock
    }

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> HTTPResponse {
        var request = request
        request.timestamp = clock.now()
        return try await next(request, context)
    }
}

/// The local clock corrected by the server-time offset: the timestamps signed requests carry.
public final class ServerClock: Sendable {
    /// Milliseconds since 1970 on the local clock.
    public let local: @Sendable () -> Int64
    private let offsetMillis = Locked<Int64>(0)

    /// Creates a clock with no offset.
    public init(local: @escaping @Sendable () -> Int64) {
        self.local = local
    }

    /// `serverTime - local()` from the last sync, in milliseconds.
    public var offset: Int64 { offsetMillis.withLock { $0 } }

    /// Learns the offset from a server time in milliseconds (saturating, so a wild value cannot trap).
    public func sync(serverTime: Int64) {
        let (difference, overflow) = serverTime.subtractingReportingOverflow(local())
        let offset = overflow ? (serverTime < 0 ? Int64.min : Int64.max) : difference
        offsetMillis.withLock { $0 = offset }
    }

    /// `local() + offset`, saturating.
    public func now() -> Int64 {
        let (sum, overflow) = local().addingReportingOverflow(offset)
        return overflow ? (offset < 0 ? Int64.min : Int64.max) : sum
    }
}
