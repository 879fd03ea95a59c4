import Foundation
import SpecDocs
import SpecModel
import Testing

@Suite("Docs: check-docs on fixture docs")
struct DocsCheckTests {
    let spec = DocsPaths.spec("history/binance-spot-2025-06.yaml")

    func check(_ fixture: String) throws -> DocCheckResult {
        DocCheck.run(try DocReader.read(paths: [DocsPaths.fixture(fixture)]), spec: spec)
    }

    @Test("A trimmed copy of the Binance docs agrees with the spec")
    func trimmedCopy() throws {
        let result = try check("binance-trimmed.md")
        #expect(result.findings.map(\.message) == [])
    }

    @Test("Each change to the copy is reported at its line")
    func changedMarkdown() throws {
        let file = DocsPaths.fixture("binance-changed.md")
        let result = try check("binance-changed.md")
        let line = { DocsPaths.line(of: $0, in: file) }
        let expected: [(DocFinding.Kind, Int)] = [
            (.enumValueMissing, line("*   `HOLD`")),
            (.errorMissing, line("-2040 ORDER")),
            (.endpointMissing, line("GET /api/v3/cancelHistory")),
            (.paramRenamed, line("| originalClientOrderId |")),
            (.paramMandatory, line("| newClientOrderId | STRING | YES |")),
        ]
        #expect(result.findings.map(\.kind) == expected.map(\.0))
        #expect(result.findings.map(\.doc.line) == expected.map(\.1))
        #expect(result.findings.allSatisfy { $0.doc.file == file })
        #expect(
            result.findings.first { $0.kind == .paramRenamed }?.message
                == "DELETE /api/v3/order: the docs name parameter 'originalClientOrderId' where endpoint 'cancelOrder' has 'origClientOrderId'")
        #expect(result.findings.first { $0.kind == .paramMandatory }?.spec?.file == "specs/history/binance-spot-2025-06.yaml")
    }

    @Test("The same content as HTML gives the same findings, at the HTML's lines")
    func changedHTML() throws {
        let markdown = try check("binance-changed.md")
        let file = DocsPaths.fixture("binance-changed.html")
        let html = try check("binance-changed.html")
        #expect(html.findings.map(\.kind) == markdown.findings.map(\.kind))
        #expect(html.findings.map(\.message) == markdown.findings.map(\.message))
        #expect(
            html.findings.map(\.doc.line) == [
                DocsPaths.line(of: "<code>HOLD</code>", in: file), DocsPaths.line(of: "-2040 ORDER_LOCKED", in: file),
                DocsPaths.line(of: "GET /api/v3/cancelHistory", in: file), DocsPaths.line(of: "<td>originalClientOrderId", in: file),
                DocsPaths.line(of: "<td>newClientOrderId", in: file),
            ])
    }

    @Test("A type change and an example that no longer fits are reported; errata explain what they cover")
    func typesExamplesErrata() throws {
        let text = try String(contentsOfFile: DocsPaths.fixture("binance-trimmed.md"), encoding: .utf8)
            .replacingOccurrences(of: "| orderId | LONG | NO |", with: "| orderId | INT | NO |")
            .replacingOccurrences(of: #""orderId": 4,"#, with: #""orderId": "4","#)
        let result = DocCheck.run(docModel([("changed.md", text)]), spec: spec)
        #expect(result.findings.map(\.kind) == [.paramType, .exampleMismatch])
        #expect(result.findings[0].message == "DELETE /api/v3/order: parameter 'orderId' is INT in the docs, LONG in the spec")
        #expect(result.findings[1].message.hasSuffix("$.orderId should be a whole number, found a string"))
        let specText = try String(contentsOfFile: DocsPaths.repo.appendingPathComponent("specs/history/binance-spot-2025-06.yaml").path, encoding: .utf8)
        let withErrata = SpecLoader.load(
            yaml: specText + """
                  - {at: models.CanceledOrder.fields.orderId, docsSay: a string, specSays: LONG, why: test}
                  - {at: endpoints.cancelOrder, docsSay: orderId is INT, specSays: LONG, why: test}

                """, file: "specs/history/binance-spot-2025-06.yaml")
        let withErratum = try #require(withErrata.spec)
        let explained = DocCheck.run(docModel([("changed.md", text)]), spec: withErratum)
        #expect(explained.findings.isEmpty)
        #expect(explained.explained.map(\.explainedBy) == ["endpoints.cancelOrder", "models.CanceledOrder.fields.orderId"])
    }

    @Test("An erratum above a parameter explains only what it names: the parameter and the property")
    func errataPrecision() throws {
        let spec = try #require(
            SpecLoader.load(
                yaml: """
                    specgen: 1
                    api: demo
                    title: Demo
                    module: Demo
                    servers: [{url: "https://api.example.com"}]
                    security: {NONE: {}}
                    enums:
                      Side: {values: [Buy, Sell]}
                    endpoints:
                      placeOrder:
                        method: POST
                        path: /orders
                        security: NONE
                        params:
                          - {name: marketId, type: STRING, required: true}
                          - {name: side, type: Side, required: true, docsType: string}
                    errata:
                      - {at: endpoints.placeOrder, docsSay: No body field is marked required., specSays: marketId and side are required., why: test}
                    """
            ).spec)
        let docs = docModel([
            (
                "orders.md",
                """
                ## Place order
                `POST /orders`

                | Name | Type | Mandatory | Description |
                | --- | --- | --- | --- |
                | marketId | integer | NO | |
                | side | string | NO | Supported values: `Buy`, `Sell`, `Hold` |
                """
            )
        ])
        let result = DocCheck.run(docs, spec: spec)
        #expect(result.findings.map(\.kind) == [.paramType, .enumValueMissing])
        #expect(result.explained.map(\.kind) == [.paramMandatory, .paramMandatory])
    }

    @Test("Text, markdown and JSON reports")
    func reports() throws {
        let result = try check("binance-changed.md")
        let text = result.rendered(as: .text)
        #expect(text.contains(":11:1: warning: [enum-value-missing] the docs list value 'HOLD' under \"Order side\", which enum 'OrderSide' lacks\n"))
        #expect(text.contains("specs/history/binance-spot-2025-06.yaml:"))
        #expect(text.hasSuffix("5 findings, 0 explained by errata (specs/history/binance-spot-2025-06.yaml against 1 document)\n"))
        #expect(result.rendered(as: .markdown).contains("| `enum-value-missing` |"))
        let json = try JSONSerialization.jsonObject(with: Data(result.rendered(as: .json).utf8)) as? [String: Any]
        let findings = json?["findings"] as? [[String: Any]]
        #expect(findings?.count == 5)
        #expect(findings?.first?["id"] as? String == "enum-value-missing")
        #expect((findings?.first?["doc"] as? [String: Any])?["line"] as? Int == 11)
    }
}
