/// Tuning for the WebSocket API and stream clients; REST's `ClientOptions` give the rest (clock, receive window,
/// rate limiter, validation, filters).
public struct WebSocketOptions: Sendable {
    /// How long a request waits for its answer before it fails (default 10 s).
    public var requestTimeout: Duration
    /// The pause before reconnection attempt n (n = 1, 2, …): `initialBackoff · 2^(n-1)`, at most `maxBackoff`.
    /// The first attempt after a drop waits `initialBackoff` (default 250 ms).
    public var initialBackoff: Duration
    /// The longest pause between reconnection attempts (default 30 s).
    public var maxBackoff: Duration
    /// A connection older than this is replaced by a new one (logged on and resubscribed again) before the venue's
    /// own limit closes it (Binance: 24 h); default 23 h 50 min.
    public var maxConnectionAge: Duration
    /// How long a replaced connection stays open for answers still on their way (default 5 s).
    public var retirementGrace: Duration

    /// Creates options; every argument has a default.
    public init(
        requestTimeout: Duration = .seconds(10), initialBackoff: Duration = .milliseconds(250), maxBackoff: Duration = .seconds(30),
        maxConnectionAge: Duration = .seconds(23 * 3600 + 50 * 60), retirementGrace: Duration = .seconds(5)
    ) {
        self.requestTimeout = requestTimeout
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxConnectionAge = maxConnectionAge
        self.retirementGrace = retirementGrace
    }

    /// The pause before reconnection attempt `attempt` (1-based), doubling from `initialBackoff` up to `maxBackoff`.
    public func backoff(attempt: Int) -> Duration {
        var pause = initialBackoff
        var step = 1
        while step < attempt, pause < maxBackoff {
            pause = pause * 2
            step += 1
        }
        return min(pause, maxBackoff)
    }
}
