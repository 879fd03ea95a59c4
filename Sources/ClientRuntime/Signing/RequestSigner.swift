/// Computes a signature over exact bytes; returns the text exactly as it must be put on the wire.
public protocol RequestSigner: Sendable {
    /// The signature of `payload` (the exact bytes sent), encoded for the wire.
    func signature(for payload: [UInt8]) throws -> String
}

/// Signs the payload ``SortedPartsAuthenticator`` builds from a request's parts (method, path, query string, body,
/// timestamp) into a header value (DFX: ``DFXSigner``). A protocol of its own so that a DFX client cannot be given
/// a Binance signer, nor a Binance client a DFX one.
public protocol RequestPartsSigner: Sendable {
    /// The signature header's value for `payload`.
    func signature(for payload: [UInt8]) throws -> String
}

/// A key that cannot be loaded or a signature that cannot be made. The message never contains key material.
public struct SigningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed.
    public enum Reason: Sendable, Hashable {
        /// The key text is not a private key of the expected kind and format.
        case invalidKey
        /// The crypto library refused to sign.
        case signingFailed
    }

    /// What failed.
    public let reason: Reason
    /// A readable explanation, e.g. `invalid PEM for RSA key: …`.
    public let message: String

    /// An error with a message that must not contain key material.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// `invalid PEM for <algorithm> key: expected <expected>, found <the PEM block type, never its contents>`.
    static func invalidPEM(for algorithm: String, expected: String, pem: String) -> SigningError {
        SigningError(.invalidKey, "invalid PEM for \(algorithm) key: expected \(expected), found \(pemBlockType(pem))")
    }

    /// The type named on the first `-----BEGIN …-----` line, if it looks like a PEM type; nothing else of the text.
    private static func pemBlockType(_ pem: String) -> String {
        guard let begin = pem.range(of: "-----BEGIN "),
            let end = pem.range(of: "-----", range: begin.upperBound..<pem.endIndex)
        else { return "no PEM block" }
        let type = pem[begin.upperBound..<end.lowerBound]
        let plausible = type.count <= 40 && type.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == " ") }
        return plausible ? "a '\(type)' block that does not hold one" : "an unreadable PEM block"
    }
}
