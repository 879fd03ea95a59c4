import Crypto
import Foundation
import _CryptoExtras

/// Fresh key pairs for trying signed endpoints against a mock: the private key for the client's signer, the
/// public key for `MockCredentials.publicKeyPEM`.
public enum MockKeys {
    /// A PEM key pair.
    public struct Pair: Sendable, Hashable {
        /// PKCS#8 `BEGIN PRIVATE KEY` PEM, for `Ed25519Signer`, `RSASigner` or `DFXSigner`.
        public let privateKeyPEM: String
        /// SPKI `BEGIN PUBLIC KEY` PEM, for the mock.
        public let publicKeyPEM: String
    }

    /// A new Ed25519 key pair (Binance Ed25519 keys, DFX).
    public static func ed25519() -> Pair {
        let key = Curve25519.Signing.PrivateKey()
        return Pair(privateKeyPEM: key.pemRepresentation, publicKeyPEM: key.publicKey.pemRepresentation)
    }

    /// A new 2048-bit RSA key pair (Binance RSA keys).
    public static func rsa() throws -> Pair {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        return Pair(privateKeyPEM: key.pemRepresentation, publicKeyPEM: key.publicKey.pemRepresentation)
    }

    /// A random HMAC secret of 64 letters and digits, like the venues issue.
    public static func hmacSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<64).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
