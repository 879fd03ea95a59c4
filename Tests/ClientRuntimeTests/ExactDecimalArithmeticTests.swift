import ClientRuntime
import Testing

/// A seeded generator (SplitMix64): the same cases on every run, so a failure reproduces.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private func d(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(text) else {
        Issue.record("bad test decimal \(text)")
        return 0
    }
    return value
}

@Suite struct ExactDecimalArithmeticTests {
    @Test(arguments: [
        ("1.10", "2.205", "3.305"), ("1.10", "2.20", "3.30"), ("0.1", "-0.3", "-0.2"), ("-1.5", "1.5", "0.0"),
        ("5e3", "0.001", "5000.001"), ("1.5e-3", "1", "1.0015"),
        ("99999999999999999999.999999999999999999", "0.000000000000000001", "100000000000000000000.000000000000000000"),
    ])
    func adds(_ lhs: String, _ rhs: String, _ sum: String) throws {
        #expect(try d(lhs).adding(d(rhs)).text == sum)
        #expect(try d(sum).subtracting(d(rhs)) == d(lhs))
    }

    @Test(arguments: [
        ("0.0010", "20.00", "0.02"), ("-1.5", "2", "-3"), ("0.00000001", "0.00000001", "0.0000000000000001"),
        ("123456789.123456789", "987654321.987654321", "121932631356500531.347203169112635269"), ("-0", "5", "0"),
        ("0.000000000000000001", "1000000000000000000", "1"),
    ])
    func multiplies(_ lhs: String, _ rhs: String, _ product: String) throws {
        #expect(try d(lhs).multiplied(by: d(rhs)).text == product)
    }

    @Test func overflowThrowsInsteadOfTrapping() throws {
        let big = d("340282366920938463463374607431768211455")  // 2^128 - 1: the largest significand
        #expect(try d("99999999999999999999999999999999999999").adding(d("1")).text == "100000000000000000000000000000000000000")
        #expect(throws: ExactDecimal.ArithmeticError.self) { try big.adding(d("1")) }
        #expect(throws: ExactDecimal.ArithmeticError.self) { try d("-1").subtracting(big) }
        #expect(throws: ExactDecimal.ArithmeticError.self) { try big.multiplied(by: d("10")) }
        #expect(throws: ExactDecimal.ArithmeticError.self) { try d("1e100").adding(d("1")) }
        #expect(throws: ExactDecimal.ArithmeticError.self) { try d("1e20").multiplied(by: d("1e20")) }
        #expect(throws: ExactDecimal.ArithmeticError.self) { try d("1e30").adding(d("1e-30")) }  // 61 digits
        #expect(throws: ExactDecimal.ArithmeticError.self) { try big.rounded(toMultipleOf: d("7"), .up) }
        #expect(throws: ExactDecimal.ArithmeticError.self) { try d("1").isMultiple(of: d("0")) }
        #expect(throws: ExactDecimal.ArithmeticError.invalidIncrement(d("0"))) { try d("1").rounded(toMultipleOf: d("0"), .down) }
        #expect(throws: ExactDecimal.ArithmeticError.invalidIncrement(d("-0.1"))) { try d("1").rounded(toMultipleOf: d("-0.1"), .down) }
        // The largest magnitude still works exactly.
        #expect((try? big.subtracting(d("340282366920938463463374607431768211454")))?.text == "1")
    }

    @Test(arguments: [
        ("1.25", "0.05", true), ("1.26", "0.05", false), ("0.00100000", "0.00100000", true), ("-3", "1.5", true),
        ("0", "0.01", true), ("1e-30", "0.01", false), ("123.45600000", "0.001", true), ("5e3", "1e3", true),
    ])
    func multiples(_ value: String, _ step: String, _ expected: Bool) throws {
        #expect(try d(value).isMultiple(of: d(step)) == expected)
    }

    /// value, increment, then the result for down, up, towardZero, awayFromZero, toNearestOrEven, toNearestOrAwayFromZero.
    @Test(arguments: [
        ("1.23456", "0.01", ["1.23", "1.24", "1.23", "1.24", "1.23", "1.23"]),
        ("-1.23456", "0.01", ["-1.24", "-1.23", "-1.23", "-1.24", "-1.23", "-1.23"]),
        ("1.25", "0.1", ["1.2", "1.3", "1.2", "1.3", "1.2", "1.3"]),
        ("1.35", "0.1", ["1.3", "1.4", "1.3", "1.4", "1.4", "1.4"]),
        ("-1.25", "0.1", ["-1.3", "-1.2", "-1.2", "-1.3", "-1.2", "-1.3"]),
        ("7", "0.5", ["7.0", "7.0", "7.0", "7.0", "7.0", "7.0"]),
        ("0.123456789012345678", "0.00000001", ["0.12345678", "0.12345679", "0.12345678", "0.12345679", "0.12345679", "0.12345679"]),
        ("1.23456", "0.01000000", ["1.23000000", "1.24000000", "1.23000000", "1.24000000", "1.23000000", "1.23000000"]),
        ("17", "5", ["15", "20", "15", "20", "15", "15"]),
    ])
    func roundsByEveryRule(_ value: String, _ step: String, _ expected: [String]) throws {
        let rules: [FloatingPointRoundingRule] = [.down, .up, .towardZero, .awayFromZero, .toNearestOrEven, .toNearestOrAwayFromZero]
        let results = try rules.map { try d(value).rounded(toMultipleOf: d(step), $0).text }
        #expect(results == expected)
    }

    /// For decimals of up to 18 places and ticks of up to 18 places: every rounding is a multiple of the tick, on
    /// the side the rule says, less than one tick away (at most half a tick for the nearest rules).
    @Test func roundingPropertiesHoldForSeededRandomDecimals() throws {
        var random = SeededGenerator(seed: 19)
        let rules: [FloatingPointRoundingRule] = [.down, .up, .towardZero, .awayFromZero, .toNearestOrEven, .toNearestOrAwayFromZero]
        for _ in 0..<3000 {
            let value = randomDecimal(&random, maxDigits: 20)
            let tick = randomTick(&random)
            for rule in rules {
                let rounded = try value.rounded(toMultipleOf: tick, rule)
                let distance = try rounded.subtracting(value)
                let gap = distance.isNegative ? try d("0").subtracting(distance) : distance
                #expect(try rounded.isMultiple(of: tick), "\(value) \(rule) \(tick) → \(rounded)")
                #expect(gap < tick, "\(value) \(rule) \(tick) → \(rounded)")
                if try value.isMultiple(of: tick) { #expect(rounded == value) }
                switch rule {
                case .down: #expect(rounded <= value)
                case .up: #expect(rounded >= value)
                case .towardZero: #expect(!(value.isNegative ? rounded < value : rounded > value))
                case .awayFromZero: #expect(!(value.isNegative ? rounded > value : rounded < value))
                default: #expect(try gap.multiplied(by: d("2")) <= tick, "\(value) \(rule) \(tick) → \(rounded)")
                }
            }
        }
    }

    @Test func sumsAndProductsMatchAnIndependentIntegerModel() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<2000 {  // Up to 9 digits at up to 9 places: products and sums fit Int64, the model.
            let (a, b) = (Int64.random(in: -999_999_999...999_999_999, using: &random), Int64.random(in: -999_999_999...999_999_999, using: &random))
            let (placesA, placesB) = (Int.random(in: 0...9, using: &random), Int.random(in: 0...9, using: &random))
            let x = scaled(a, placesA), y = scaled(b, placesB)
            #expect(try x.multiplied(by: y) == scaled(a * b, placesA + placesB))
            let places = max(placesA, placesB)
            let sum = a * power(places - placesA) + b * power(places - placesB)
            #expect(try x.adding(y) == scaled(sum, places))
        }
    }

    private func power(_ exponent: Int) -> Int64 { (0..<exponent).reduce(1) { result, _ in result * 10 } }

    /// `significand × 10^-places` as text.
    private func scaled(_ significand: Int64, _ places: Int) -> ExactDecimal { d("\(significand)e-\(places)") }

    private func randomDecimal(_ random: inout SeededGenerator, maxDigits: Int) -> ExactDecimal {
        let digits = (0..<Int.random(in: 1...maxDigits, using: &random)).map { _ in String(Int.random(in: 0...9, using: &random)) }
        let places = Int.random(in: 0...min(18, digits.count), using: &random)
        var text = digits.joined()
        if places > 0 { text.insert(".", at: text.index(text.endIndex, offsetBy: -places)) }
        if text.hasPrefix(".") { text = "0" + text }
        return d((Bool.random(using: &random) ? "-" : "") + text)
    }

    private func randomTick(_ random: inout SeededGenerator) -> ExactDecimal {
        let significand = [1, 1, 1, 5, 25, Int.random(in: 1...999, using: &random)].randomElement(using: &random) ?? 1
        return d("\(significand)e-\(Int.random(in: 0...18, using: &random))")
    }
}
