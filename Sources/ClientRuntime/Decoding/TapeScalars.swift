import Foundation

/// Strings and integers read straight from the document's bytes.
extension TapeDecoder {
    /// The value at `node` as a string: validated UTF-8, escapes resolved. `path` is only asked on an error.
    func string(at node: Int, _ path: () -> [any CodingKey]) throws -> String {
        let current = tape.nodes[node]
        let text: String?
        switch current.kind {
        case .string:
            text = tape.bytes.withUnsafeBufferPointer { bytes in
                Self.text(UnsafeBufferPointer(rebasing: bytes[Int(current.start)..<Int(current.end)]))
            }
        case .escapedString:
            text = Self.unescape(tape.bytes[Int(current.start)..<Int(current.end)])
        default:
            try expect(.string, String.self, at: node, path)
            text = nil
        }
        guard let text else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: path(), debugDescription: "The string is not valid UTF-8 or has an invalid \\u escape."))
        }
        return text
    }

    /// The UTF-8 text of `bytes`, nil when they are not valid UTF-8. ASCII, the usual case, skips the generic
    /// validating initializer (its metadata lookups cost more than the bytes).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The current value's text if it is a JSON string holding a valid decimal (checked on the document's bytes,
    /// so the text is copied once); nil for anything else, which `ExactDecimal` then decodes the general way.
    func decimalText() -> String? {
        let current = tape.nodes[node]
        guard current.kind == .string else { return nil }
        return tape.bytes.withUnsafeBufferPointer { bytes in
            let text = UnsafeBufferPointer(rebasing: bytes[Int(current.start)..<Int(current.end)])
            // Valid decimal text is ASCII, so it needs no UTF-8 repair.
            return Scan(utf8: text) != nil ? String(decoding: text, as: UTF8.self) : nil
        }
    }

    /// The value at `node` as an integer of type `T`. Plain integer text is read here; any other number
    /// (`1e3`, `2.0`) goes to JSONDecoder, which decides as it always has. Inlined so each type gets its own copy.
    @inline(__always)
    func integer<T: FixedWidthInteger & Decodable>(_ type: T.Type, at node: Int, _ path: () -> [any CodingKey]) throws -> T {
        switch try integerDigits(at: node, type, path) {
        case nil:
            return try foundationDecode(type, at: node, path)
        case let (negative, magnitude)?:
            // Every type here is at most 64 bits wide, so `T.max` fits in UInt64; |T.min| is T.max + 1.
            if !negative, magnitude <= UInt64(T.max) { return T(magnitude) }
            if negative, magnitude == 0 { return 0 }
            if negative, T.isSigned, magnitude - 1 <= UInt64(T.max) { return 0 &- T(magnitude - 1) &- 1 }
            throw notRepresentable(at: node, path)
        }
    }

    /// The sign and magnitude of plain integer text at `node`; nil for other number text (fraction, exponent).
    func integerDigits(at node: Int, _ type: Any.Type, _ path: () -> [any CodingKey]) throws -> (Bool, UInt64)? {
        let current = tape.nodes[node]
        guard current.kind == .number else {
            try expect(.number, type, at: node, path)
            return nil
        }
        return try tape.bytes.withUnsafeBufferPointer { bytes in
            var index = Int(current.start)
            let end = Int(current.end)
            let negative = bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            // Plain JSON integer text only: at least one digit, no leading zero. Anything else is JSONDecoder's.
            guard index < end, bytes[index] != UInt8(ascii: "0") || index + 1 == end else { return nil }
            var magnitude: UInt64 = 0
            while index < end {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                let (shifted, overflowShift) = magnitude.multipliedReportingOverflow(by: 10)
                let (next, overflowAdd) = shifted.addingReportingOverflow(UInt64(digit))
                guard !overflowShift, !overflowAdd else { throw notRepresentable(at: node, path) }
                magnitude = next
                index += 1
            }
            return (negative, magnitude)
        }
    }

    func notRepresentable(at node: Int, _ path: () -> [any CodingKey]) -> DecodingError {
        let current = tape.nodes[node]
        let text = String(decoding: tape.bytes[Int(current.start)..<Int(current.end)], as: UTF8.self)
        return DecodingError.dataCorrupted(
            DecodingError.Context(
                codingPath: path(), debugDescription: "Number \(text) is not representable in Swift."))
    }

    /// A string's content with its escapes resolved; nil on an unknown escape, a lone surrogate or invalid UTF-8.
    /// The tape has already checked that every `\u` has four hex digits.
    static func unescape(_ raw: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var index = raw.startIndex
        func hex4(_ at: Int) -> UInt16 {
            (at..<at + 4).reduce(0) { $0 << 4 | (JSONTape.hexValue(raw[$1]) ?? 0) }
        }
        while index < raw.endIndex {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = raw[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var unit = UInt32(hex4(index))
                index += 4
                if (0xD800..<0xDC00).contains(unit) {  // a high surrogate must be followed by a low one
                    guard index + 6 <= raw.endIndex, raw[index] == UInt8(ascii: "\\"), raw[index + 1] == UInt8(ascii: "u")
                    else { return nil }
                    let low = UInt32(hex4(index + 2))
                    guard (0xDC00..<0xE000).contains(low) else { return nil }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let scalar = Unicode.Scalar(unit) else { return nil }
                out.append(contentsOf: String(Character(scalar)).utf8)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
            default: return nil
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}
