import Foundation
import Logging

/// Sends an API's requests: builds and signs them, enforces timeouts, retries and rate limits, and maps
/// every answer to the response type or a typed error. `Failure` is the API's generated error catalog.
public final class APIClient<Failure: VenueError>: Sendable {
    /// The API's profile.
    public let profile: APIProfile
    /// The server all paths are relative to.
    public let baseURL: URL
    /// The options in force.
    public let options: ClientOptions
    private let reader: ResponseReader<Failure>
    private let clock: ServerClock
    private let counters = Locked(RateLimitState())
    private let authentication: AuthenticationStep
    private let tokens: TokenRefreshStep
    private let pipeline: RequestStep.Next

    /// Creates a client.
    public init(
        profile: APIProfile, baseURL: URL, credentials: Credentials, transport: any HTTPTransport,
        options: ClientOptions = .init()
    ) {
        self.profile = profile
        self.baseURL = baseURL
        self.options = options
        let builder = RequestBuilder(
            profile: profile, baseURL: baseURL, timeout: options.timeout, recvWindow: options.recvWindow,
            timeUnit: options.timeUnit, userAgent: options.userAgent)
        reader = ResponseReader(profile: profile, drift: DriftSink(options.driftReporting, logger: options.logger))
        clock = ServerClock(local: options.clock)
        authentication = AuthenticationStep(builder: builder, credentials: credentials)
        tokens = TokenRefreshStep(credentials: credentials)
        var steps: [any RequestStep] = [
            ValidationStep(),
            RetryStep(profile: profile, maxRetries: options.maxIdempotentRetries, backoff: options.retryBackoff),
            RateLimitStep(profile: profile, limiter: options.rateLimiter, counters: counters, clock: options.clock),
            tokens,
            TimeSyncStep(clock: clock, resync: ServerTimeFetch.resync(profile, baseURL, options, transport)),
            authentication,
        ]
        steps += options.steps
        if let logger = options.logger { steps.append(LoggingStep(logger: logger)) }
        pipeline = Pipeline.chain(steps, terminal: TransportStep(transport: transport).send)
    }

    /// The latest rate-limit counters from response headers (updated after every response, errors included).
    public var rateLimits: RateLimitState {
        counters.withLock { $0 }
    }

    /// The server-time offset in milliseconds added to `options.clock()` for timestamps.
    public var serverTimeOffset: Int64 {
        clock.offset
    }

    /// Keeps `offset = serverTime - clock()`, so timestamps follow the server's clock (prevents -1021).
    public func setServerTimeOffset(serverTime: Int64) {
        clock.sync(serverTime: serverTime)
    }

    /// The timestamp the next signed request would carry: `clock() + offset`.
    public func currentTimestamp() -> Int64 {
        clock.now()
    }

    /// The signed wire request `send` would send now, without sending it: validated, stamped, authenticated.
    /// For your own HTTP stack, audit logs and benchmarks. Fetches a bearer token for endpoints that need one.
    public func prepare<R: APIRequest>(_ request: R, validation: ClientOptions.Validation? = nil) async throws -> WireRequest {
        let validates = validates(validation)
        let endpoint = R.endpoint
        var outgoing = outgoing(for: request)
        if validates { try request.validate(outgoing.parameters, against: options.exchangeFilters) }
        if endpoint.security.bearer { outgoing.bearerToken = try await tokens.token(for: endpoint, forceRefresh: false) }
        return try authentication.sign(outgoing, RequestContext(endpoint: endpoint, validates: validates))
    }

    /// Sends `request` and decodes its response.
    ///
    /// Throws `RequestValidationError` (refused before sending), `Failure` (the venue's error body or a
    /// failed envelope), `RateLimitError`, `ExecutionUnknownError`, `HTTPStatusError`, `TransportError`,
    /// `ResponseDecodingError` or `CancellationError`. `validation` overrides `options.validation` for this call.
    public func send<R: APIRequest>(_ request: R, validation: ClientOptions.Validation? = nil) async throws -> R.Response {
        let (outgoing, context) = start(request, validation: validation)
        let response = try await pipeline(outgoing, context)
        if (200..<300).contains(response.status) {
            return try reader.decode(request, outgoing.parameters, response)
        }
        throw reader.failure(for: response, endpoint: R.endpoint.id, idempotent: R.endpoint.isIdempotent, now: options.clock())
    }

    private func start<R: APIRequest>(_ request: R, validation: ClientOptions.Validation?) -> (OutgoingRequest, RequestContext) {
        let context = RequestContext(
            endpoint: R.endpoint, validates: validates(validation),
            check: { [filters = options.exchangeFilters] in try request.validate($0, against: filters) })
        return (outgoing(for: request), context)
    }

    /// The request as the pipeline receives it: its parameters, their weight, stamped with the server-corrected time.
    private func outgoing<R: APIRequest>(for request: R) -> OutgoingRequest {
        let parameters = request.parameters
        return OutgoingRequest(parameters: parameters, weight: request.weight(for: parameters), timestamp: clock.now())
    }

    /// Whether a request is checked against the spec before sending: `validation`, else the client's option.
    private func validates(_ validation: ClientOptions.Validation?) -> Bool {
        (validation ?? options.validation) == .beforeSend
    }
}
