import ClientRuntime
import Foundation
import Testing

/// Round-trips a value through JSON and returns the encoded text.
private func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}

private struct Price: Codable, Equatable { var price: ExactDecimal }

@Suite struct ExactDecimalTests {
    @Test(arguments: [
        "0.00100000", "-1.5", "1e-8", "123456789012345678901234567890.123456789",
        "+2", ".5", "-.25E+3", "0", "-0.000", "1E10",
    ])
    func keepsTextExactly(_ text: String) throws {
        let value = try #require(ExactDecimal(text))
        #expect(value.text == text)
        #expect(value.description == text)
        #expect("\(value)" == text)
        #expect(try jsonText(value) == "\"\(text)\"")
        #expect(try decode(ExactDecimal.self, "\"\(text)\"").text == text)
    }

    @Test(arguments: [
        "", "abc", "1.2.3", "1.", ".", "-", "+", "e5", "1e", "1e+", "NaN", "nan", "inf", "-Infinity",
        " 1", "1 ", "0x10", "1_000", "1,5", "١٢", "1e-200", "1e999", "1e99999999999",
    ])
    func rejectsNonDecimals(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test func decimalValues() throws {
        let cases: [(String, String)] = [
            ("0.00100000", "0.001"), ("-1.5", "-1.5"), ("1e-8", "0.00000001"), (".5", "0.5"),
            ("123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"),
            ("12e3", "12000"), ("-0", "0"),
        ]
        for (text, expected) in cases {
            #expect(try #require(ExactDecimal(text)).decimal == Decimal(string: expected), "\(text)")
        }
        #expect(ExactDecimal("1e127").decimal == Decimal(sign: .plus, exponent: 127, significand: 1))
        #expect(ExactDecimal("1e-128").decimal == Decimal(sign: .plus, exponent: -128, significand: 1))
        #expect(ExactDecimal("2e150").decimal == Decimal(string: "2" + String(repeating: "0", count: 150)))
    }

    @Test func initialisersFromNumbers() {
        #expect(ExactDecimal(Decimal(string: "0.25")!).text == "0.25")
        #expect(ExactDecimal(Int64(-42)).text == "-42")
        #expect(ExactDecimal(Int64.max).text == "9223372036854775807")
        let literal: ExactDecimal = "0.00100000"
        #expect(literal.text == "0.00100000")
        let integer: ExactDecimal = 7
        #expect(integer.text == "7")
    }

    @Test func equalityAndHashingAreNumeric() {
        let a = ExactDecimal(String("1.0"))!, b = ExactDecimal(String("1.00"))!, c = ExactDecimal(String("1e0"))!
        #expect(a == b && b == c)
        #expect(Set([a, b, c]).count == 1)
        #expect(ExactDecimal(String("-0"))! == ExactDecimal(String("0.000"))!)
        #expect(ExactDecimal(String("0.1"))! != ExactDecimal(String("0.10000000000000000000000000000000000000001"))!)
        #expect(a.text != b.text)
    }

    @Test func comparesByValue() {
        let ordered = [
            "-1e3", "-2", "-1.5", "-0.00000001", "0", "1e-8", "0.0000001", "0.1", "0.25", "1", "1.5",
            "10", "123456789012345678901234567890.123456789", "123456789012345678901234567890.12345679",
            "1e30",
        ].map { ExactDecimal($0)! }
        #expect(ordered.shuffled().sorted().map(\.text) == ordered.map(\.text))
        for (lower, higher) in zip(ordered, ordered.dropFirst()) {
            #expect(lower < higher, "\(lower) < \(higher)")
            #expect(!(higher < lower))
        }
        #expect(!(ExactDecimal(String("1.0"))! < ExactDecimal(String("1"))!))
    }

    @Test func decodesJSONNumbers() throws {
        #expect(try decode(Price.self, #"{"price": 42}"#).price.text == "42")
        #expect(try decode(Price.self, #"{"price": -12345678901234567890123}"#).price.text == "-12345678901234567890123")
        #expect(try decode(Price.self, #"{"price": 0.1}"#).price.text == "0.1")
        #expect(try decode(Price.self, #"{"price": 1.50}"#).price.text == "1.5")  // spelling not kept: JSONDecoder limit
        #expect(try decode(Price.self, #"{"price": 1e-8}"#).price.text == "0.00000001")
    }

    @Test func reencodesJSONStringsByteExact() throws {
        let json = #"{"price":"0.00100000"}"#
        let price = try decode(Price.self, json)
        #expect(try jsonText(price) == json)
    }

    @Test func rejectsBadJSON() {
        #expect(throws: DecodingError.self) { try decode(Price.self, #"{"price": "abc"}"#) }
        #expect(throws: DecodingError.self) { try decode(Price.self, #"{"price": null}"#) }
        #expect(throws: DecodingError.self) { try decode(Price.self, #"{"price": true}"#) }
    }

    /// The value and signing sources never name binary floating-point types (the other runtime files are
    /// outside this check).
    @Test func sourcesNeverNameBinaryFloatingPoint() throws {
        let runtime = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/ClientRuntime").standardizedFileURL
        let values = ["ExactDecimal", "Timestamp", "JSONValue", "EmptyResponse", "Secret"].map { "Values/\($0).swift" }
        let signing = try FileManager.default.contentsOfDirectory(atPath: runtime.appendingPathComponent("Signing").path)
            .filter { $0.hasSuffix(".swift") }.map { "Signing/\($0)" }
        #expect(signing.count >= 5)
        for file in values + signing {
            let text = try String(contentsOf: runtime.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("Double") && !text.contains("Float"), "\(file)")
        }
    }
}

@Suite struct TimestampTests {
    @Test func parsesFractionDigits() throws {
        let millis = try #require(Timestamp("2025-08-06T13:50:13.932Z"))
        let seven = try #require(Timestamp("2025-08-06T13:50:13.9325008Z"))
        let nine = try #require(Timestamp("2025-08-06T13:50:13.932500812Z"))
        let whole = try #require(Timestamp("2025-08-06T13:50:13Z"))
        #expect(whole.date == Date(timeIntervalSince1970: 1_754_488_213))
        #expect(abs(millis.date.timeIntervalSince(whole.date) - 0.932) < 1e-6)
        #expect(abs(seven.date.timeIntervalSince(whole.date) - 0.9325008) < 1e-6)
        #expect(abs(nine.date.timeIntervalSince(whole.date) - 0.932500812) < 1e-6)
        #expect(millis < seven && seven < nine && whole < millis)
        #expect(nine.text == "2025-08-06T13:50:13.932500812Z")
    }

    @Test func acceptsZuluAndOffsets() throws {
        let zulu = try #require(Timestamp("2024-02-29T23:59:59.5Z"))
        let utc = try #require(Timestamp("2024-02-29T23:59:59.500+00:00"))
        let shifted = try #require(Timestamp("2024-03-01T01:29:59.5+01:30"))
        #expect(zulu == utc && utc == shifted)
        #expect(Set([zulu, utc, shifted]).count == 1)
        #expect(utc.text == "2024-02-29T23:59:59.500+00:00")
    }

    @Test(arguments: [
        "", "2025-08-06", "2025-08-06T13:50:13", "2025-08-06 13:50:13Z", "2025-08-06t13:50:13z",
        "2025-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-08-06T24:00:00Z",
        "2025-08-06T13:60:00Z", "2025-08-06T13:50:60Z", "2025-08-06T13:50:13.Z",
        "2025-08-06T13:50:13.1234567890Z", "2025-08-06T13:50:13+0000", "2025-08-06T13:50:13Zjunk",
        "25-08-06T13:50:13Z", "2025-8-6T13:50:13Z", "１２３４-08-06T13:50:13Z",
    ])
    func rejectsInvalid(_ text: String) {
        #expect(Timestamp(text) == nil)
    }

    @Test func formatsDatesWithMilliseconds() throws {
        let date = Date(timeIntervalSince1970: 1_754_488_213.932)
        let timestamp = Timestamp(date)
        #expect(timestamp.text == "2025-08-06T13:50:13.932Z")
        #expect(Timestamp(timestamp.text) == timestamp)
        #expect(Timestamp(Date(timeIntervalSince1970: 0)).text == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp(Date(timeIntervalSince1970: -0.001)).text == "1969-12-31T23:59:59.999Z")
        #expect(Timestamp(Date(timeIntervalSince1970: 951_782_400)).text == "2000-02-29T00:00:00.000Z")
    }

    @Test func roundTripsTextThroughJSON() throws {
        for text in ["2025-08-06T13:50:13.9325008Z", "2025-08-06T13:50:13+00:00", "0001-01-01T00:00:00Z"] {
            let timestamp = try #require(Timestamp(text))
            #expect(timestamp.description == text)
            #expect(try jsonText(timestamp) == "\"\(text)\"")
            #expect(try decode(Timestamp.self, "\"\(text)\"").text == text)
        }
        #expect(throws: DecodingError.self) { try decode(Timestamp.self, #""yesterday""#) }
    }
}

@Suite struct JSONValueTests {
    @Test func decodesEveryKind() throws {
        let value = try decode(JSONValue.self, #"{"a": null, "b": true, "c": 1.50, "d": "x", "e": [1, "2"], "f": {}}"#)
        #expect(
            value
                == .object([
                    "a": .null, "b": .bool(true), "c": .number("1.5"), "d": .string("x"),
                    "e": .array([.number("1"), .string("2")]), "f": .object([:]),
                ]))
        #expect(try decode(JSONValue.self, "12345678901234567890123") == .number("12345678901234567890123"))
        #expect(try decode(JSONValue.self, "false") == .bool(false))
    }

    @Test func encodesNumbersAsNumbers() throws {
        let value: JSONValue = .array([.number("0.001"), .string("0.001"), .null, .bool(false)])
        #expect(try jsonText(value) == #"[0.001,"0.001",null,false]"#)
        #expect(throws: EncodingError.self) { try jsonText(JSONValue.number("abc")) }
    }
}

@Suite struct EmptyResponseTests {
    @Test func decodesAnyObject() throws {
        #expect(try decode(EmptyResponse.self, "{}") == EmptyResponse())
        #expect(try decode(EmptyResponse.self, #"{"extra": [1, 2]}"#) == EmptyResponse())
        #expect(throws: DecodingError.self) { try decode(EmptyResponse.self, "[]") }
        #expect(try jsonText(EmptyResponse()) == "{}")
    }
}

@Suite struct SecretTests {
    private let value = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP"

    @Test func neverShowsTheValue() {
        let secret = Secret(value)
        var dumped = ""
        dump(secret, to: &dumped)
        struct Holder { let apiSecret: Secret }
        var dumpedHolder = ""
        dump(Holder(apiSecret: secret), to: &dumpedHolder)
        let renderings = [
            secret.description, secret.debugDescription, String(describing: secret), String(reflecting: secret),
            "\(secret)", dumped, dumpedHolder, String(describing: Holder(apiSecret: secret)),
            String(reflecting: [secret]), String(describing: Optional(secret)),
        ]
        for text in renderings {
            #expect(!text.contains(value), "\(text)")
            #expect(!text.contains("NhqP"), "\(text)")
            #expect(text.contains("Secret(redacted)"), "\(text)")
        }
        #expect(secret.description == "Secret(redacted)")
        #expect(Mirror(reflecting: secret).children.isEmpty)
    }

    @Test func givesTheValueOnlyOnRequest() {
        let secret: Secret = "token"
        #expect(secret.withValue { $0 } == "token")
        #expect(secret == Secret("token"))
    }
}
