import ClientRuntime
import Crypto
import Foundation
import SpecModel
import _CryptoExtras

/// Verifies signatures with the mock's configured key: an HMAC secret, or an RSA or Ed25519 public key.
enum SignatureVerifier: Sendable {
    /// HMAC-SHA256 with the runtime's signer for this secret; a hex signature is compared case-insensitively (the
    /// docs say a signature is not case sensitive), a base64 one exactly.
    case hmac(HMACSHA256Signer, caseSensitive: Bool)
    /// RSASSA-PKCS1-v1_5 SHA-256; the signature is base64.
    case rsa(_RSA.Signing.PublicKey)
    /// Ed25519; the signature is base64.
    case ed25519(Curve25519.Signing.PublicKey)
    /// No key configured: any signature that is present passes.
    case acceptAny

    /// The verifier for the configured credentials; throws `MockError.invalidKey` for an unreadable public key.
    init(_ credentials: MockCredentials, encoding: Auth.Signing.Encoding = .hex) throws {
        if let pem = credentials.publicKeyPEM {
            let trimmed = pem.trimmingCharacters(in: .whitespacesAndNewlines)
            if let key = try? Curve25519.Signing.PublicKey(pemRepresentation: trimmed) {
                self = .ed25519(key)
            } else if let key = try? _RSA.Signing.PublicKey(pemRepresentation: trimmed) {
                self = .rsa(key)
            } else {
                throw MockError.invalidKey("the public key is neither an Ed25519 nor an RSA 'PUBLIC KEY' PEM")
            }
        } else if let secret = credentials.secret {
            let signer = HMACSHA256Signer(secret: Secret(secret), encoding: encoding == .base64 ? .base64 : .hex)
            self = .hmac(signer, caseSensitive: encoding == .base64)
        } else {
            self = .acceptAny
        }
    }

    /// Whether `signature` (decoded wire text: hex or base64) signs `payload`.
    func verify(_ signature: String, payload: [UInt8]) -> Bool {
        switch self {
        case .acceptAny:
            return !signature.isEmpty
        case let .hmac(signer, caseSensitive):
            return ConstantTime.equal(signer.signature(for: payload), caseSensitive ? signature : signature.lowercased())
        case let .rsa(key):
            guard let raw = Data(base64Encoded: signature) else { return false }
            let sig = _RSA.Signing.RSASignature(rawRepresentation: raw)
            return key.isValidSignature(sig, for: SHA256.hash(data: payload), padding: .insecurePKCS1v1_5)
        case let .ed25519(key):
            guard let raw = Data(base64Encoded: signature) else { return false }
            return key.isValidSignature(raw, for: payload)
        }
    }
}

/// Comparison whose time does not depend on where two secrets first differ.
enum ConstantTime {
    /// Whether `a` and `b` have the same UTF-8 bytes; looks at every byte of the longer one.
    static func equal(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count) | (left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let x = index < left.count ? left[index] : 0
            let y = index < right.count ? right[index] : 0
            difference |= x ^ y
        }
        return difference == 0
    }
}
