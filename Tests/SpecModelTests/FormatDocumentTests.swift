import Foundation
import SpecModel
import Testing

/// The worked example in docs/spec-format.md is a real spec: it loads with no diagnostics at all.
@Suite struct FormatDocumentTests {
    @Test func completeExampleInTheFormatReferenceIsValid() throws {
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/spec-format.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        let section = try #require(text.range(of: "## A complete example"))
        let rest = text[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let yaml = String(rest[start.upperBound..<end.lowerBound])
        let result = SpecLoader.load(yaml: yaml, file: "docs/spec-format.md")
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.spec?.endpoints.count == 2)
    }
}
