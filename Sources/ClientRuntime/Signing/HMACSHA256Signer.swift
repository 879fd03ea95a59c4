import Crypto

/// HMAC-SHA256 of the payload, as lowercase hex (Binance, Binance JEX).
public struct HMACSHA256Signer: RequestSigner {
    /// Keyed once; each call copies it, which skips re-deriving the key pads.
    private let keyed: HMAC<SHA256>

    /// A signer keyed with the UTF-8 bytes of `secret`.
    public init(secret: Secret) {
        keyed = secret.withValue { HMAC<SHA256>(key: SymmetricKey(data: Array($0.utf8))) }
    }

    /// The lowercase hex HMAC-SHA256 of `payload`.
    public func signature(for payload: [UInt8]) -> String {
        var mac = keyed
        mac.update(data: payload)
        return mac.finalize().withUnsafeBytes { SignatureEncoding.lowercaseHex($0) }
    }
}
