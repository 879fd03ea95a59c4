/// B2TRADER: `Authorization: Bearer <token>`. The token comes from ``Credentials/bearer(_:)``'s provider through
/// ``TokenRefreshStep`` (which also refreshes it once after a 401).
public struct BearerAuthenticator: Authenticator {
    /// The header (`Authorization`).
    public let headerName: String

    /// Sends the token in `header`.
    public init(header: String = "Authorization") {
        headerName = header
    }

    /// The bearer header.
    public func authenticate(_ request: UnsignedRequest, credentials: Credentials, token: Secret?) throws -> Authentication {
        guard let token else { throw AuthenticationError("endpoint needs a bearer token; the client has none") }
        return token.withValue { value in Authentication(headers: [(headerName, "Bearer \(value)")], secrets: [value]) }
    }
}
