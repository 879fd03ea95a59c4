import Foundation

/// An exact decimal number that keeps its wire text: `"0.00100000"` round-trips byte for byte.
///
/// - Accepted text: `[-+]?digits[.digits]?([eE][-+]?digits)?` and also a bare leading dot (`".5"`, `"-.5e3"`).
///   Rejected: `""`, `"abc"`, `"1."`, `"1.2.3"`, whitespace, `NaN`, `inf`, hex, and magnitudes outside
///   `Foundation.Decimal`'s range (below 1e-128 or above ~3.4e165).
/// - Equality, hashing and ordering use the numeric value: `"1.0" == "1.00"`, `"-0" == "0"`; ``text`` still
///   tells them apart.
/// - Codable: encodes as a JSON string of ``text``. Decodes from a JSON string (text kept exactly) or from a JSON
///   number. `JSONDecoder` does not expose a number's text, so numbers go through `Decimal`: integers and digits
///   stay exact, but the spelling is normalised (`1.50` → `"1.5"`, `1e-8` → `"0.00000001"`).
/// - `ExactDecimal("1.5")` with a literal argument is literal coercion (SE-0213), not the failable init: it traps
///   on bad text like any literal. Pass a `String` value to get `nil` instead.
public struct ExactDecimal: Sendable {
    /// The exact wire text.
    public let text: String

    /// Parses decimal text; `nil` if it is not a decimal in the accepted grammar.
    public init?(_ text: String) {
        guard Scan(text) != nil else { return nil }
        self.text = text
    }

    /// Text already checked with ``Scan``.
    init(checked text: String) {
        self.text = text
    }

    /// The value of a finite `Decimal`, spelled as `Decimal.description` spells it. Traps on NaN.
    public init(_ value: Decimal) {
        precondition(!value.isNaN, "ExactDecimal cannot hold Decimal.nan")
        self.text = value.description
    }

    /// The value of an integer, exactly.
    public init(_ value: Int64) {
        self.text = String(value)
    }

    /// The value as a `Foundation.Decimal`: exact up to 38 significant digits, truncated beyond.
    public var decimal: Decimal {
        let key = Key(text)
        guard !key.digits.isEmpty else { return Decimal.zero }
        var digits = key.digits
        var exponent = key.exponent
        if exponent < -128 {  // Decimal's smallest exponent: drop the digits it cannot hold.
            digits.removeLast(min(-128 - exponent, digits.count - 1))
            exponent = -128
        } else if exponent > 127 {  // Decimal's largest exponent: move the excess into the significand.
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent - 127))
            exponent = 127
        }
        let literal = (key.negative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "E" + String(exponent)
        return Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")) ?? Decimal.nan
    }
}

extension ExactDecimal: Hashable, Comparable {
    /// Numeric equality: `"1.0" == "1.00"`.
    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.text == rhs.text || Key(lhs.text) == Key(rhs.text)
    }

    /// Hashes the numeric value, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(Key(text))
    }

    /// Numeric order, exact for any number of digits.
    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        Key(lhs.text).isLess(than: Key(rhs.text))
    }
}

extension ExactDecimal: CustomStringConvertible, LosslessStringConvertible {
    /// The exact wire text.
    public var description: String { text }
}

extension ExactDecimal: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A decimal literal such as `"0.001"`; anything else is a programmer error and traps.
    public init(stringLiteral value: String) {
        guard let parsed = ExactDecimal(value) else {
            preconditionFailure("ExactDecimal: \"\(value)\" is not a decimal literal")
        }
        self = parsed
    }

    /// An integer literal, exactly.
    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}

extension ExactDecimal: Codable {
    /// Decodes a JSON string (kept exactly) or a JSON number (via `Decimal`, see the type's notes).
    public init(from decoder: any Decoder) throws {
        if let tape = decoder as? TapeDecoder, let text = tape.decimalText() {  // the client's decoder, valid text
            self.init(checked: text)
            return
        }
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            guard let value = ExactDecimal(string) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(string)\" is not a decimal number")
            }
            self = value
        } else {
            let number = try container.decode(Decimal.self)
            guard !number.isNaN else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "NaN is not a decimal")
            }
            self.init(number)
        }
    }

    /// Encodes ``text`` as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

// MARK: - Parsing

/// One pass over the text: validates it and locates the significant digits, without allocating.
struct Scan {
    var negative = false
    /// Positions (in the digit stream: integer digits then fraction digits) of the first and last non-zero digit.
    var first = -1, last = -1
    var digitCount = 0, fractionCount = 0, exponentLiteral = 0

    init?(_ text: String) {
        var text = text
        guard let scan = text.withUTF8({ Scan(utf8: $0) }) else { return nil }
        self = scan
    }

    /// Scans UTF-8 bytes: a string's or, when decoding, a JSON string's content straight from the document.
    init?(utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        func peek() -> UInt8? { index < utf8.count ? utf8[index] : nil }
        if let sign = peek(), sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            index += 1
        }
        let integerCount = takeDigits(utf8, &index)
        if peek() == UInt8(ascii: ".") {
            index += 1
            fractionCount = takeDigits(utf8, &index)
            guard fractionCount > 0 else { return nil }  // "1." is rejected
        }
        guard integerCount + fractionCount > 0 else { return nil }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if let sign = peek(), sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                exponentNegative = sign == UInt8(ascii: "-")
                index += 1
            }
            var count = 0
            while let byte = peek(), byte &- UInt8(ascii: "0") < 10 {
                exponentLiteral = exponentLiteral * 10 + Int(byte &- UInt8(ascii: "0"))
                guard exponentLiteral < 1_000_000 else { return nil }
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            if exponentNegative { exponentLiteral = -exponentLiteral }
        }
        guard index == utf8.count else { return nil }
        if first >= 0 {  // Non-zero: stay within Decimal's range (adjusted exponent -128 ... 165).
            let adjusted = exponentLiteral - fractionCount + (digitCount - 1 - first)
            guard (-128...165).contains(adjusted) else { return nil }
        }
    }

    private mutating func takeDigits(_ utf8: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int {
        var count = 0
        while index < utf8.count, utf8[index] &- UInt8(ascii: "0") < 10 {
            if utf8[index] != UInt8(ascii: "0") {
                if first < 0 { first = digitCount }
                last = digitCount
            }
            digitCount += 1
            count += 1
            index += 1
        }
        return count
    }
}

/// The normalised value: `±digits × 10^exponent`, digits without leading or trailing zeros; zero has no digits.
struct Key: Hashable {
    var negative = false
    var digits: [UInt8] = []
    var exponent = 0

    /// Only called on text that was validated at init.
    init(_ text: String) {
        guard let scan = Scan(text), scan.first >= 0 else { return }
        negative = scan.negative
        digits.reserveCapacity(scan.last - scan.first + 1)
        var position = 0
        for byte in text.utf8 where byte &- UInt8(ascii: "0") < 10 {
            if position >= scan.first && position <= scan.last { digits.append(byte) }
            position += 1
            if position > scan.last { break }
        }
        exponent = scan.exponentLiteral - scan.fractionCount + (scan.digitCount - 1 - scan.last)
    }

    func isLess(than other: Key) -> Bool {
        let (lhsSign, rhsSign) = (signum, other.signum)
        if lhsSign != rhsSign { return lhsSign < rhsSign }
        if lhsSign == 0 { return false }
        let magnitudeLess: Bool
        let (lhsAdjusted, rhsAdjusted) = (exponent + digits.count, other.exponent + other.digits.count)
        if lhsAdjusted != rhsAdjusted {
            magnitudeLess = lhsAdjusted < rhsAdjusted
        } else if digits == other.digits {
            return false
        } else {
            magnitudeLess = digits.lexicographicallyPrecedes(other.digits)
        }
        return negative ? !magnitudeLess : magnitudeLess
    }

    private var signum: Int { digits.isEmpty ? 0 : (negative ? -1 : 1) }
}

extension ExactDecimal {
    /// Decimal places the value needs: 0 for `"5000"` and `"5e3"`, 3 for `"5000.123"` and `"5000.1230"`.
    var scale: Int { max(0, -Key(text).exponent) }
}
