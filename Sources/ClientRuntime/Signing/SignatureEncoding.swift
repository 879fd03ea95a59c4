/// Wire encodings shared by the signers.
enum SignatureEncoding {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lowercase hex, two characters per byte.
    static func lowercaseHex<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }
}
