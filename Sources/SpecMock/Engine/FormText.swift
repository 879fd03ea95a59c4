/// Reads `a=1&b=2` text (query strings, form bodies) into decoded pairs, strictly: a malformed escape (`%ZZ`),
/// bytes that are not UTF-8 (`%C3%28`) or a control character (`%00`) refuse the request, as Binance does (-1100).
enum FormText {
    /// What a decoded name or value may hold, for the refusal's message.
    static let legalRange = "percent-encoded UTF-8 text without control characters"

    /// The pairs in order (a name without `=` has an empty value), or the refusal for the first malformed one.
    static func pairs<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Result<[(name: String, value: String)], Rejection> {
        var result: [(name: String, value: String)] = []
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let eq = pair.firstIndex(of: UInt8(ascii: "="))
            let rawName = pair[..<(eq ?? pair.endIndex)]
            guard let name = decode(rawName) else {
                return .failure(.malformedValue(String(decoding: rawName, as: UTF8.self), expected: legalRange))
            }
            guard let value = eq.map({ decode(pair[pair.index(after: $0)...]) }) ?? "" else {
                return .failure(.malformedValue(name, expected: legalRange))
            }
            result.append((name, value))
        }
        return .success(result)
    }

    /// Removes the pair named `name` (first occurrence), keeping every other byte as sent; returns its raw value.
    static func removing(_ name: String, from text: String) -> (rest: String, value: String?) {
        var parts = text.split(separator: "&", omittingEmptySubsequences: false).map(String.init)
        guard let index = parts.firstIndex(where: { decode(($0.split(separator: "=", maxSplits: 1).first ?? "").utf8) == name })
        else { return (text, nil) }
        let pair = parts.remove(at: index)
        let value = pair.firstIndex(of: "=").map { String(pair[pair.index(after: $0)...]) } ?? ""
        return (parts.joined(separator: "&"), value)
    }

    /// Percent-decoding (with `+` as a space in form encoding); nil for a malformed escape, bytes that are not
    /// UTF-8, or a control character.
    static func decode<Bytes: Collection<UInt8>>(_ text: Bytes, plusIsSpace: Bool = true) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var index = text.startIndex
        while index != text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "%") {
                let first = text.index(after: index)
                guard first != text.endIndex, let high = hexValue(text[first]) else { return nil }
                let second = text.index(after: first)
                guard second != text.endIndex, let low = hexValue(text[second]) else { return nil }
                bytes.append(high << 4 | low)
                index = second
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            }
            index = text.index(after: index)
        }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
