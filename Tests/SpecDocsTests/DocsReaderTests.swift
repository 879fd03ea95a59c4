import Foundation
import SpecModel
import Testing

@testable import SpecDocs

@Suite("Docs: Markdown and HTML reading")
struct DocsReaderTests {
    func blocks(_ markdown: String) -> [DocBlock] { MarkdownReader.read(markdown, file: "t.md").blocks }

    func tables(_ blocks: [DocBlock]) -> [DocTable] {
        blocks.compactMap { if case let .table(t) = $0.kind { t } else { nil } }
    }

    @Test("JEX tables without outer pipes, with tabs and a missing last cell")
    func jexTable() {
        let t = tables(
            blocks(
                """
                Name | Type | Mandatory | Description
                ------------ | ------------ | ------------ | ------------
                symbol | STRING | YES |
                recvWindow |\tLONG |\tNO\t
                """))
        #expect(t.count == 1)
        #expect(t[0].headerWords == ["name", "type", "mandatory", "description"])
        #expect(t[0].rows.map { $0.map(\.text) } == [["symbol", "STRING", "YES"], ["recvWindow", "LONG", "NO"]])
        #expect(t[0].rows[1][0].at.line == 4)
    }

    @Test("Binance cells continued on the next lines, with blank-looking lines inside")
    func continuedCells() {
        let t = tables(
            blocks(
                "| Name | Type | Mandatory | Description |\n| --- | --- | --- | --- |\n| a | ENUM | NO | Supported values:  \n`X` - one.  \n  \n`Y` - two. \n| b | LONG | YES |  \n\nafter"
            ))
        #expect(t[0].rows.count == 2)
        #expect(t[0].rows[0][3].text == "Supported values:\n`X` - one.\n\n`Y` - two.")
        #expect(t[0].rows[1][0].at.line == 7)
    }

    @Test("Setext and ATX headings, direct-link anchors and escapes removed by plain()")
    func headings() {
        let b = blocks("Trading endpoints\n=================\n\n### Query order (USER\\_DATA)[](/docs/x#query \"Direct link to Query order (USER_DATA)\")\n")
        let titles = b.compactMap { if case let .heading(level, text) = $0.kind { "\(level) \(InlineText.plain(text))" } else { nil } }
        #expect(titles == ["1 Trading endpoints", "3 Query order (USER_DATA)"])
    }

    @Test("Fenced code is located at its first line; bare JSON and front matter are recognised")
    func codeBlocks() {
        let reader = MarkdownReader.read("---\ntitle: spot api\n---\n```\nGET /api/v3/time\n```\nRequest example\n{\n\"a\": 1\n}\n", file: "t.md")
        #expect(reader.title == "spot api")
        let codes = reader.blocks.compactMap { if case let .code(_, text) = $0.kind { ($0.at.line, text) } else { nil } }
        #expect(codes.map(\.0) == [5, 8])
        #expect(codes.map(\.1) == ["GET /api/v3/time", "{\n\"a\": 1\n}"])
    }

    @Test("HTML through libxml2: headings, tables with code cells, pre, line numbers, malformed markup")
    func html() {
        let html = """
            <html><body>
            <h3>Cancel order (TRADE)<a class="hash-link" href="#cancel">#</a></h3>
            <pre><code>DELETE /api/v3/order</code></pre>
            <table><tr><th>Name<th>Type<th>Mandatory
            <tr><td>symbol<td>STRING<td>YES
            <tr><td>side<td>ENUM<td>NO&nbsp;
            </table>
            <p><strong>Weight:</strong> 1<br>next</p>
            <ul><li><code>BUY</code></ul>
            </body></html>
            """
        let b = HTMLReader.read(html, file: "t.html").blocks
        guard case let .heading(3, title) = b[0].kind else { Issue.record("no heading"); return }
        #expect(title == "Cancel order (TRADE)")
        #expect(b[0].at.line == 2)
        let t = tables(b)
        #expect(t.first?.rows.map { $0.map(\.text) } == [["symbol", "STRING", "YES"], ["side", "ENUM", "NO"]])
        #expect(t.first?.rows.first?.first?.at.line == 5)
        let texts = b.compactMap { if case let .text(s) = $0.kind { s } else { nil } }
        #expect(texts == ["**Weight:** 1", "next"])
        let items = b.compactMap { if case let .listItem(s) = $0.kind { s } else { nil } }
        #expect(items == ["`BUY`"])
    }

    @Test("Endpoint lines in the venues' styles")
    func endpointLines() {
        #expect(EndpointLine.parse("POST `/api/v1/spot/order`")?.description == "POST /api/v1/spot/order")
        #expect(EndpointLine.parse("`POST /api/v1/spot/order  (HMAC SHA256)`")?.description == "POST /api/v1/spot/order")
        #expect(EndpointLine.parse("DELETE /frontoffice/api/v3/orders/{orderId}")?.description == "DELETE /frontoffice/api/v3/orders/{orderId}")
        #expect(EndpointLine.parse("POST /frontoffice/api/v3/orders HTTP/1.1") == nil)
        #expect(EndpointLine.parse("SIGNED Endpoint Examples for POST /api/v3/order") == nil)
        #expect(EndpointLine.key(method: " GET", path: "/ws/**") == nil)
        #expect(EndpointLine.securityWord("Place order in coins transaction（TRADE）") == "TRADE")
        #expect(EndpointLine.securityWord("Query order (USER\\_DATA)") == "USER_DATA")
    }

    @Test("JSON examples: comments in one-line JSON, leading comments, placeholder objects")
    func jsonExamples() throws {
        let oneLine = #"{  "orderId": 28,  "orderListId": -1, // Unless it's part of an order list, value will be -1  "clientOrderId": "x"}"#
        #expect(try JSONDocument.parse(JSONExampleText.clean(oneLine))["clientOrderId"] == .string("x"))
        let leading = #"// Both succeeded.{  "cancelResult": "SUCCESS"}"#
        #expect(try JSONDocument.parse(JSONExampleText.clean(leading))["cancelResult"] == .string("SUCCESS"))
        let placeholder =
            #"{  "rateLimits": [    {      // Defined in ENUM definitions.      // All limits are optional    }  ],  "filters": [    // optional  ],  "x": "http://a//b"}"#
        let doc = try JSONDocument.parse(JSONExampleText.clean(placeholder))
        #expect(doc["rateLimits"] == .array([]))
        #expect(doc["filters"] == .array([]))
        #expect(doc["x"] == .string("http://a//b"))
        let multiLine = "[\n  \"4.00\",     // PRICE\n  []                // IGNORE.\n]"
        #expect(try JSONDocument.parse(JSONExampleText.clean(multiLine)) == .array([.string("4.00"), .array([])]))
    }
}
