import Crypto
import Foundation

/// DFX's scheme: Ed25519 over `body=…&method=…&param=…&path=…&timestamp=…`, sent in the `EXCHANGE-API-SIGN` header.
///
/// Encoding: standard base64 with padding, not percent-encoded (it goes in a header). DFX's published examples
/// (the Java `SignatureExample` in the "Authentication" page of dfxlabs.github.io) end with
/// `Base64.getEncoder().encodeToString(signatureBytes)` and put that string into `EXCHANGE-API-SIGN`. The copy in
/// `docs/dfx/3-authentication.md` leaves those samples out; its "Signature is not case sensitive" is a line carried
/// over from Binance's HMAC docs and does not fit Ed25519. The encoding is decided in `encode(_:)` only.
public struct DFXSigner: RequestPartsSigner {
    private let key: Curve25519.Signing.PrivateKey

    /// Loads an unencrypted Ed25519 private key from PKCS#8 PEM (`BEGIN PRIVATE KEY`).
    /// Throws ``SigningError`` naming the problem, never the key.
    public init(privateKeyPEM: Secret) throws {
        key = try Ed25519Signer.loadKey(privateKeyPEM)
    }

    /// The text DFX signs: the parts sorted by name (`body`, `method`, `param`, `path`, `timestamp`), each as
    /// `name=value` with the value exactly as sent, joined by `&`; parts with an empty value are left out.
    /// `query` is the query string without `?`; `timestamp` is the `EXCHANGE-API-TIMESTAMP` header, in milliseconds.
    /// (``SortedPartsAuthenticator`` builds it; this is the same text.)
    public static func payload(method: String, path: String, query: String, body: String, timestamp: Int64) -> String {
        SortedPartsAuthenticator.payloadText(
            UnsignedRequest(method: method, path: path, query: query, body: body, timestamp: String(timestamp)))
    }

    /// The `EXCHANGE-API-SIGN` header value for `payload` (``SortedPartsAuthenticator/payload(of:)``).
    public func signature(for payload: [UInt8]) throws -> String {
        Self.encode(try Ed25519Signer.sign(payload, with: key))
    }

    /// The one place that decides how DFX signatures are written: standard padded base64.
    static func encode(_ signature: Data) -> String {
        signature.base64EncodedString()
    }
}
