import ClientRuntime
import Foundation
import SpecModel
import SpecTraffic
import Testing

/// `specgen check-traffic`: recorded JSON Lines and a browser's HAR file against the specs.
@Suite struct TrafficCheckTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repositoryRoot = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func spec(_ name: String) throws -> Spec {
        try #require(SpecLoader.load(path: Self.repositoryRoot + "/specs/\(name).yaml").spec)
    }

    static func check(_ fixture: String, against spec: String) throws -> TrafficReport {
        let exchanges = try TrafficReader.read(path: fixtures.appendingPathComponent(fixture).path)
        return TrafficCheck.run(exchanges, spec: try Self.spec(spec))
    }

    @Test func jsonLinesJournal() throws {
        let report = try Self.check("jex-testnet.jsonl", against: "binance-jex-spot")
        #expect(report.exchanges == 10)
        #expect(report.matched == 9)
        #expect(report.checked == 7)
        #expect(
            report.rendered(as: .text) == """
                jex-testnet.jsonl:3: breaking: newOrder: missingField at transactTime: the spec guarantees it
                jex-testnet.jsonl:1: warning: queryOrder: unknownEnumValue at status: "PENDING_NEW" is not in OrderStatus [2× in 2 exchanges]
                jex-testnet.jsonl:2: warning: newOrder: typeMismatch at price: expected a decimal string, found a number
                jex-testnet.jsonl:7: warning: GET /api/v1/spot/myTrades is not in the spec
                jex-testnet.jsonl:1: info: queryOrder: unknownField at clientOrderId [2× in 2 exchanges]
                jex-testnet.jsonl:4: info: trades: unknownField at [0].isBuyerMaker [3× in 1 exchange]
                10 exchanges, 9 matched to an endpoint, 7 responses checked: 1 breaking, 3 warning, 2 info

                """)
        #expect(report.hasFindings(atLeast: .breaking))
    }

    @Test func harFromABrowser() throws {
        let report = try Self.check("b2trader-browser.har", against: "b2trader-frontoffice")
        #expect(report.exchanges == 7)
        #expect(report.matched == 5, "the CORS preflight is no call")
        #expect(report.checked == 4, "the 401 is not checked; the base64 assets answer is")
        let lines = report.rendered(as: .text).split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "b2trader-browser.har:entry 6: breaking: cancelOrder: missingField at order.fillFactor: the spec guarantees it",
                #"b2trader-browser.har:entry 2: warning: accounts: unknownEnumValue at [1].accountType: "Demo" is not in AccountType"#,
                "b2trader-browser.har:entry 4: warning: GET /frontoffice/api/v3/markets is not in the spec",
                "b2trader-browser.har:entry 5: warning: placeOrder: typeMismatch at order.commission: expected a decimal string, found a number",
                "b2trader-browser.har:entry 2: info: accounts: unknownField at [1].currency",
                "7 exchanges, 5 matched to an endpoint, 4 responses checked: 1 breaking, 3 warning, 1 info",
            ])
    }

    @Test func jsonAndMarkdownFormats() throws {
        let report = try Self.check("b2trader-browser.har", against: "b2trader-frontoffice")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.rendered(as: .json).utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.first?["kind"] as? String == "missingField")
        #expect(findings.first?["path"] as? String == "order.fillFactor")
        #expect(findings.first?["level"] as? String == "breaking")
        #expect((json["summary"] as? [String: Int])?["warning"] == 3)
        let markdown = report.rendered(as: .markdown)
        #expect(markdown.contains("#### Breaking (1)"))
        #expect(markdown.contains("| `cancelOrder` | `missingField` | `order.fillFactor` |"))
    }

    @Test func envelopeAndVariantsAreFollowed() throws {
        // DFX wraps answers in {code, msg, data}; paths name the data field, and a failed envelope is not checked.
        let lines = [
            #"{"method":"GET","url":"https://api.dfx.hk/api/v1/spot/ticker/price?symbol=BTC-USDT","status":200,"body":"{\"code\":\"0\",\"msg\":\"success\",\"serverTimestamp\":1,\"data\":7,\"extra\":true}"}"#,
            #"{"method":"GET","url":"https://api.dfx.hk/api/v1/spot/ticker/price?symbol=BTC-USDT","status":200,"body":"{\"code\":\"401\",\"msg\":\"nope\"}"}"#,
        ]
        let exchanges = try TrafficReader.parse(Data(lines.joined(separator: "\n").utf8), file: "inline.jsonl")
        let report = TrafficCheck.run(exchanges, spec: try Self.spec("dfx-spot"))
        #expect(report.checked == 1)
        #expect(
            report.findings.map(\.message) == [
                "tickerPrice: typeMismatch at data: expected a decimal string, found a number", "tickerPrice: unknownField at extra",
            ])
    }

    @Test func badInputIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("traffic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.jsonl")
        try Data("{\"method\":\"GET\",\"url\":\"/x\",\"status\":200}\nnot json\n".utf8).write(to: bad)
        #expect(throws: TrafficReader.ReadError.self) { try TrafficReader.read(path: bad.path) }
        do { _ = try TrafficReader.read(path: bad.path) } catch {
            #expect("\(error)" == "bad.jsonl:2: error: not a JSON object (expected one exchange per line, or a HAR file)")
        }
        let har = dir.appendingPathComponent("x.har")
        try Data(#"{"log":{"entries":[{"request":{"method":"GET"}}]}}"#.utf8).write(to: har)
        do { _ = try TrafficReader.read(path: har.path) } catch { #expect("\(error)" == "x.har:entry 1: error: an entry needs request.method and request.url") }
        #expect(throws: TrafficReader.ReadError.self) { try TrafficReader.read(path: dir.appendingPathComponent("missing").path) }
    }
}
