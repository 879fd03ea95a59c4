import Foundation

/// Reads the members of a top-level JSON object without decoding the values, so a member's raw bytes
/// (e.g. an envelope's `data`) can be handed on with every number's text intact.
enum JSONObjectScanner {
    /// A member's value as raw bytes.
    struct Member {
        let key: String
        let range: Range<Int>
    }

    /// The members of the object in `data`, or nil if `data` is not a JSON object.
    static func members(of data: Data) -> [Member]? {
        data.withUnsafeBytes { buffer in
            var cursor = JSONCursor(buffer)
            return cursor.scanMembers()
        }
    }
}

/// A cursor over JSON bytes with the few primitives the object scanner and the drift walker share. Nothing is
/// decoded unless asked for; a failed step returns nil or false and leaves the cursor somewhere inside the value.
struct JSONCursor {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The members of the object at the cursor, keys decoded and values as byte ranges.
    mutating func scanMembers() -> [JSONObjectScanner.Member]? {
        var members: [JSONObjectScanner.Member] = []
        let complete = forEachMember { cursor, key in
            guard let name = cursor.string(in: key) else { return false }
            let start = cursor.index
            guard cursor.skipValue() else { return false }
            members.append(JSONObjectScanner.Member(key: name, range: start..<cursor.index))
            return true
        }
        return complete ? members : nil
    }

    /// Calls `body` for each member of the object at the cursor, with the key's content range (between the
    /// quotes) and the cursor at the value, which `body` must consume. False if the JSON is malformed or
    /// `body` returned false.
    mutating func forEachMember(_ body: (inout JSONCursor, Range<Int>) -> Bool) -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { return false }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return true
        }
        while true {
            skipWhitespace()
            guard let key = skipString() else { return false }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            guard body(&self, key.content) else { return false }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return true
            default: return false
            }
        }
    }

    /// Calls `body` for each element of the array at the cursor, with its position; the cursor is at the
    /// element, which `body` must consume.
    mutating func forEachElement(_ body: (inout JSONCursor, Int) -> Bool) -> Bool {
        skipWhitespace()
        guard peek() == UInt8(ascii: "[") else { return false }
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return true
        }
        var position = 0
        while true {
            skipWhitespace()
            guard body(&self, position) else { return false }
            position += 1
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return true
            default: return false
            }
        }
    }

    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    /// Skips one value; true on success.
    mutating func skipValue() -> Bool {
        guard let first = peek() else { return false }
        switch first {
        case UInt8(ascii: "\""):
            return skipString() != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: "\""):
                    guard skipString() != nil else { return false }
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
            return skipToken() != nil
        }
    }

    /// Skips a number or literal (`true`, `null`): up to the next delimiter. Returns its range.
    mutating func skipToken() -> Range<Int>? {
        let start = index
        while let byte = peek(), !Self.isDelimiter(byte) { index += 1 }
        return index > start ? start..<index : nil
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
            || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Skips a string literal at the cursor; its content range (between the quotes) and whether it has escapes.
    mutating func skipString() -> (content: Range<Int>, escaped: Bool)? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
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
                return (start..<(index - 1), hasEscapes)
            }
        }
        return nil
    }

    /// The decoded text of a string whose content range is `content` (escapes resolved).
    func string(in content: Range<Int>) -> String? {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[content])
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        let literal = Data([UInt8(ascii: "\"")] + Array(raw) + [UInt8(ascii: "\"")])
        return try? JSONDecoder().decode(String.self, from: literal)
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
