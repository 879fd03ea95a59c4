import Crypto
import Foundation
import _CryptoExtras

/// RSASSA-PKCS1-v1_5 with SHA-256 (Binance RSA keys): base64, then percent-encoded (RFC 3986 unreserved
/// characters kept) so it can go straight into a query string or form body.
public struct RSASigner: RequestSigner {
    private let key: _RSA.Signing.PrivateKey

    /// Loads an unencrypted RSA private key of at least 2048 bits from PKCS#8 (`BEGIN PRIVATE KEY`) or
    /// PKCS#1 (`BEGIN RSA PRIVATE KEY`) PEM. Throws ``SigningError`` naming the problem, never the key.
    public init(privateKeyPEM: Secret) throws {
        do {
            key = try privateKeyPEM.withValue { pem in
                try _RSA.Signing.PrivateKey(pemRepresentation: pem.trimmingPEMWhitespace())
            }
        } catch {
            throw privateKeyPEM.withValue { pem in
                SigningError.invalidPEM(
                    for: "RSA",
                    expected: "an unencrypted PKCS#8 'PRIVATE KEY' or PKCS#1 'RSA PRIVATE KEY' of at least 2048 bits",
                    pem: pem)
            }
        }
    }

    /// The percent-encoded base64 PKCS#1 v1.5 SHA-256 signature of `payload`.
    public func signature(for payload: [UInt8]) throws -> String {
        let signature: _RSA.Signing.RSASignature
        do {
            signature = try key.signature(for: SHA256.hash(data: payload), padding: .insecurePKCS1v1_5)
        } catch {
            throw SigningError(.signingFailed, "RSA signing failed")
        }
        return PercentEncoding.encode(signature.rawRepresentation.base64EncodedString())
    }
}

extension String {
    /// The PEM text without surrounding blank space (keys from environment variables often end in a newline).
    func trimmingPEMWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
