import BinanceSpot
import ClientRuntime
import Foundation
import Testing

/// The `==`, `init(from:)` and `encode(to:)` every generated model spells out (through `fieldsEqual` and
/// `FieldKey`) instead of having them synthesized.
@Suite struct ModelConformanceTests {
    static let event = #"{"e":"avgPrice","E":1,"s":"BTCUSDT","i":"5m","w":"1.25","T":2}"#

    /// Both decoders the client and its users decode models with.
    static func decodeBoth<T: Decodable>(_ type: T.Type, _ json: String) -> [Result<T, any Error>] {
        let data = Data(json.utf8)
        return [Result { try JSONDecoder().decode(T.self, from: data) }, Result { try JSONResponseDecoder().decode(T.self, from: data) }]
    }

    @Test func equalityComparesEveryField() {
        let price = AveragePrice(mins: 5, price: "1.25", closeTime: 1)
        #expect(price == AveragePrice(mins: 5, price: "1.25", closeTime: 1))
        #expect(price != AveragePrice(mins: 6, price: "1.25", closeTime: 1))
        #expect(price != AveragePrice(mins: 5, price: "2.25", closeTime: 1))
        #expect(price != AveragePrice(mins: 5, price: "1.25", closeTime: 2))
    }

    @Test func membersDecodeAndEncodeUnderTheirWireNames() throws {
        for result in Self.decodeBoth(AveragePriceEvent.self, Self.event) {
            let event = try result.get()
            #expect(event.eventType == "avgPrice" && event.symbol == "BTCUSDT" && event.averagePrice == "1.25" && event.lastTradeTime == 2)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            #expect(String(decoding: try encoder.encode(event), as: UTF8.self) == #"{"E":1,"T":2,"e":"avgPrice","i":"5m","s":"BTCUSDT","w":"1.25"}"#)
        }
    }

    @Test func absentOrNullOptionalsDecodeAsNilAndAreLeftOut() throws {
        for json in [#"{"symbol":"BTCUSDT","referencePrice":null,"timestamp":7}"#, #"{"symbol":"BTCUSDT","timestamp":7}"#] {
            for result in Self.decodeBoth(ReferencePrice.self, json) {
                let price = try result.get()
                #expect(price.referencePrice == nil)
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                #expect(String(decoding: try encoder.encode(price), as: UTF8.self) == #"{"symbol":"BTCUSDT","timestamp":7}"#)
            }
        }
    }

    @Test func aMissingMemberIsReportedByItsWireName() {
        for result in Self.decodeBoth(AveragePriceEvent.self, Self.event.replacingOccurrences(of: #""s":"BTCUSDT","#, with: "")) {
            guard case let .failure(DecodingError.keyNotFound(key, _)) = result else {
                Issue.record("expected keyNotFound, got \(result)")
                continue
            }
            #expect(key.stringValue == "s")
        }
    }
}
