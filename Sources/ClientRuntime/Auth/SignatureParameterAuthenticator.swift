/// Binance and JEX: the signature of the query string followed by the body, sent as one more parameter
/// (`signature=…`) where the signed bytes travel. Credentials: ``Credentials/signed(apiKey:signer:)``.
public struct SignatureParameterAuthenticator: SigningAuthenticator {
    /// The parameter's name (`signature`).
    public let parameterName: String
    /// The name as written on the wire.
    private let wireName: String

    /// Signs into the parameter `parameterName`.
    public init(parameter parameterName: String) {
        self.parameterName = parameterName
        wireName = PercentEncoding.encode(parameterName)
    }

    /// The parameter.
    public var signature: SignaturePlacement { .parameter(parameterName) }

    /// The query string then the body, with nothing between them.
    public func payload(of request: UnsignedRequest) -> [UInt8] {
        if request.bodyBytes.isEmpty { return request.queryBytes }
        if request.queryBytes.isEmpty { return request.bodyBytes }
        return request.queryBytes + request.bodyBytes
    }

    /// The signature parameter; anything the signer leaves outside the unreserved set is percent-encoded.
    public func authenticate(_ request: UnsignedRequest, credentials: Credentials, token: Secret?) throws -> Authentication {
        guard case .signed(_, let signer) = credentials else { throw AuthenticationError.wrongKind("a RequestSigner", credentials) }
        let signature = try signer.signature(for: payload(of: request))
        let wire = PercentEncoding.encode(signature, keepsPercent: true)
        return Authentication(parameter: (wireName, wire), secrets: wire == signature ? [signature] : [signature, wire])
    }
}
