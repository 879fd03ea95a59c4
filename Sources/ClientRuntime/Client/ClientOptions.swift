import Foundation
import Logging

/// Tuning for an `APIClient`.
public struct ClientOptions: Sendable {
    /// How long one HTTP exchange may take (default 10 s). Transports get it as `WireRequest.timeout`; the client
    /// also gives up on a transport that overruns it by a quarter (at most 2 s).
    public var timeout: Duration
    /// Milliseconds since 1970; replaceable (tests, a corrected clock).
    public var clock: @Sendable () -> Int64
    /// Receive window for signed requests in milliseconds, overriding the profile's default. Decimal places
    /// (microseconds: `"5000.123"`) only where the venue takes them; checked against the venue's maximum.
    public var recvWindow: ExactDecimal?
    /// Asks the venue for response time fields in this unit (Binance: `X-MBX-TIME-UNIT`). nil (the default)
    /// sends no header: the venue's default, milliseconds. Setting it on a venue without such a header makes
    /// every request fail with `RequestValidationError`. `setServerTimeOffset(serverTime:)` still takes
    /// milliseconds.
    public var timeUnit: TimeUnit?
    /// How often a GET is retried after a 5XX, timeout or lost connection (default 0). Other methods never are.
    public var maxIdempotentRetries: Int
    /// Pause before retry n (multiplied by n; default 200 ms).
    public var retryBackoff: Duration
    /// An opt-in client-side weight limiter.
    public var rateLimiter: WeightLimiter?
    /// Where to log exchanges; signatures, API keys and tokens are redacted.
    public var logger: Logger?
    /// A `User-Agent` header value.
    public var userAgent: String?
    /// Whether requests are checked against the spec before sending (default `.beforeSend`); `send` and every
    /// generated method take a per-call override.
    public var validation: Validation

    /// Whether the client checks a request against the spec before sending it.
    public enum Validation: Sendable, Hashable {
        /// Refuse a request that breaks the spec's parameter rules, mis-cases an enum value, exceeds the receive
        /// window limit or (with `exchangeFilters`) breaks a trading filter, with a `RequestValidationError` listing
        /// every problem. The default.
        case beforeSend
        /// Send the request as built, for when the venue has relaxed a rule the spec still states. Missing
        /// credentials and path parameters are still errors: without them there is no request to send.
        case off
    }
    /// What to do when a response differs from the spec (unknown fields, unknown enum values, missing fields,
    /// other JSON types): log each difference once (default), hand reports to a closure, or check nothing.
    /// See docs/decoding.md.
    public var driftReporting: DriftReporting
    /// Your own pipeline steps (tracing, metrics, custom headers), run in this order once per attempt, after the
    /// request is signed and before it is logged and sent. See ``RequestStep``.
    public var steps: [any RequestStep]
    /// After the venue refuses a request's timestamp (Binance -1021), ask the server for its time and resend once
    /// (default true; needs the spec's `auth.timestamp.sync`). Safe for orders: the venue refused before executing.
    public var resyncsClockOnRejection: Bool
    /// Ask the server for its time before a request when the last sync is older than this (default nil: never).
    public var clockResyncInterval: Duration?
    /// The venue's trading filters (tick and step sizes, notional bounds…); when set, validation before sending
    /// also refuses an order that breaks one, with the venue's filter-failure message. Default `nil`: no check.
    /// See docs/filters.md.
    public var exchangeFilters: ExchangeFilters?

    /// Creates options; every argument has a default.
    public init(
        timeout: Duration = .seconds(10),
        clock: @escaping @Sendable () -> Int64 = ClientOptions.systemClock,
        recvWindow: ExactDecimal? = nil,
        timeUnit: TimeUnit? = nil,
        maxIdempotentRetries: Int = 0,
        retryBackoff: Duration = .milliseconds(200),
        rateLimiter: WeightLimiter? = nil,
        logger: Logger? = nil,
        userAgent: String? = nil,
        validation: Validation = .beforeSend,
        driftReporting: DriftReporting = .log,
        steps: [any RequestStep] = [],
        resyncsClockOnRejection: Bool = true,
        clockResyncInterval: Duration? = nil,
        exchangeFilters: ExchangeFilters? = nil
    ) {
        self.timeout = timeout
        self.clock = clock
        self.recvWindow = recvWindow
        self.timeUnit = timeUnit
        self.maxIdempotentRetries = maxIdempotentRetries
        self.retryBackoff = retryBackoff
        self.rateLimiter = rateLimiter
        self.logger = logger
        self.userAgent = userAgent
        self.validation = validation
        self.driftReporting = driftReporting
        self.steps = steps
        self.resyncsClockOnRejection = resyncsClockOnRejection
        self.clockResyncInterval = clockResyncInterval
        self.exchangeFilters = exchangeFilters
    }

    /// The system clock in milliseconds since 1970.
    public static let systemClock: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }
}
