import Foundation
import SpecDiff
import SpecModel
import Testing

/// Text, Markdown and JSON renderings, levels, and the rule table's documentation.
@Suite struct DiffOutputTests {
    let report = DiffReport(comparisons: [
        .init(
            old: "old.yaml", new: "new.yaml",
            findings: [
                DiffFinding(
                    rule: .parameterBecameRequired, location: SpecModel.SourceLocation(file: "new.yaml", line: 12, column: 7),
                    message: "endpoint `newOrder`: parameter `quantity` is now required", swiftEffect: "`DemoClient.newOrder`: parameter `quantity` is now required"),
                DiffFinding(
                    rule: .weightChanged, location: SpecModel.SourceLocation(file: "new.yaml", line: 9, column: 3), message: "endpoint `a|b`: weight is now 2 (was 1)"),
                DiffFinding(rule: .descriptionChanged, location: SpecModel.SourceLocation(file: "new.yaml", line: 3, column: 1), message: "the spec: title changed"),
            ])
    ])

    @Test func text() {
        #expect(
            report.rendered(as: .text) == """
                new.yaml:12:7: breaking: [parameter-became-required] endpoint `newOrder`: parameter `quantity` is now required
                    swift: `DemoClient.newOrder`: parameter `quantity` is now required
                new.yaml:9:3: warning: [weight-changed] endpoint `a|b`: weight is now 2 (was 1)
                new.yaml:3:1: info: [description-changed] the spec: title changed
                1 breaking, 1 warning, 1 info

                """)
        #expect(DiffReport(comparisons: [.init(old: "a", new: "b", findings: [])]).rendered(as: .text) == "no semantic changes\n")
    }

    @Test func markdown() {
        let markdown = report.rendered(as: .markdown)
        #expect(markdown.hasPrefix("### Spec diff: 1 breaking, 1 warning, 1 info\n\n- `old.yaml` → `new.yaml`\n"))
        #expect(
            markdown.contains("#### Breaking (1)\n\n| Rule | Where | Change | Swift API |\n| --- | --- | --- | --- |\n| `parameter-became-required` | `new.yaml:12:7` |"))
        #expect(markdown.contains("| `weight-changed` | `new.yaml:9:3` | endpoint `a\\|b`: weight is now 2 (was 1) |  |"))
        #expect(markdown.contains("<details><summary>Info (1)</summary>"))
        #expect(markdown.range(of: "#### Breaking")!.lowerBound < markdown.range(of: "#### Warning")!.lowerBound)
    }

    @Test func jsonSchema() throws {
        let json = report.rendered(as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["schemaVersion", "comparisons", "findings", "summary"])
        #expect(object["schemaVersion"] as? Int == 1)
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["breaking": 1, "warning": 1, "info": 1, "total": 3])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 3)
        for finding in findings { #expect(Set(finding.keys) == ["rule", "level", "location", "message", "swiftEffect"]) }
        #expect(findings[0]["rule"] as? String == "parameter-became-required")
        #expect(findings[0]["level"] as? String == "breaking")
        let location = try #require(findings[0]["location"] as? [String: Any])
        #expect(location["file"] as? String == "new.yaml" && location["line"] as? Int == 12 && location["column"] as? Int == 7)
        #expect(findings[1]["swiftEffect"] is NSNull)
        let comparisons = try #require(object["comparisons"] as? [[String: String]])
        #expect(comparisons == [["old": "old.yaml", "new": "new.yaml"]])
        // Findings decode back.
        let decoded = try JSONDecoder().decode([DiffFinding].self, from: JSONSerialization.data(withJSONObject: findings))
        #expect(decoded == report.findings)
    }

    @Test func levelsAndFailOn() {
        #expect(DiffLevel.info < .warning && .warning < .breaking)
        #expect(report.hasFindings(atLeast: .breaking))
        let quiet = report.keeping(atLeast: .warning)
        #expect(quiet.findings.map(\.rule) == [.parameterBecameRequired, .weightChanged])
        let infoOnly = DiffReport(comparisons: [.init(old: "a", new: "b", findings: [report.findings[2]])])
        #expect(!infoOnly.hasFindings(atLeast: .warning))
        #expect(infoOnly.hasFindings(atLeast: .info))
    }

    @Test func rulesPageListsEveryRuleWithItsLevel() throws {
        let page = try String(contentsOfFile: repositoryRoot + "/docs/diff-rules.md", encoding: .utf8)
        for rule in DiffRule.allCases {
            #expect(page.contains("| `\(rule.rawValue)` | \(rule.level.rawValue) | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |"), "\(rule.rawValue)")
        }
    }
}
