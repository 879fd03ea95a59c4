/// OKX style: the signature of `timestamp + method + path (with `?query`) + body`, sent in a header with the
/// account's passphrase in another. Credentials: ``Credentials/passphraseSigned(apiKey:passphrase:signer:)``
/// (OKX: `HMACSHA256Signer(secret:encoding: .base64)`).
public struct TimestampMethodPathBodyAuthenticator: SigningAuthenticator {
    /// The signature header (`OK-ACCESS-SIGN`).
    public let headerName: String
    /// The passphrase header (`OK-ACCESS-PASSPHRASE`).
    public let passphraseHeader: String

    /// Signs into `header`; sends the passphrase in `passphraseHeader`.
    public init(header: String, passphraseHeader: String) {
        headerName = header
        self.passphraseHeader = passphraseHeader
    }

    /// The header.
    public var signature: SignaturePlacement { .header(headerName) }

    /// The timestamp, the uppercase method, the path with `?` and the query when there is one, then the body.
    public func payload(of request: UnsignedRequest) -> [UInt8] {
        let target = request.query.isEmpty ? request.path : request.path + "?" + request.query
        return Array((request.timestamp + request.method.uppercased() + target + request.body).utf8)
    }

    /// The signature and passphrase headers.
    public func authenticate(_ request: UnsignedRequest, credentials: Credentials, token: Secret?) throws -> Authentication {
        guard case .passphraseSigned(_, let passphrase, let signer) = credentials else {
            throw AuthenticationError.wrongKind("a RequestSigner with a passphrase", credentials)
        }
        let signature = try signer.signature(for: payload(of: request))
        return passphrase.withValue { phrase in
            Authentication(headers: [(headerName, signature), (passphraseHeader, phrase)], secrets: [signature, phrase])
        }
    }
}
