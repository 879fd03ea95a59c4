/// Retries an idempotent request (GET) after a timeout, a lost connection or a 5XX, pausing `backoff × n` before
/// retry n; turns the transport failures it does not retry into the client's typed errors. A non-idempotent request
/// that may have reached the venue becomes `ExecutionUnknownError`: the caller must check before placing it again.
public struct RetryStep: RequestStep {
    let profile: APIProfile
    let maxRetries: Int
    let backoff: Duration

    /// Creates the step.
    public init(profile: APIProfile, maxRetries: Int, backoff: Duration) {
        self.profile = profile
        self.maxRetries = maxRetries
        self.backoff = backoff
    }

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
        let endpoint = context.endpoint
        var attempt = 0
        while true {
            try Task.checkCancellation()
            let response: WireResponse
            do {
                response = try await next(request, context)
            } catch let failure as HTTPTransportFailure {
                guard Self.mayRetry(failure.kind), endpoint.isIdempotent, attempt < maxRetries else {
                    throw Self.error(for: failure, endpoint: endpoint)
                }
                attempt += 1
                try await Task.sleep(for: backoff * attempt)
                continue
            }
            if profile.meaning(of: response.status) == .executionUnknown, endpoint.isIdempotent, attempt < maxRetries {
                attempt += 1
                try await Task.sleep(for: backoff * attempt)
                continue
            }
            return response
        }
    }

    /// Whether a failure of this kind may be retried (for an idempotent request).
    static func mayRetry(_ kind: HTTPTransportFailure.Kind) -> Bool {
        kind == .timedOut || kind == .connectionLost
    }

    /// The error the caller sees for a transport failure that is not retried.
    static func error(for failure: HTTPTransportFailure, endpoint: Endpoint) -> any Error {
        switch failure.kind {
        case .timedOut, .connectionLost:
            if endpoint.isIdempotent { return TransportError(endpoint: endpoint.id, message: failure.message) }
            return ExecutionUnknownError(endpoint: endpoint.id, status: nil, reason: failure.message, orderMayExist: true)
        case .cancelled:
            if endpoint.isIdempotent { return CancellationError() }
            return ExecutionUnknownError(
                endpoint: endpoint.id, status: nil, reason: "cancelled while the request was in flight", orderMayExist: true)
        case .notSent, .other:
            return TransportError(endpoint: endpoint.id, message: failure.message)
        }
    }
}
