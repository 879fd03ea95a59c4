import HTTPTypes

/// Builds the wire request and signs it (or adds the API key and token) as the endpoint's security demands.
public struct AuthenticationStep: RequestStep {
    let builder: RequestBuilder
    /// The credentials with their redactions and API key field, computed once.
    let identity: RequestBuilder.Identity

    init(builder: RequestBuilder, credentials: Credentials) {
        self.builder = builder
        identity = RequestBuilder.Identity(credentials, builder)
    }

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
        var request = request
        request.http = try sign(request, context)
        return try await next(request, context)
    }

    /// The exact bytes to send for `request`.
    func sign(_ request: OutgoingRequest, _ context: RequestContext) throws -> WireRequest {
        let inputs = RequestBuilder.Context(
            identity: identity, timestamp: request.timestamp, bearerToken: request.bearerToken, checksRecvWindow: context.validates)
        return try builder.build(context.endpoint, request.parameters, inputs)
    }
}
