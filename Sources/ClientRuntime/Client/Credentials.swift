/// How the caller authenticates.
public enum Credentials: Sendable {
    /// No credentials: only open endpoints (and DFX MARKET, which needs only a timestamp).
    case none
    /// An API key alone (USER_STREAM-style endpoints).
    case apiKey(String)
    /// An API key and a signer whose signature travels as a parameter over the query and body bytes
    /// (Binance, JEX: HMAC-SHA256, RSA, Ed25519).
    case signed(apiKey: String, signer: any RequestSigner)
    /// An API key and a signer whose signature travels in a header over the request's parts (DFX: `DFXSigner`).
    case partsSigned(apiKey: String, signer: any RequestPartsSigner)
    /// An API key, a passphrase and a signer whose signature travels in a header (OKX style:
    /// ``TimestampMethodPathBodyAuthenticator``).
    case passphraseSigned(apiKey: String, passphrase: Secret, signer: any RequestSigner)
    /// A bearer token source (B2TRADER JWT).
    case bearer(any TokenProvider)

    /// The API key, if these credentials carry one.
    var apiKey: String? {
        switch self {
        case .apiKey(let key), .signed(let key, _), .partsSigned(let key, _), .passphraseSigned(let key, _, _): key
        case .none, .bearer: nil
        }
    }
}

/// Supplies bearer tokens. The client calls `token(forceRefresh: true)` once after a 401 and resends.
public protocol TokenProvider: Sendable {
    /// The current token; a fresh one when `forceRefresh` is true.
    func token(forceRefresh: Bool) async throws -> Secret
}

/// A fixed token that is never refreshed.
public struct StaticToken: TokenProvider {
    private let value: Secret

    /// Wraps `token`.
    public init(_ token: Secret) {
        value = token
    }

    /// The token.
    public func token(forceRefresh: Bool) async throws -> Secret {
        value
    }
}
