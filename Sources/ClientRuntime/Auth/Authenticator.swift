/// Adds a request's credentials once the request is built: one type per signing scheme of the spec's `auth`
/// (``SignatureParameterAuthenticator``, ``SortedPartsAuthenticator``, ``TimestampMethodPathBodyAuthenticator``,
/// ``BearerAuthenticator``). The generated client's profile constructs the one its spec names.
public protocol Authenticator: Sendable {
    /// What to add to `request`, from `credentials` (and the bearer `token`, for bearer endpoints).
    /// Throws ``AuthenticationError`` when the credentials are not of the kind the scheme signs with.
    func authenticate(_ request: UnsignedRequest, credentials: Credentials, token: Secret?) throws -> Authentication
}

/// An authenticator that signs bytes derived from the request. The mock verifies signatures over the same bytes,
/// so ``payload(of:)`` is the one definition of what a scheme signs.
public protocol SigningAuthenticator: Authenticator {
    /// Where the signature travels.
    var signature: SignaturePlacement { get }
    /// The exact bytes the signature covers.
    func payload(of request: UnsignedRequest) -> [UInt8]
}

/// A request built and encoded but not yet signed: its parts exactly as they will be sent.
public struct UnsignedRequest: Sendable, Hashable {
    /// `GET`, `POST`, …
    public var method: String
    /// The path as sent, without the query.
    public var path: String
    /// The encoded query string's bytes, without `?`; empty for none.
    public var queryBytes: [UInt8]
    /// The encoded body's bytes; empty for none.
    public var bodyBytes: [UInt8]
    /// The timestamp exactly as sent (header or parameter text); empty when the request carries none.
    public var timestamp: String

    /// The encoded query string, without `?`; empty for none.
    public var query: String {
        get { String(decoding: queryBytes, as: UTF8.self) }
        set { queryBytes = Array(newValue.utf8) }
    }

    /// The encoded body; empty for none.
    public var body: String {
        get { String(decoding: bodyBytes, as: UTF8.self) }
        set { bodyBytes = Array(newValue.utf8) }
    }

    /// Creates the parts of a request.
    public init(method: String, path: String, query: String = "", body: String = "", timestamp: String = "") {
        self.init(method: method, path: path, queryBytes: Array(query.utf8), bodyBytes: Array(body.utf8), timestamp: timestamp)
    }

    /// Creates the parts of a request from the encoded bytes.
    public init(method: String, path: String, queryBytes: [UInt8], bodyBytes: [UInt8], timestamp: String = "") {
        self.method = method
        self.path = path
        self.queryBytes = queryBytes
        self.bodyBytes = bodyBytes
        self.timestamp = timestamp
    }
}

/// Where a signature travels.
public enum SignaturePlacement: Sendable, Hashable {
    /// A `name=value` parameter appended to the signed form body or query (Binance `signature`).
    case parameter(String)
    /// A header (DFX `EXCHANGE-API-SIGN`, OKX `OK-ACCESS-SIGN`).
    case header(String)
}

/// What an authenticator adds to a request.
public struct Authentication: Sendable {
    /// Headers to add, in order.
    public var headers: [(name: String, value: String)]
    /// A parameter to append where signatures travel; its value is wire text (percent-encoded).
    public var parameter: (name: String, value: String)?
    /// Values to hide from logs and recordings (signatures, tokens, passphrases).
    public var secrets: [String]

    /// Creates an authentication result.
    public init(headers: [(name: String, value: String)] = [], parameter: (name: String, value: String)? = nil, secrets: [String] = []) {
        self.headers = headers
        self.parameter = parameter
        self.secrets = secrets
    }
}

/// Credentials that do not fit the scheme, or none where the scheme needs some.
public struct AuthenticationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `the scheme signs with a RequestSigner; the client has bearer credentials`.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// The credentials are of another kind than `expected`.
    static func wrongKind(_ expected: String, _ credentials: Credentials) -> AuthenticationError {
        AuthenticationError("the scheme needs \(expected); the client has \(credentials.kindName)")
    }
}

extension Credentials {
    /// The case's name for error messages (never the key or secret).
    var kindName: String {
        switch self {
        case .none: "no credentials"
        case .apiKey: "an API key only"
        case .signed: "a RequestSigner"
        case .partsSigned: "a RequestPartsSigner"
        case .passphraseSigned: "a RequestSigner with a passphrase"
        case .bearer: "a bearer token provider"
        }
    }
}
