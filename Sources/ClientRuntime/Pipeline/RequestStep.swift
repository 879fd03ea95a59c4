/// One step of the path every request takes from `APIClient.send` to the transport and back, in the style of
/// swift-openapi-runtime's `ClientMiddleware`: a step may change the request, call `next` (the rest of the
/// pipeline) zero or more times, and inspect or replace the response.
///
/// The client runs its built-in steps in this order (outermost first): ``ValidationStep``, ``RetryStep``,
/// ``RateLimitStep``, ``TokenRefreshStep``, ``TimeSyncStep``, ``AuthenticationStep``, then the steps in
/// `ClientOptions.steps`, then ``LoggingStep`` and the transport. Your own steps therefore run once per attempt and
/// see the signed wire request in `request.http`; they are the place for tracing, metrics and custom headers
/// (headers are outside every venue's signature).
public protocol RequestStep: Sendable {
    /// The rest of the pipeline.
    typealias Next = @Sendable (OutgoingRequest, RequestContext) async throws -> WireResponse

    /// Handles `request`, usually by calling `next` with it (or a changed copy) and returning its response.
    func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse
}

/// A request on its way through the pipeline: what the caller asked for, plus what the steps add.
public struct OutgoingRequest: Sendable {
    /// The parameters in spec order (no signature or timestamp).
    public var parameters: Parameters
    /// The request weight, for the rate limiter.
    public var weight: Int
    /// Milliseconds since 1970 on the server's clock, stamped by ``TimeSyncStep`` for each attempt.
    public var timestamp: Int64
    /// The bearer token, for endpoints that need one (``TokenRefreshStep``).
    public var bearerToken: Secret?
    /// The signed wire request, set by ``AuthenticationStep``; what the transport sends.
    public var http: WireRequest?

    /// Creates a request that no step has touched yet.
    public init(parameters: Parameters, weight: Int, timestamp: Int64, bearerToken: Secret? = nil, http: WireRequest? = nil) {
        self.parameters = parameters
        self.weight = weight
        self.timestamp = timestamp
        self.bearerToken = bearerToken
        self.http = http
    }
}

/// What stays the same for one `send`, however often the steps retry.
public struct RequestContext: Sendable {
    /// The endpoint called.
    public let endpoint: Endpoint
    /// Whether the request is checked against the spec before sending.
    public let validates: Bool
    /// The request type's check of its parameters (the spec's rules).
    let check: @Sendable (Parameters) throws -> Void

    /// Creates a context; `check` throws `RequestValidationError` for parameters that break the spec's rules.
    public init(endpoint: Endpoint, validates: Bool = true, check: @escaping @Sendable (Parameters) throws -> Void = { _ in }) {
        self.endpoint = endpoint
        self.validates = validates
        self.check = check
    }
}

/// Steps joined into one function, the last one calling `terminal`.
enum Pipeline {
    static func chain(_ steps: [any RequestStep], terminal: @escaping RequestStep.Next) -> RequestStep.Next {
        steps.reversed().reduce(terminal) { next, step in
            { request, context in try await step.handle(request, context: context, next: next) }
        }
    }
}
