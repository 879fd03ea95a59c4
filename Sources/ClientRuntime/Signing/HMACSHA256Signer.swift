import Crypto
import Foundation

/// HMAC-SHA256 of the payload, as lowercase hex (Binance, Binance JEX) or standard padded base64 (OKX).
public struct HMACSHA256Signer: RequestSigner {
    /// How the MAC is written.
    public enum Encoding: Sendable, Hashable {
        /// Lowercase hex, 64 characters.
        case hex
        /// Standard base64 with padding, 44 characters.
        case base64
    }

    /// Keyed once; each call copies it, which skips re-deriving the key pads.
    private let keyed: HMAC<SHA256>
    private let encoding: Encoding

    /// A signer keyed with the UTF-8 bytes of `secret`, writing the MAC in `encoding`.
    public init(secret: Secret, encoding: Encoding = .hex) {
        keyed = secret.withValue { HMAC<SHA256>(key: SymmetricKey(data: Array($0.utf8))) }
        self.encoding = encoding
    }

    /// The HMAC-SHA256 of `payload`, in the signer's encoding.
    public func signature(for payload: [UInt8]) -> String {
        var mac = keyed
        payload.withUnsafeBytes { mac.update(data: $0) }
        return mac.finalize().withUnsafeBytes { bytes in
            switch encoding {
            case .hex: SignatureEncoding.lowercaseHex(bytes)
            case .base64: Data(bytes).base64EncodedString()
            }
        }
    }
}
