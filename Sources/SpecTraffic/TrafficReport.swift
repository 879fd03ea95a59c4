import Foundation
import SpecModel

/// One difference between recorded traffic and the spec, over all exchanges where it occurred.
public struct TrafficFinding: Sendable, Hashable, Codable {
    public var level: DiffLevel
    /// `unknownField`, `unknownEnumValue`, `missingField`, `typeMismatch` or `unknownEndpoint`.
    public var kind: String
    /// The spec's endpoint id; nil for an endpoint the spec lacks.
    public var endpoint: String?
    /// The JSON path with positions as `[]` (or `METHOD /path` for an unknown endpoint): the grouping key.
    public var path: String
    /// The first occurrence, in words.
    public var message: String
    /// Where it first occurred: `day.jsonl:12`.
    public var source: String
    /// How often it occurred, over all exchanges.
    public var occurrences: Int
    /// In how many exchanges.
    public var exchanges: Int

    public init(level: DiffLevel, kind: String, endpoint: String?, path: String, message: String, source: String, occurrences: Int = 1) {
        self.level = level
        self.kind = kind
        self.endpoint = endpoint
        self.path = path
        self.message = message
        self.source = source
        self.occurrences = occurrences
        exchanges = 1
    }
}

/// What `specgen check-traffic` found.
public struct TrafficReport: Sendable, Hashable {
    public var spec: String
    /// Exchanges read, matched to an endpoint, and walked (2XX with a body).
    public var exchanges = 0
    public var matched = 0
    public var checked = 0
    public private(set) var findings: [TrafficFinding] = []
    private var slots: [String: Int] = [:]

    public init(spec: String) { self.spec = spec }

    /// Adds a finding, or counts it against an earlier one with the same endpoint, kind and path.
    mutating func add(_ finding: TrafficFinding) {
        let key = [finding.endpoint ?? "", finding.kind, finding.path, finding.kind == "unknownEnumValue" ? finding.message : ""].joined(separator: "\u{1}")
        if let slot = slots[key] {
            findings[slot].occurrences += finding.occurrences
            findings[slot].exchanges += 1
        } else {
            slots[key] = findings.count
            findings.append(finding)
        }
    }

    public func count(_ level: DiffLevel) -> Int { findings.count { $0.level == level } }

    /// True when a finding is at `level` or above (`--fail-on`).
    public func hasFindings(atLeast level: DiffLevel) -> Bool { findings.contains { $0.level >= level } }

    /// The report in `format`, ending with a newline.
    public func rendered(as format: DiffFormat) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .json: json()
        }
    }

    private var summary: String {
        let counts = DiffLevel.allCases.reversed().map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
        return "\(exchanges) exchanges, \(matched) matched to an endpoint, \(checked) responses checked: \(counts)"
    }

    private func times(_ f: TrafficFinding) -> String {
        f.occurrences > 1 || f.exchanges > 1 ? " [\(f.occurrences)× in \(f.exchanges) exchange\(f.exchanges == 1 ? "" : "s")]" : ""
    }

    private func text() -> String {
        let lines = sorted().map { "\($0.source): \($0.level.rawValue): \($0.message)\(times($0))" }
        return (lines + [summary]).joined(separator: "\n") + "\n"
    }

    private func markdown() -> String {
        var out = ["### Traffic check of `\(spec)`", "", summary + ".", ""]
        for level in DiffLevel.allCases.reversed() {
            let group = sorted().filter { $0.level == level }
            guard !group.isEmpty else { continue }
            out += ["#### \(level.rawValue.prefix(1).uppercased())\(level.rawValue.dropFirst()) (\(group.count))", ""]
            out += ["| Endpoint | Kind | Path | Finding | First seen | Count |", "| --- | --- | --- | --- | --- | --- |"]
            for f in group {
                let cells = [f.endpoint.map { "`\($0)`" } ?? "—", "`\(f.kind)`", "`\(f.path)`", f.message, f.source, "\(f.occurrences)"]
                out.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func json() -> String {
        struct Summary: Encodable { var exchanges, matched, checked, breaking, warning, info: Int }
        struct Document: Encodable {
            var schemaVersion = 1
            var spec: String
            var findings: [TrafficFinding]
            var summary: Summary
        }
        let document = Document(
            spec: spec, findings: sorted(),
            summary: Summary(exchanges: exchanges, matched: matched, checked: checked, breaking: count(.breaking), warning: count(.warning), info: count(.info)))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Most severe first, then in the order first seen.
    private func sorted() -> [TrafficFinding] {
        findings.enumerated().sorted { ($0.element.level, $1.offset) > ($1.element.level, $0.offset) }.map(\.element)
    }
}
