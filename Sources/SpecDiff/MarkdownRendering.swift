import Foundation
import SpecModel

extension DiffReport {
    func markdownRendering() -> String {
        var out = ["### Spec diff: \(countsText)", ""]
        for comparison in comparisons {
            out.append("- " + [comparison.old, comparison.new].map { $0.map { "`\($0)`" } ?? "(none)" }.joined(separator: " → "))
        }
        if !comparisons.isEmpty { out.append("") }
        guard !findings.isEmpty else { return (out + ["No semantic changes."]).joined(separator: "\n") + "\n" }
        for level in DiffLevel.allCases.reversed() {
            let group = findings.filter { $0.level == level }
            guard !group.isEmpty else { continue }
            let title = "\(level.rawValue.prefix(1).uppercased())\(level.rawValue.dropFirst()) (\(group.count))"
            // Info is usually long and rarely urgent: folded away.
            if level == .info { out += ["<details><summary>\(title)</summary>", ""] } else { out += ["#### \(title)", ""] }
            out.append("| Rule | Where | Change | Swift API |")
            out.append("| --- | --- | --- | --- |")
            for f in group {
                out.append("| `\(f.rule.rawValue)` | `\(cell(f.location.description))` | \(cell(f.message)) | \(f.swiftEffect.map(cell) ?? "") |")
            }
            out.append("")
            if level == .info { out += ["</details>", ""] }
        }
        return out.joined(separator: "\n")
    }

    /// Table cells are one line and must not end the row early.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
