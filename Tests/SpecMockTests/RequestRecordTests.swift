import ClientRuntime
import Foundation
import SpecModel
import Testing

@testable import SpecMock

/// The mock's memory: the record is bounded by entries and bytes, refused and unauthenticated requests keep no body,
/// and the received count is the true one.
@Suite("Request record bounds and redaction")
struct RequestRecordTests {
    static let now = EngineHarness.now

    @Test("the record stays within its byte bound; requestCount counts every request")
    func byteBound() throws {
        let mock = try EngineHarness("binance-spot.yaml", options: MockOptions(maxRecordedRequests: 1000, maxRecordedBytes: 20_000))
        let padding = String(repeating: "A", count: 2_000)
        for index in 0..<50 {
            _ = mock.sendSigned("POST", "/api/v3/order", body: "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&newClientOrderId=\(index)\(padding)&timestamp=\(Self.now)")
        }
        let kept = mock.engine.records
        #expect(mock.engine.receivedCount == 50)
        #expect(!kept.isEmpty && kept.count < 50)
        #expect(kept.reduce(0) { $0 + $1.footprint } <= 20_000)
        #expect(kept.last?.parameters["newClientOrderId"]?.hasPrefix("49") == true)  // the newest are kept
    }

    @Test("the record stays within its entry bound and keeps the newest")
    func entryBound() throws {
        let mock = try EngineHarness("binance-spot.yaml", options: MockOptions(maxRecordedRequests: 10))
        for _ in 0..<2_500 { _ = mock.send("GET", "/api/v3/ping") }
        #expect(mock.engine.records.count == 10)
        #expect(mock.engine.receivedCount == 2_500)
        mock.engine.clearRecords()
        #expect(mock.engine.records.isEmpty)
        #expect(mock.engine.receivedCount == 2_500)
    }

    @Test("a 413 keeps no body")
    func refusedKeepsNoBody() throws {
        let mock = try EngineHarness("binance-spot.yaml", options: MockOptions(maxBodyBytes: 100))
        let answer = mock.sendSigned("POST", "/api/v3/order", body: String(repeating: "x", count: 500))
        #expect(answer.status == 413)
        var tooLarge = IncomingRequest(method: "POST", path: "/api/v3/order", query: "", headers: [], body: Data())
        tooLarge.bodyTooLarge = true
        #expect(mock.engine.handle(tooLarge).status == 413)
        #expect(mock.engine.records.allSatisfy { $0.body.isEmpty && $0.status == 413 })
    }

    @Test("a request with a wrong API key or signature keeps no body and no body parameters")
    func unauthenticatedKeepsNoBody() throws {
        let mock = try EngineHarness("binance-spot.yaml")
        let body = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&timestamp=\(Self.now)&signature=00"
        let answer = mock.send("POST", "/api/v3/order", headers: [("X-MBX-APIKEY", EngineHarness.apiKey)], body: body)
        #expect(answer.code == "-1022")
        let wrongKey = mock.send("POST", "/api/v3/order", headers: [("X-MBX-APIKEY", "other")], body: body)
        #expect(wrongKey.code == "-2015")
        let records = mock.engine.records
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.body.isEmpty && $0.parameters["symbol"] == nil })
        // An authenticated one keeps both.
        _ = mock.sendSigned("POST", "/api/v3/order", body: "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&timestamp=\(Self.now)")
        let accepted = try #require(mock.engine.records.last)
        #expect(accepted.status == 200)
        #expect(!accepted.body.isEmpty)
        #expect(accepted.parameters["symbol"] == "BTCUSDT")
    }

    @Test("dump() and description of a recorded request show neither the API key nor the signature")
    func recordRedaction() throws {
        let mock = try EngineHarness("binance-spot.yaml")
        _ = mock.sendSigned("POST", "/api/v3/order", body: "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&timestamp=\(Self.now)")
        _ = mock.sendSigned("GET", "/api/v3/account", query: "timestamp=\(Self.now)")
        for record in mock.engine.records {
            let signature = try #require(record.parameters["signature"])
            var dumped = ""
            dump(record, to: &dumped)
            for text in [dumped, record.description, String(describing: Mirror(reflecting: record).children.map(\.value))] {
                #expect(!text.contains(signature))
                #expect(!text.contains(EngineHarness.apiKey))
                #expect(text.contains("<redacted>"))
            }
            #expect(dumped.contains("BTCUSDT") || dumped.contains("timestamp"))
        }
    }
}
