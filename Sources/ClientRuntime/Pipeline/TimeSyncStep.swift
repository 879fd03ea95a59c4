/// Stamps each attempt with the server's time: the clock plus the offset learned from the server. With a
/// `Resync`, a response refusing the timestamp (Binance -1021) triggers one server-time sync and one resend (safe
/// for orders: the venue refused before executing), and an optional interval resyncs before a request when the last
/// sync is older than it.
public struct TimeSyncStep: RequestStep {
    let clock: ServerClock
    let resync: Resync?

    /// How the step learns the server's time again.
    public struct Resync: Sendable {
        let isRejection: @Sendable (WireResponse) -> Bool
        let fetch: @Sendable () async throws -> Int64
        let interval: Duration?

        /// `isRejection` tells a refused timestamp; `fetch` asks the server for its time (ms since 1970); `interval`
        /// (nil: never) is the age after which the offset is refreshed before a request.
        public init(
            isRejection: @escaping @Sendable (WireResponse) -> Bool, fetch: @escaping @Sendable () async throws -> Int64,
            interval: Duration? = nil
        ) {
            self.isRejection = isRejection
            self.fetch = fetch
            self.interval = interval
        }
    }

    /// Creates the step.
    public init(clock: ServerClock, resync: Resync? = nil) {
        self.clock = clock
        self.resync = resync
    }

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
        var request = request
        if let resync, let interval = resync.interval, clock.needsSync(every: interval) {
            // A failed periodic sync keeps the old offset: the request itself may still be within the window.
            if let time = try? await resync.fetch() { clock.sync(serverTime: time) }
        }
        request.timestamp = clock.now()
        let response = try await next(request, context)
        guard let resync, resync.isRejection(response) else { return response }
        // Without the server's time there is nothing better to send: the caller gets the rejection.
        guard let time = try? await resync.fetch() else { return response }
        clock.sync(serverTime: time)
        request.timestamp = clock.now()
        return try await next(request, context)
    }
}
