import Crypto
import Foundation
import _CryptoExtras

/// Ed25519 (Binance Ed25519 keys): base64, then percent-encoded (RFC 3986 unreserved characters kept), because
/// Binance takes the signature in the query string or form body.
public struct Ed25519Signer: RequestSigner {
    private let key: Curve25519.Signing.PrivateKey

    /// Loads an unencrypted Ed25519 private key from PKCS#8 PEM (`BEGIN PRIVATE KEY`).
    /// Throws ``SigningError`` naming the problem, never the key.
    public init(privateKeyPEM: Secret) throws {
        key = try Self.loadKey(privateKeyPEM)
    }

    /// The percent-encoded base64 Ed25519 signature of `payload`.
    public func signature(for payload: [UInt8]) throws -> String {
        PercentEncoding.encode(try Self.sign(payload, with: key).base64EncodedString())
    }

    /// Shared with ``DFXSigner``.
    static func loadKey(_ pem: Secret) throws -> Curve25519.Signing.PrivateKey {
        do {
            return try pem.withValue { try Curve25519.Signing.PrivateKey(pemRepresentation: $0.trimmingPEMWhitespace()) }
        } catch {
            throw pem.withValue {
                SigningError.invalidPEM(for: "Ed25519", expected: "an unencrypted PKCS#8 'PRIVATE KEY'", pem: $0)
            }
        }
    }

    /// The raw 64-byte signature.
    static func sign(_ payload: [UInt8], with key: Curve25519.Signing.PrivateKey) throws -> Data {
        do {
            return try key.signature(for: payload)
        } catch {
            throw SigningError(.signingFailed, "Ed25519 signing failed")
        }
    }
}
