/// RFC 3986 percent-encoding: unreserved characters (`A–Z a–z 0–9 - . _ ~`) kept, every other UTF-8 byte
/// written as `%XX` with upper-case hex — the form Binance's signature examples use.
enum PercentEncoding {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text` (also keeping `%` when `keepsPercent`); returns `text` itself when nothing needs escaping.
    static func encode(_ text: String, keepsPercent: Bool = false) -> String {
        if isLiteral(text, keepsPercent: keepsPercent) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out, keepsPercent: keepsPercent)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the encoding of `text` to `out`, copying each run of literal bytes at once.
    static func append(_ text: String, to out: inout [UInt8], keepsPercent: Bool = false) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &out, keepsPercent: keepsPercent) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { append($0, to: &out, keepsPercent: keepsPercent) } }
    }

    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], keepsPercent: Bool) {
        var start = 0
        for index in bytes.indices where !keeps(bytes[index], keepsPercent) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            out.append(UInt8(ascii: "%"))
            out.append(hex[Int(bytes[index] >> 4)])
            out.append(hex[Int(bytes[index] & 0x0F)])
            start = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// Whether every byte of `text` stays literal.
    static func isLiteral(_ text: String, keepsPercent: Bool = false) -> Bool {
        let literal = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where !keeps(byte, keepsPercent) { return false }
            return true
        }
        return literal ?? text.utf8.allSatisfy { keeps($0, keepsPercent) }
    }

    /// Unreserved characters (`A–Z a–z 0–9 - . _ ~`), and `%` when `keepsPercent`.
    @inline(__always) private static func keeps(_ byte: UInt8, _ keepsPercent: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        case UInt8(ascii: "%"):
            keepsPercent
        default:
            false
        }
    }
}

extension ParameterValue {
    /// The unencoded text of a scalar (nil for `null`); arrays as their query form before encoding.
    var plainText: String? {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .decimal(let decimal): decimal.text
        case .bool(let flag): flag ? "true" : "false"
        case .timestamp(let time): time.text
        case .null: nil
        case .array(_, .json): JSONText.value(self)
        case .array(let items, .comma): items.compactMap(\.plainText).joined(separator: ",")
        }
    }

    /// Whether this is an explicit JSON `null`.
    var isNull: Bool {
        if case .null = self { true } else { false }
    }

    /// Appends the percent-encoded form for a query string or form body (nothing for `null`, which callers omit).
    /// A comma-style array keeps its separating commas literal (sub-delimiters, legal in a query).
    func appendEncoded(to out: inout [UInt8]) {
        switch self {
        case .null:
            break
        case .int(let number):
            number.appendDecimal(to: &out)
        case .bool(let flag):
            out.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .string(let text):
            PercentEncoding.append(text, to: &out)
        case .decimal(let decimal):
            PercentEncoding.append(decimal.text, to: &out)
        case .array(let items, .comma):
            for (index, text) in items.compactMap(\.plainText).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                PercentEncoding.append(text, to: &out)
            }
        case .timestamp, .array(_, .json):
            PercentEncoding.append(plainText ?? "", to: &out)
        }
    }
}

extension Int64 {
    /// Appends the decimal digits (and a leading `-`), without making a `String` first.
    func appendDecimal(to out: inout [UInt8]) {
        withDecimalText { out.append(contentsOf: $0) }
    }

    /// The decimal text, built without the generic integer printing (a short one is a small string: no allocation).
    var decimalText: String {
        withDecimalText { text in
            String(unsafeUninitializedCapacity: text.count) {
                _ = $0.initialize(fromContentsOf: text); return text.count
            }
        }
    }

    /// Calls `body` with the decimal text's bytes (a leading `-`, then 1–19 digits), written on the stack.
    private func withDecimalText<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        var magnitude = magnitude
        var text: (UInt64, UInt64, UInt64) = (0, 0, 0)  // a sign and 19 digits at most, one per byte
        return withUnsafeMutableBytes(of: &text) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if self < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return body(UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }
}
