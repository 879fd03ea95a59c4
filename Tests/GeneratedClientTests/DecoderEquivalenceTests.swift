import BinanceSpot
import ClientRuntime
import Foundation
import SpecGenerator
import SpecModel
import Testing

/// The client's `JSONResponseDecoder` decodes every generated type exactly as `JSONDecoder` does.
@Suite struct DecoderEquivalenceTests {
    /// Both decoders on the same bytes: equal values (compared by their encoding), or the same error.
    static func compare<T: Codable>(_ type: T.Type, _ data: Data) throws {
        let expected = Result { try JSONDecoder().decode(T.self, from: data) }
        let actual = Result { try JSONResponseDecoder().decode(T.self, from: data) }
        switch (expected, actual) {
        case let (.success(lhs), .success(rhs)):
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            #expect(try encoder.encode(lhs) == encoder.encode(rhs))
        case let (.failure(lhs), .failure(rhs)):
            #expect(summary(lhs) == summary(rhs))
        default:
            Issue.record("JSONDecoder: \(expected), JSONResponseDecoder: \(actual)")
        }
    }

    /// A `DecodingError`'s case and path, the parts a client reports; for `dataCorrupted` the case only (JSONDecoder
    /// reports a number that does not fit at the top level, `JSONResponseDecoder` at its path).
    static func summary(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not a DecodingError: \(error)" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .typeMismatch(type, c): return "typeMismatch \(type) at \(path(c))"
        case let .valueNotFound(type, c): return "valueNotFound \(type) at \(path(c))"
        case let .keyNotFound(key, c): return "keyNotFound \(key.stringValue) at \(path(c))"
        case .dataCorrupted: return "dataCorrupted"
        @unknown default: return "\(error)"
        }
    }

    @Test(arguments: try ExampleRoundTripTests.cases())
    func everyDocumentedResponseDecodesTheSame(_ c: ExampleRoundTripTests.Case) throws {
        guard case let .named(name) = c.type else { return }
        let typeName = Naming.type(name)
        let mangled = "\(c.module.utf8.count)\(c.module)\(typeName.utf8.count)\(typeName)"
        let type = try #require((_typeByName(mangled + "V") ?? _typeByName(mangled + "O")) as? any Codable.Type)
        try Self.compare(type, Data(c.json.jsonText.utf8))
    }

    static let order = #"""
        {"symbol":"LTCBTC","orderId":1,"orderListId":-1,"clientOrderId":"myOrder1","price":"0.1","origQty":"1.0",
         "executedQty":"0.0","cummulativeQuoteQty":"0.0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY",
         "stopPrice":"0.0","icebergQty":"0.0","time":1499827319559,"updateTime":1499827319559,"isWorking":true,
         "workingTime":1499827319559,"origQuoteOrderQty":"0.000000","selfTradePreventionMode":"NONE"}
        """#

    @Test(arguments: [
        ("\"NEW\"", "\"SOMETHING_NEW\""),  // an unknown enum value is kept
        ("\"price\":\"0.1\"", "\"price\":\"0.1.2\""),  // a malformed decimal is rejected, at its path
        ("\"price\":\"0.1\"", "\"price\":\"\""),
        ("\"price\":\"0.1\"", "\"price\":12.50"),  // a decimal sent as a JSON number
        ("\"price\":\"0.1\"", "\"price\":null"),
        ("\"orderId\":1,", "\"orderId\":99999999999999999999,"),  // does not fit in Int64
        ("\"orderId\":1,", "\"orderId\":\"1\","),
        ("\"orderId\":1,", ""),  // a required field missing
        ("\"isWorking\":true", "\"isWorking\":1"),
        ("\"symbol\":\"LTCBTC\"", "\"symbol\":\"LTC\\u00e9\\ud83d\\ude00\\n\""),  // escapes
        ("\"stopPrice\":\"0.0\"", "\"stopPrice\":null"),  // an optional null
        ("\"NONE\"}", "\"NONE\",\"extra\":{\"a\":[1,2,{\"b\":null}]}}"),  // an unknown member skipped
        ("\"NONE\"}", "\"NONE\""),  // truncated JSON
    ])
    func anOrderDecodesTheSame(_ change: (String, String)) throws {
        let text = Self.order.replacingOccurrences(of: change.0, with: change.1)
        #expect(text != Self.order)
        try Self.compare(Order.self, Data(text.utf8))
        try Self.compare([Order].self, Data("[\(text),\(text)]".utf8))
    }

    @Test func aMalformedDecimalFailsAtItsPathWithTheSameMessage() throws {
        let data = Data(Self.order.replacingOccurrences(of: "\"price\":\"0.1\"", with: "\"price\":\"0.1.2\"").utf8)
        func context(_ body: () throws -> Order) -> DecodingError.Context? {
            do {
                _ = try body()
                return nil
            } catch let DecodingError.dataCorrupted(context) {
                return context
            } catch {
                return nil
            }
        }
        let expected = try #require(context { try JSONDecoder().decode(Order.self, from: data) })
        let actual = try #require(context { try JSONResponseDecoder().decode(Order.self, from: data) })
        #expect(actual.codingPath.map(\.stringValue) == ["price"])
        #expect(actual.codingPath.map(\.stringValue) == expected.codingPath.map(\.stringValue))
        #expect(actual.debugDescription == expected.debugDescription)
    }

    @Test func anUnknownEnumValueIsKept() throws {
        let text = Self.order.replacingOccurrences(of: "\"NEW\"", with: "\"SOMETHING_NEW\"")
        let order = try JSONResponseDecoder().decode(Order.self, from: Data(text.utf8))
        #expect(order.status == .unknown("SOMETHING_NEW"))
        #expect(order.price.text == "0.1")
    }
}
