import Foundation
import SpecModel

/// How a docs check is printed (the same three forms as `specgen diff`).
public enum DocCheckFormat: String, Sendable, CaseIterable {
    /// `docfile:line:col: warning: [finding-id] message`, a note with the spec's place, and a summary line.
    case text
    /// A table, ready to paste into a pull request.
    case markdown
    /// Findings and explained findings as JSON (`schemaVersion` 1).
    case json
}

extension DocCheckResult {
    /// The result in `format`, ending with a newline.
    public func rendered(as format: DocCheckFormat) -> String {
        switch format {
        case .text: textRendering()
        case .markdown: markdownRendering()
        case .json: jsonRendering()
        }
    }

    /// "2 findings, 5 explained by errata".
    public var summary: String {
        let n = findings.count
        return
            "\(n) finding\(n == 1 ? "" : "s"), \(explained.count) explained by errata (\(specFile) against \(documents.count) document\(documents.count == 1 ? "" : "s"))"
    }

    func textRendering() -> String {
        var lines: [String] = []
        for f in findings {
            lines.append("\(f.doc): warning: [\(f.kind.rawValue)] \(f.message)")
            if let spec = f.spec { lines.append("\(spec): note: the spec's side") }
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    func markdownRendering() -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        func place(_ l: SourceLocation?) -> String { l.map { "`\($0.file):\($0.line)`" } ?? "" }
        var lines = ["### Docs check: `\(specFile)`", "", documents.map { "`\($0)`" }.joined(separator: ", "), ""]
        if findings.isEmpty {
            lines.append("No differences the errata do not explain.")
        } else {
            lines += ["| docs | finding | message | spec |", "| --- | --- | --- | --- |"]
            lines += findings.map { "| \(place($0.doc)) | `\($0.kind.rawValue)` | \(cell($0.message)) | \(place($0.spec)) |" }
        }
        if !explained.isEmpty {
            lines += [
                "", "<details><summary>\(explained.count) explained by errata</summary>", "", "| docs | finding | message | erratum |", "| --- | --- | --- | --- |",
            ]
            lines += explained.map { "| \(place($0.doc)) | `\($0.kind.rawValue)` | \(cell($0.message)) | `\($0.explainedBy ?? "")` |" }
            lines += ["", "</details>"]
        }
        lines += ["", summary]
        return lines.joined(separator: "\n") + "\n"
    }

    func jsonRendering() -> String {
        struct Place: Encodable { var file: String, line: Int, column: Int }
        struct Item: Encodable {
            var id: String, message: String, doc: Place, spec: Place?, specPaths: [String], explainedBy: String?
        }
        struct Document: Encodable {
            var schemaVersion = 1
            var spec: String
            var documents: [String]
            var findings: [Item]
            var explained: [Item]
        }
        func place(_ l: SourceLocation) -> Place { Place(file: l.file, line: l.line, column: l.column) }
        func item(_ f: DocFinding) -> Item {
            Item(id: f.kind.rawValue, message: f.message, doc: place(f.doc), spec: f.spec.map(place), specPaths: f.specPaths, explainedBy: f.explainedBy)
        }
        let document = Document(spec: specFile, documents: documents, findings: findings.map(item), explained: explained.map(item))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
