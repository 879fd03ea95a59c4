/// DFX: the signature of the request's parts sorted by name (`body`, `method`, `param`, `path`, `timestamp`), each as
/// `name=value`, joined by `&`, empty parts left out; sent in a header. Credentials:
/// ``Credentials/partsSigned(apiKey:signer:)``.
public struct SortedPartsAuthenticator: SigningAuthenticator {
    /// The signature header (`EXCHANGE-API-SIGN`).
    public let headerName: String

    /// Signs into the header `headerName`.
    public init(header headerName: String) {
        self.headerName = headerName
    }

    /// The header.
    public var signature: SignaturePlacement { .header(headerName) }

    /// `body=…&method=…&param=…&path=…&timestamp=…`, values exactly as sent, empty ones left out.
    public func payload(of request: UnsignedRequest) -> [UInt8] {
        Array(Self.payloadText(request).utf8)
    }

    /// The payload as text (the values are the wire's ASCII).
    static func payloadText(_ request: UnsignedRequest) -> String {
        [("body", request.body), ("method", request.method), ("param", request.query), ("path", request.path), ("timestamp", request.timestamp)]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// The signature header.
    public func authenticate(_ request: UnsignedRequest, credentials: Credentials, token: Secret?) throws -> Authentication {
        guard case .partsSigned(_, let signer) = credentials else {
            throw AuthenticationError.wrongKind("a RequestPartsSigner", credentials)
        }
        let signature = try signer.signature(for: payload(of: request))
        return Authentication(headers: [(headerName, signature)], secrets: [signature])
    }
}
