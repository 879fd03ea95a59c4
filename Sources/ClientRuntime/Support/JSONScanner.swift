import Foundation

/// Reads the members of a top-level JSON object without decoding the values, so a member's raw bytes
/// (e.g. an envelope's `data`) can be handed on with every number's text intact.
struct JSONObjectScanner {
    /// A member's value as raw bytes.
    struct Member {
        let key: String
        let range: Range<Int>
    }

    private let bytes: [UInt8]
    private var index = 0

    /// The members of the object in `data`, or nil if `data` is not a JSON object.
    static func members(of data: Data) -> [Member]? {
        var scanner = JSONObjectScanner(bytes: Array(data))
        return scanner.scanObject()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func scanObject() -> [Member]? {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { return nil }
        index += 1
        var members: [Member] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { return members }
        while true {
            skipWhitespace()
            guard let key = scanString() else { return nil }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { return nil }
            index += 1
            skipWhitespace()
            let start = index
            guard skipValue() else { return nil }
            members.append(Member(key: key, range: start..<index))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): return members
            default: return nil
            }
        }
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    /// Skips one value; true on success.
    private mutating func skipValue() -> Bool {
        guard let first = peek() else { return false }
        switch first {
        case UInt8(ascii: "\""):
            return scanString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: "\""):
                    guard scanString() != nil else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default:
                    break
                }
                index += 1
            }
            return false
        default:
            // Number or literal: up to the next delimiter.
            let start = index
            while let byte = peek(), !Self.isDelimiter(byte) { index += 1 }
            return index > start
        }
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
            || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Scans a string literal at the cursor and returns its decoded text.
    private mutating func scanString() -> String? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        let start = index
        index += 1
        var escaped = false
        var hasEscapes = false
        while let byte = peek() {
            index += 1
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
                hasEscapes = true
            } else if byte == UInt8(ascii: "\"") {
                if !hasEscapes { return String(decoding: bytes[(start + 1)..<(index - 1)], as: UTF8.self) }
                return try? JSONDecoder().decode(String.self, from: Data(bytes[start..<index]))
            }
        }
        return nil
    }
}

extension JSONObjectScanner.Member {
    /// The value's text: a string's decoded content, or a number's / literal's raw text; nil for objects, arrays, null.
    func scalarText(in data: Data) -> String? {
        let raw = Data(data[data.startIndex + range.lowerBound..<data.startIndex + range.upperBound])
        guard let first = raw.first else { return nil }
        if first == UInt8(ascii: "\"") { return try? JSONDecoder().decode(String.self, from: raw) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return nil }
        let text = String(decoding: raw, as: UTF8.self)
        return text == "null" ? nil : text
    }

    /// The value's raw bytes.
    func rawValue(in data: Data) -> Data {
        Data(data[data.startIndex + range.lowerBound..<data.startIndex + range.upperBound])
    }
}

/// JSON text helpers for request bodies.
enum JSONText {
    /// `value` as a JSON string literal.
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(format: "%04x", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A parameter value as JSON: decimals and timestamps as strings of their text.
    static func value(_ value: ParameterValue) -> String {
        switch value {
        case .string(let text): string(text)
        case .int(let number): String(number)
        case .decimal(let decimal): string(decimal.text)
        case .bool(let flag): flag ? "true" : "false"
        case .timestamp(let time): string(time.text)
        case .null: "null"
        case .array(let items, _): "[" + items.map(Self.value).joined(separator: ",") + "]"
        }
    }
}
