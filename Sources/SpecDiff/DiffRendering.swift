import Foundation
import SpecModel

extension DiffReport {
    /// The report in `format`, ending with a newline.
    public func rendered(as format: DiffFormat) -> String {
        switch format {
        case .text: textRendering()
        case .markdown: markdownRendering()
        case .json: jsonRendering()
        }
    }

    func textRendering() -> String {
        var lines: [String] = []
        for finding in findings {
            lines.append(finding.description)
            if let effect = finding.swiftEffect { lines.append("    swift: \(effect)") }
        }
        let specs = comparisons.count == 1 ? "" : " in \(comparisons.count) compared specs"
        lines.append(findings.isEmpty ? "no semantic changes\(specs)" : "\(countsText)\(specs)")
        return lines.joined(separator: "\n") + "\n"
    }

    func jsonRendering() -> String {
        struct Summary: Encodable { var breaking, warning, info, total: Int }
        struct Side: Encodable { var old, new: String? }
        struct Document: Encodable {
            var schemaVersion = 1
            var comparisons: [Side]
            var findings: [DiffFinding]
            var summary: Summary

            enum CodingKeys: String, CodingKey { case schemaVersion, comparisons, findings, summary }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(schemaVersion, forKey: .schemaVersion)
                try c.encode(comparisons, forKey: .comparisons)
                try c.encode(findings, forKey: .findings)
                try c.encode(summary, forKey: .summary)
            }
        }
        let document = Document(
            comparisons: comparisons.map { Side(old: $0.old, new: $0.new) }, findings: findings,
            summary: Summary(breaking: count(.breaking), warning: count(.warning), info: count(.info), total: findings.count))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
