/// RFC 3986 percent-encoding: unreserved characters (`A–Z a–z 0–9 - . _ ~`) kept, every other UTF-8 byte
/// written as `%XX` with upper-case hex — the form Binance's signature examples use.
enum PercentEncoding {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text`, also keeping the bytes in `keep`; returns `text` itself when nothing needs escaping.
    static func encode(_ text: String, keeping keep: Set<UInt8> = []) -> String {
        if text.utf8.allSatisfy({ isUnreserved($0) || (!keep.isEmpty && keep.contains($0)) }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out, keeping: keep)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the encoding of `text` to `out`.
    static func append(_ text: String, to out: inout [UInt8], keeping keep: Set<UInt8> = []) {
        for byte in text.utf8 {
            if isUnreserved(byte) || (!keep.isEmpty && keep.contains(byte)) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
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

    /// The percent-encoded form for a query string or form body; nil for `null` (omitted).
    /// A comma-style array keeps its separating commas literal (they are sub-delimiters, legal in a query).
    var encodedText: String? {
        switch self {
        case .null:
            nil
        case .array(let items, .comma):
            items.compactMap(\.plainText).map { PercentEncoding.encode($0) }.joined(separator: ",")
        default:
            plainText.map { PercentEncoding.encode($0) }
        }
    }
}
