/// Exact, checked arithmetic on ``ExactDecimal``: no rounding unless asked for, no overflow traps.
///
/// Values are computed as a 128-bit significand and a count of decimal places (up to 38 significant digits):
/// 18 decimal places with 20 integer digits fit. A result that does not fit throws
/// ``ExactDecimal/ArithmeticError/overflow(_:)`` instead of trapping or losing digits.
///
/// Spelling of results: sums and differences keep the most decimal places of their operands
/// (`"1.10" + "2.205"` → `"3.305"`, `"1.10" + "2.20"` → `"3.30"`); products have no trailing zeros
/// (`"0.0010" × "20.00"` → `"0.02"`); a rounded value has the increment's decimal places
/// (`"1.23456"` to `"0.0100"` → `"1.2300"`).
extension ExactDecimal {
    /// Why an arithmetic operation has no exact result.
    public enum ArithmeticError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The exact result (or an intermediate value) needs more than 38 significant digits.
        case overflow(String)
        /// The increment is zero or negative.
        case invalidIncrement(ExactDecimal)

        public var description: String {
            switch self {
            case .overflow(let operation): "\(operation): the exact result does not fit 38 digits"
            case .invalidIncrement(let increment): "increment \(increment) is not positive"
            }
        }
    }

    /// Whether the value is zero (`"0"`, `"-0.000"`).
    public var isZero: Bool { Key(text).digits.isEmpty }

    /// Whether the value is below zero (`"-0"` is not).
    public var isNegative: Bool {
        let key = Key(text)
        return key.negative && !key.digits.isEmpty
    }

    /// `self + other`, exactly.
    public func adding(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        let (lhs, rhs) = try FixedPoint.aligned(self, other, operation: "\(self) + \(other)")
        return try lhs.adding(rhs).spelled(places: max(textPlaces, other.textPlaces))
    }

    /// `self - other`, exactly.
    public func subtracting(_ other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        let (lhs, rhs) = try FixedPoint.aligned(self, other, operation: "\(self) - \(other)")
        return try lhs.adding(rhs.negated).spelled(places: max(textPlaces, other.textPlaces))
    }

    /// `self × other`, exactly.
    public func multiplied(by other: ExactDecimal) throws(ArithmeticError) -> ExactDecimal {
        let operation = "\(self) × \(other)"
        let (lhs, rhs) = (try FixedPoint(self, operation), try FixedPoint(other, operation))
        guard let magnitude = lhs.magnitude.multiplied(by: rhs.magnitude) else { throw .overflow(operation) }
        let product = FixedPoint(negative: lhs.negative != rhs.negative, magnitude: magnitude, places: lhs.places + rhs.places)
        return product.trimmed.decimal
    }

    /// Whether the value is a whole multiple of `increment` (`"1.25"` of `"0.05"`: true). The sign of `increment`
    /// does not matter; a zero increment throws, as no venue means "only zero" by it.
    public func isMultiple(of increment: ExactDecimal) throws(ArithmeticError) -> Bool {
        let value = try FixedPoint(self, "\(self) multiple of \(increment)")
        let step = try FixedPoint(increment, "\(self) multiple of \(increment)")
        guard !step.magnitude.isZero else { throw .invalidIncrement(increment) }
        if value.places > step.places { return false }  // more decimal places than any multiple has
        let (lhs, rhs) = try FixedPoint.aligned(self, increment, operation: "\(self) multiple of \(increment)")
        return lhs.magnitude.quotientAndRemainder(dividingBy: rhs.magnitude).remainder.isZero
    }

    /// The multiple of `increment` that `rule` picks: `.down`, `.up`, `.towardZero`, `.awayFromZero`,
    /// `.toNearestOrEven` (banker's rounding) or `.toNearestOrAwayFromZero`. The value itself if it is already a
    /// multiple. Throws for a zero or negative increment and when the result does not fit.
    public func rounded(
        toMultipleOf increment: ExactDecimal, _ rule: FloatingPointRoundingRule
    ) throws(ArithmeticError) -> ExactDecimal {
        let operation = "\(self) rounded to \(increment)"
        guard !increment.isZero, !increment.isNegative else { throw .invalidIncrement(increment) }
        let (value, step) = try FixedPoint.aligned(self, increment, operation: operation)
        let (quotient, remainder) = value.magnitude.quotientAndRemainder(dividingBy: step.magnitude)
        var steps = quotient
        if !remainder.isZero && Self.roundsAway(value.negative, quotient, remainder, step.magnitude, rule) {
            guard let next = quotient.adding(Magnitude128(1)) else { throw .overflow(operation) }
            steps = next
        }
        guard let magnitude = steps.multiplied(by: step.magnitude) else { throw .overflow(operation) }
        let result = FixedPoint(negative: value.negative, magnitude: magnitude, places: value.places)
        return result.spelled(places: increment.textPlaces)
    }

    /// Whether rounding moves the magnitude up to the next multiple (`remainder` is not zero).
    private static func roundsAway(
        _ negative: Bool, _ quotient: Magnitude128, _ remainder: Magnitude128, _ step: Magnitude128,
        _ rule: FloatingPointRoundingRule
    ) -> Bool {
        // Twice the remainder against the step: `nil` (overflow) means far above half.
        let twice = remainder.adding(remainder)
        let aboveHalf = twice.map { $0 > step } ?? true
        let atHalf = twice == step
        switch rule {
        case .towardZero: return false
        case .awayFromZero: return true
        case .down: return negative
        case .up: return !negative
        case .toNearestOrAwayFromZero: return aboveHalf || atHalf
        case .toNearestOrEven: return aboveHalf || (atHalf && quotient.low & 1 == 1)
        @unknown default: return aboveHalf || (atHalf && quotient.low & 1 == 1)
        }
    }

    /// Text that is already a plain decimal (arithmetic results).
    init(unchecked text: String) {
        self.text = text
    }

    /// Decimal places as written: 8 for `"0.00100000"`, 0 for `"5e3"`, 4 for `"1.5e-3"`.
    var textPlaces: Int {
        guard let scan = Scan(text) else { return 0 }
        return max(0, scan.fractionCount - scan.exponentLiteral)
    }
}

/// A decimal as `±magnitude × 10^-places`.
struct FixedPoint {
    var negative: Bool
    var magnitude: Magnitude128
    var places: Int

    init(negative: Bool, magnitude: Magnitude128, places: Int) {
        self.negative = negative
        self.magnitude = magnitude
        self.places = places
    }

    /// The value with the fewest places; throws if its significant digits do not fit.
    init(_ value: ExactDecimal, _ operation: String) throws(ExactDecimal.ArithmeticError) {
        let key = Key(value.text)
        var magnitude = Magnitude128.zero
        for digit in key.digits {
            guard let shifted = magnitude.multiplied(by: Magnitude128(10)),
                let next = shifted.adding(Magnitude128(UInt64(digit &- UInt8(ascii: "0"))))
            else { throw .overflow(operation) }
            magnitude = next
        }
        if key.exponent > 0 {
            guard let power = Magnitude128.powerOfTen(key.exponent), let scaled = magnitude.multiplied(by: power) else {
                throw .overflow(operation)
            }
            magnitude = scaled
        }
        self.init(negative: key.negative && !magnitude.isZero, magnitude: magnitude, places: max(0, -key.exponent))
    }

    /// Both values with the same number of places.
    static func aligned(
        _ lhs: ExactDecimal, _ rhs: ExactDecimal, operation: String
    ) throws(ExactDecimal.ArithmeticError) -> (FixedPoint, FixedPoint) {
        let (left, right) = (try FixedPoint(lhs, operation), try FixedPoint(rhs, operation))
        let places = max(left.places, right.places)
        guard let leftAligned = left.withPlaces(places), let rightAligned = right.withPlaces(places) else {
            throw .overflow(operation)
        }
        return (leftAligned, rightAligned)
    }

    /// The same value written with `places` decimal places (at least its own); `nil` if that does not fit.
    func withPlaces(_ places: Int) -> FixedPoint? {
        guard places >= self.places else { return nil }
        guard let power = Magnitude128.powerOfTen(places - self.places), let scaled = magnitude.multiplied(by: power) else {
            return nil
        }
        return FixedPoint(negative: negative, magnitude: scaled, places: places)
    }

    var negated: FixedPoint { FixedPoint(negative: !negative && !magnitude.isZero, magnitude: magnitude, places: places) }

    /// The sum of two values with the same places.
    func adding(_ other: FixedPoint) throws(ExactDecimal.ArithmeticError) -> FixedPoint {
        if negative == other.negative {
            guard let sum = magnitude.adding(other.magnitude) else { throw .overflow("sum") }
            return FixedPoint(negative: negative, magnitude: sum, places: places)
        }
        if let difference = magnitude.subtracting(other.magnitude) {
            return FixedPoint(negative: negative && !difference.isZero, magnitude: difference, places: places)
        }
        let difference = other.magnitude.subtracting(magnitude) ?? .zero  // other is larger here
        return FixedPoint(negative: other.negative, magnitude: difference, places: places)
    }

    /// Without trailing zero places.
    var trimmed: FixedPoint {
        var result = self
        let ten = Magnitude128(10)
        while result.places > 0 {
            let (quotient, remainder) = result.magnitude.quotientAndRemainder(dividingBy: ten)
            guard remainder.isZero else { break }
            result.magnitude = quotient
            result.places -= 1
        }
        return result
    }

    /// Written with `places` decimal places when that is exact and fits, else with its own.
    func spelled(places wanted: Int) -> ExactDecimal {
        let shortest = trimmed
        if wanted >= shortest.places, let padded = shortest.withPlaces(wanted) { return padded.decimal }
        return shortest.decimal
    }

    var decimal: ExactDecimal {
        var digits = magnitude.decimalDigits
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return ExactDecimal(unchecked: (negative ? "-" : "") + digits)
    }
}
