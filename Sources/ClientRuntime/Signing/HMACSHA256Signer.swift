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

    /// SHA-256 states that have taken in the key's inner and outer pads (RFC 2104). Each call copies them, so the
    /// key is processed once, and hashes the payload through `update(bufferPointer:)`, which swift-crypto's
    /// generic `HMAC.update(data:)` reaches only through a `DataProtocol` walk of the bytes' regions.
    private final class Pads: Sendable {
        let inner: SHA256
        let outer: SHA256

        init(inner: SHA256, outer: SHA256) {
            self.inner = inner
            self.outer = outer
        }
    }

    /// Both states in one box: copying the signer (as credentials are copied) is one reference count.
    private let pads: Pads
    private let encoding: Encoding

    /// A signer keyed with the UTF-8 bytes of `secret`, writing the MAC in `encoding`.
    public init(secret: Secret, encoding: Encoding = .hex) {
        var key = secret.withValue { Array($0.utf8) }
        if key.count > SHA256.blockByteCount { key = Array(SHA256.hash(data: key)) }
        key += repeatElement(0, count: SHA256.blockByteCount - key.count)
        var inner = SHA256()
        var outer = SHA256()
        inner.update(data: key.map { $0 ^ 0x36 })
        outer.update(data: key.map { $0 ^ 0x5c })
        pads = Pads(inner: inner, outer: outer)
        self.encoding = encoding
    }

    /// The HMAC-SHA256 of `payload`, in the signer's encoding.
    public func signature(for payload: [UInt8]) -> String {
        var inner = pads.inner
        payload.withUnsafeBytes { inner.update(bufferPointer: $0) }
        var outer = pads.outer
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize().withUnsafeBytes { bytes in
            switch encoding {
            case .hex: SignatureEncoding.lowercaseHex(bytes)
            case .base64: Data(bytes).base64EncodedString()
            }
        }
    }
}
