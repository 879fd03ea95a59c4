/// An unsigned 128-bit integer with checked arithmetic: every operation that could overflow returns `nil`.
///
/// The significand of ``ExactDecimal`` arithmetic (38 decimal digits). The standard library's `UInt128` needs
/// macOS 15, above this package's floor, so this is the small part of it that decimals need.
struct Magnitude128: Hashable, Comparable, Sendable {
    var high: UInt64
    var low: UInt64

    static let zero = Magnitude128(high: 0, low: 0)

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ value: UInt64) {
        self.init(high: 0, low: value)
    }

    var isZero: Bool { high == 0 && low == 0 }

    static func < (lhs: Magnitude128, rhs: Magnitude128) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    func adding(_ other: Magnitude128) -> Magnitude128? {
        let (sumLow, carry) = low.addingReportingOverflow(other.low)
        let (partialHigh, overflow1) = high.addingReportingOverflow(other.high)
        let (sumHigh, overflow2) = partialHigh.addingReportingOverflow(carry ? 1 : 0)
        return overflow1 || overflow2 ? nil : Magnitude128(high: sumHigh, low: sumLow)
    }

    /// `self - other`, or `nil` if `other` is larger.
    func subtracting(_ other: Magnitude128) -> Magnitude128? {
        other > self ? nil : wrappingSubtracting(other)
    }

    private func wrappingSubtracting(_ other: Magnitude128) -> Magnitude128 {
        let (differenceLow, borrow) = low.subtractingReportingOverflow(other.low)
        return Magnitude128(high: high &- other.high &- (borrow ? 1 : 0), low: differenceLow)
    }

    func multiplied(by other: Magnitude128) -> Magnitude128? {
        if high != 0 && other.high != 0 { return nil }
        let (carry, productLow) = low.multipliedFullWidth(by: other.low)
        let (crossA, overflowA) = high.multipliedReportingOverflow(by: other.low)
        let (crossB, overflowB) = low.multipliedReportingOverflow(by: other.high)
        let (cross, overflowC) = crossA.addingReportingOverflow(crossB)
        let (productHigh, overflowD) = carry.addingReportingOverflow(cross)
        if overflowA || overflowB || overflowC || overflowD { return nil }
        return Magnitude128(high: productHigh, low: productLow)
    }

    /// Quotient and remainder; `divisor` must not be zero (callers check).
    func quotientAndRemainder(dividingBy divisor: Magnitude128) -> (quotient: Magnitude128, remainder: Magnitude128) {
        precondition(!divisor.isZero, "Magnitude128: division by zero")
        if divisor.high == 0 {  // Two hardware divisions.
            let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor.low)
            let (lowQuotient, remainder) = divisor.low.dividingFullWidth((highRemainder, low))
            return (Magnitude128(high: highQuotient, low: lowQuotient), Magnitude128(remainder))
        }
        // Shift and subtract, one bit at a time; the quotient fits in 64 bits here.
        var quotient: UInt64 = 0
        var remainder = Magnitude128.zero
        for bit in (0..<128).reversed() {
            let carried = remainder.high >> 63 == 1
            remainder = Magnitude128(
                high: remainder.high << 1 | remainder.low >> 63, low: remainder.low << 1 | bitValue(at: bit))
            if carried || remainder >= divisor {
                remainder = remainder.wrappingSubtracting(divisor)
                if bit < 64 { quotient |= 1 << UInt64(bit) }
            }
        }
        return (Magnitude128(quotient), remainder)
    }

    private func bitValue(at bit: Int) -> UInt64 {
        bit >= 64 ? (high >> UInt64(bit - 64)) & 1 : (low >> UInt64(bit)) & 1
    }

    /// `10^exponent` for 0...38; `nil` above (it would not fit).
    static func powerOfTen(_ exponent: Int) -> Magnitude128? {
        guard exponent >= 0 else { return nil }
        var result = Magnitude128(1)
        for _ in 0..<exponent {
            guard let next = result.multiplied(by: Magnitude128(10)) else { return nil }
            result = next
        }
        return result
    }

    /// The decimal digits, without leading zeros (`"0"` for zero).
    var decimalDigits: String {
        let chunk = Magnitude128(10_000_000_000_000_000_000)  // 10^19, the largest power of ten in a UInt64
        var chunks: [UInt64] = []
        var rest = self
        repeat {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: chunk)
            chunks.append(remainder.low)
            rest = quotient
        } while !rest.isZero
        var text = String(chunks.removeLast())
        for part in chunks.reversed() {
            let digits = String(part)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}
