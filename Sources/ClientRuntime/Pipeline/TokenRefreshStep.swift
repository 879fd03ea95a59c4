/// Adds the bearer token for endpoints that need one; after a 401, fetches a fresh token and resends once.
public struct TokenRefreshStep: RequestStep {
    let credentials: Credentials

    /// Creates the step.
    public init(credentials: Credentials) {
        self.credentials = credentials
    }

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
        guard context.endpoint.security.bearer else { return try await next(request, context) }
        var request = request
        request.bearerToken = try await token(for: context.endpoint, forceRefresh: false)
        let response = try await next(request, context)
        guard response.status == 401 else { return response }
        request.bearerToken = try await token(for: context.endpoint, forceRefresh: true)
        return try await next(request, context)
    }

    /// The provider's token; a `RequestValidationError` when the client has no token provider.
    func token(for endpoint: Endpoint, forceRefresh: Bool) async throws -> Secret {
        guard case .bearer(let provider) = credentials else {
            throw RequestValidationError(
                endpoint: endpoint.id, rule: "credentials", message: "endpoint needs a bearer token; the client has none")
        }
        return try await provider.token(forceRefresh: forceRefresh)
    }
}
