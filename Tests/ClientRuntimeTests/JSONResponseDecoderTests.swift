import ClientRuntime
import Foundation
import Testing

/// `JSONResponseDecoder` against `JSONDecoder` on the same text: the same value, or an error of the same kind at
/// the same coding path.
private func same<T: Decodable & Equatable>(_ type: T.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let data = Data(json.utf8)
    let expected = Result { try JSONDecoder().decode(T.self, from: data) }
    let actual = Result { try JSONResponseDecoder().decode(T.self, from: data) }
    switch (expected, actual) {
    case let (.success(lhs), .success(rhs)):
        #expect(lhs == rhs, sourceLocation: sourceLocation)
    case let (.failure(lhs), .failure(rhs)):
        #expect(kind(lhs) == kind(rhs), "\(json)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(json): JSONDecoder \(expected), JSONResponseDecoder \(actual)", sourceLocation: sourceLocation)
    }
}

/// The case and coding path of a `DecodingError`; for `dataCorrupted` the case only, since JSONDecoder reports a
/// number that does not fit or a bad string at the top level and `JSONResponseDecoder` at the value's path.
private func kind(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(type(of: error))" }
    func path(_ c: DecodingError.Context) -> String {
        c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
    switch error {
    case let .typeMismatch(_, c): return "typeMismatch at \(path(c))"
    case let .valueNotFound(_, c): return "valueNotFound at \(path(c))"
    case let .keyNotFound(key, c): return "keyNotFound \(key.stringValue) at \(path(c))"
    case .dataCorrupted: return "dataCorrupted"
    @unknown default: return "\(error)"
    }
}

private struct SampleFill: Codable, Equatable {
    var price: ExactDecimal
    var qty: Int64
    var note: String?
    var flags: [Bool]?
}

private struct SampleReport: Codable, Equatable {
    var id: UInt8
    var fills: [SampleFill]
    var tags: [String: Int]
    var nested: [[Int16]]
    var any: JSONValue?
    var when: Date?
    var ratio: Decimal?
}

@Suite struct JSONResponseDecoderTests {
    static let report =
        #"{"id": 7, "fills": [{"price": "1.5", "qty": 2}, {"price": 3, "qty": -4, "note": "x", "flags": [true, false]}], "#
        + #""tags": {"a": 1, "b": 2}, "nested": [[1, 2], [], [3]], "any": {"k": [1.50, "s", null]}, "when": 12.5, "ratio": 0.25}"#

    @Test func decodesNestedValuesAsJSONDecoder() {
        same(SampleReport.self, Self.report)
        same(SampleReport.self, #"  {"nested":[],"tags":{},"fills":[],"id":255}  "#)  // keys out of order, spaces around
    }

    @Test(arguments: [
        #"{"id": 256, "fills": [], "tags": {}, "nested": []}"#,  // overflow of UInt8
        #"{"id": -1, "fills": [], "tags": {}, "nested": []}"#,
        #"{"id": 1e2, "fills": [], "tags": {}, "nested": []}"#,  // an integer in exponent form
        #"{"id": 1.5, "fills": [], "tags": {}, "nested": []}"#,
        #"{"id": 1, "fills": [{"price": "1.", "qty": 1}], "tags": {}, "nested": []}"#,  // malformed decimal
        #"{"id": 1, "fills": [{"price": "1", "qty": null}], "tags": {}, "nested": []}"#,
        #"{"id": 1, "fills": [{"price": "1"}], "tags": {}, "nested": []}"#,  // missing key
        #"{"id": 1, "fills": {}, "tags": {}, "nested": []}"#,  // object for array
        #"{"id": 1, "fills": [], "tags": {"a": "x"}, "nested": []}"#,
        #"{"id": 1, "fills": [], "tags": {}, "nested": [[70000]]}"#,
        #"{"id": 1, "fills": [], "tags": {}, "nested": [], "when": "today"}"#,
        #"{"id": 1, "fills": [], "tags": {}, "nested": [], "ratio": "x"}"#,
        #"{"id": 1, "fills": [], "tags": {}, "nested": [1,],}"#,  // trailing commas: both accept them
        #"{"id": 1, "fills": [], "tags": {}, "nested": [1,,2]}"#,
        #"{"id": 01, "fills": [], "tags": {}, "nested": []}"#,  // leading zero
        #"{"id": 1, "fills": [], "tags": {}, "nested": []} x"#,  // text after the value
        #"{"id": 1, "fills": [], "tags": {}, "nested": [], "other": "\x"}"#,  // unread bad escape: both accept
        #"{"id": 1, "fills": [], "tags": {}, "nested": [], "any": "\x"}"#,  // read: both reject
        #"{"id": 1, "fills": [], "tags": {}, "nested": [], "other": "\u12"}"#,
        #"{"id": 1, "fills": [], "tags": {}, "nested": [], "any": tru}"#,
        #"{"id": 1, "fills": [], "tags": {}, "nested": [], "other": -}"#,  // unread bad number: both accept
        #"{"id": -, "fills": [], "tags": {}, "nested": []}"#,
        #"{"id": 1 "fills": []}"#, "", "[", "{", "nul", #"{"a"}"#,
    ])
    func rejectsWhatJSONDecoderRejects(_ json: String) {
        same(SampleReport.self, json)
    }

    @Test(arguments: [
        #""plain""#, #""esc\"aped\\ \/ \b\f\n\r\t""#, #""\u00e9\u4e2d\ud83d\ude00""#, #""caf\u00E9""#, #""""#,
        #""\ud83d""#, #""\ude00x""#, "\"tab\there\"", "\"café 中 😀\"",
    ])
    func readsStringsAsJSONDecoder(_ json: String) {
        same(String.self, json)
        same([String].self, "[\(json), \(json)]")
    }

    /// Bytes that are not UTF-8 inside a string (a lone continuation byte, a truncated sequence, an overlong
    /// encoding) are refused, as `JSONDecoder` refuses them, on the path that is not plain ASCII.
    @Test(arguments: [[0x80], [0xC3], [0xE4, 0xB8], [0xC0, 0xAF], [0xFF]] as [[UInt8]])
    func refusesStringsThatAreNotUTF8(_ bad: [UInt8]) {
        let data = Data(#"["ok", "x"#.utf8 + bad + #"y"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONResponseDecoder().decode([String].self, from: data) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode([String].self, from: data) }
    }

    @Test func readsScalarsAtTheTopLevel() {
        same(Int64.self, "-9223372036854775808")
        same(Int64.self, "9223372036854775808")
        same(UInt64.self, "18446744073709551615")
        same(Int.self, "-0")
        same(Bool.self, "true")
        same(Int?.self, "null")
        same(ExactDecimal.self, #""0.00100000""#)
        same(Double.self, "0.1")
        same([Int?].self, "[1, null, 3]")
        same([String: [String: Int]].self, #"{"a": {"b": 1}, "c": {}}"#)
    }

    @Test func keepsTheExactTextOfDecimals() throws {
        let fill = try JSONResponseDecoder().decode(SampleFill.self, from: Data(#"{"price": "0.00100000", "qty": 1}"#.utf8))
        #expect(fill.price.text == "0.00100000")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: DecodingError.self) { try JSONResponseDecoder().decode(JSONValue.self, from: Data(deep.utf8)) }
    }

    @Test func errorsNameTheJSONPath() throws {
        let json = #"{"id": 1, "fills": [{"price": "1", "qty": 1}, {"price": "1..", "qty": 1}], "tags": {}, "nested": []}"#
        let error = try #require(throws: DecodingError.self) {
            try JSONResponseDecoder().decode(SampleReport.self, from: Data(json.utf8))
        }
        guard case let .dataCorrupted(context) = error else { return }
        #expect(context.codingPath.map(\.stringValue) == ["fills", "Index 1", "price"])
        #expect(context.debugDescription == #""1.." is not a decimal number"#)
    }
}
