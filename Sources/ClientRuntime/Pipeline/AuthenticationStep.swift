import HTTPTypes

/// Builds the wire request and signs it (or adds the API key and token) as the endpoint's security demands.
public struct AuthenticationStep: RequestStep {
    let builder: RequestBuilder
    let credentials: Credentials
    /// What every request's description masks, the API key included.
    let redactions: Redactions
    /// The API key's header field, checked once.
    let apiKeyField: HTTPField?

    init(builder: RequestBuilder, credentials: Credentials) {
        self.builder = builder
        self.credentials = credentials
        redactions = builder.redactions(for: credentials)
        apiKeyField = builder.apiKeyField(for: credentials)
    }

    public func handle(_ request: OutgoingRequest, context: RequestContext, next: Next) async throws -> WireResponse {
        var request = request
        request.http = try sign(request, context)
        return try await next(request, context)
    }

    /// The exact bytes to send for `request`.
    func sign(_ request: OutgoingRequest, _ context: RequestContext) throws -> WireRequest {
        let inputs = RequestBuilder.Context(
            credentials: credentials, timestamp: request.timestamp, bearerToken: request.bearerToken,
            checksRecvWindow: context.validates, redactions: redactions, apiKeyField: apiKeyField)
        return try builder.build(context.endpoint, request.parameters, inputs)
    }
}
