import ClientRuntime
import Foundation
import HTTPTypes
import Testing

/// `ExchangeJournal`: JSON Lines of every exchange, secrets masked, for `specgen check-traffic`.
@Suite struct ExchangeJournalTests {
    @Test func writesOneRedactedObjectPerExchange() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let transport = RecordingTransport(journal: try ExchangeJournal(path: path))
        transport.enqueue(body: #"{"symbol":"BTCUSDT","fills":[{"price":"1.0","qty":"2"}]}"#)
        transport.enqueue(.failure(HTTPTransportFailure(.timedOut, "slow")))
        let client = Binance.client(transport: transport)
        _ = try await client.send(Call<OrderFull, OrderForm>(Binance.orderParameters()))
        _ = await thrownError { try await client.send(Call<EmptyResponse, Ping>()) }

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["method"] as? String == "POST")
        #expect(first["path"] as? String == "/api/v3/order")
        #expect(first["status"] as? Int == 200)
        #expect(first["body"] as? String == #"{"symbol":"BTCUSDT","fills":[{"price":"1.0","qty":"2"}]}"#)
        let sentBody = try #require(first["requestBody"] as? String)
        #expect(sentBody.hasPrefix("symbol=") && sentBody.hasSuffix("signature=<redacted>"))
        #expect(!lines[0].contains(Binance.apiKey) && !lines[0].contains(Binance.bodySignature))
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["path"] as? String == "/api/v3/ping")
        #expect(second["status"] is NSNull)
        #expect(second["body"] == nil)
    }

    @Test func queryParametersAreMaskedInURLAndQuery() {
        let head = HTTPRequest(method: .get, url: URL(string: "https://x.test/api/v3/order?symbol=A&signature=abc123")!)
        let request = WireRequest(head, redactions: Redactions(parameterNames: ["signature"]))
        let line = ExchangeJournal.line(request, WireResponse(status: 200, text: "{}"))
        #expect(
            line
                == #"{"method":"GET","url":"https://x.test/api/v3/order?symbol=A&signature=<redacted>","path":"/api/v3/order","query":"symbol=A&signature=<redacted>","status":200,"body":"{}"}"#
        )
    }
}
