import Foundation
import SpecModel

/// Compares what the docs say (`DocModel`) with a spec and lists every difference the spec's errata do not explain.
public enum DocCheck {
    public static func run(_ docs: DocModel, spec: Spec) -> DocCheckResult {
        var comparer = DocComparer(docs: docs, spec: spec)
        comparer.compare()
        let matcher = ErrataMatcher(errata: spec.errata)
        var findings: [DocFinding] = []
        var explained: [DocFinding] = []
        for var finding in comparer.findings {
            if let erratum = matcher.explanation(for: finding) {
                finding.explainedBy = erratum.at.value
                explained.append(finding)
            } else {
                findings.append(finding)
            }
        }
        let order: (DocFinding, DocFinding) -> Bool = { ($0.doc, $0.kind.rawValue, $0.message) < ($1.doc, $1.kind.rawValue, $1.message) }
        return DocCheckResult(findings: findings.sorted(by: order), explained: explained.sorted(by: order), documents: docs.files, specFile: spec.file)
    }
}

struct DocComparer {
    let docs: DocModel
    let spec: Spec
    /// Spec endpoints by method and path; a venue's one endpoint may be several spec endpoints (with and without
    /// `symbol`).
    let groups: [DocEndpoint.Key: [Endpoint]]
    var findings: [DocFinding] = []
    /// When set, a parameter's type word agrees with its `docsType` or with its type (WebSocket methods).
    var typeWordsOrDocsType = false

    init(docs: DocModel, spec: Spec) {
        self.docs = docs
        self.spec = spec
        var groups: [DocEndpoint.Key: [Endpoint]] = [:]
        for endpoint in spec.endpoints {
            groups[DocEndpoint.Key(method: endpoint.method.rawValue, path: endpoint.path.value), default: []].append(endpoint)
        }
        self.groups = groups
    }

    mutating func report(_ finding: DocFinding) { findings.append(finding) }

    mutating func compare() {
        compareEndpoints()
        compareEnums()
        compareErrors()
        compareFilters()
        compareWebSocketMethods()
        compareStreams()
    }

    /// The checked document that is the spec's document `name` (`dfx/4-market-endpoints.md`), if any.
    func checkedFile(_ name: String) -> String? {
        docs.files.first { $0 == name || $0.hasSuffix("/" + name) }
    }

    // MARK: Endpoints

    mutating func compareEndpoints() {
        for endpoint in docs.endpoints where !endpoint.key.isWebSocket {
            guard let group = groups[endpoint.key] else {
                let title = endpoint.title.map { " (\"\($0)\")" } ?? ""
                let how = endpoint.isMention ? "listed in the docs" : "documented"
                report(
                    DocFinding(
                        .endpointMissing, "\(endpoint.key)\(title) is \(how), but the spec has no endpoint with this method and path",
                        doc: endpoint.location, paths: ["endpoints"], subjects: [endpoint.key.description, endpoint.key.path]))
                continue
            }
            compareEndpoint(endpoint, group)
        }
        let documented = Set(docs.endpoints.map(\.key))
        for endpoint in spec.endpoints where !documented.contains(DocEndpoint.Key(method: endpoint.method.rawValue, path: endpoint.path.value)) {
            guard let source = endpoint.source, let file = checkedFile(source.doc) else { continue }
            let section = source.section.flatMap { name in docs.sections.first { $0.location.file == file && $0.title == name } }
            let where_ = source.section.map { ", section \"\($0)\"" } ?? ""
            report(
                DocFinding(
                    .endpointUndocumented,
                    "spec endpoint '\(endpoint.id.value)' (\(endpoint.method.rawValue) \(endpoint.path.value)) is not in the docs (its source: \(source.doc)\(where_))",
                    doc: section?.location ?? SourceLocation(file: file, line: 1, column: 1), spec: endpoint.id.location,
                    paths: ["endpoints.\(endpoint.id.value)"], subjects: [endpoint.id.value]))
        }
    }

    mutating func compareEndpoint(_ doc: DocEndpoint, _ group: [Endpoint], examples: Bool = true) {
        let first = group[0]
        if let weight = doc.weight {
            let fixed = group.compactMap { e -> Int? in if case let .fixed(w)? = e.weight { w } else { nil } }
            if !fixed.isEmpty, !fixed.contains(weight) {
                report(
                    DocFinding(
                        .weightDiffers, "\(doc.key): weight is \(weight) in the docs, \(fixed.map(String.init).joined(separator: " / ")) in the spec",
                        doc: doc.location, spec: first.id.location, paths: group.map { "endpoints.\($0.id.value).weight" }, subjects: ["weight"]))
            }
        }
        if let word = doc.security, spec.securityLevel(named: word) != nil, !group.contains(where: { $0.security.value == word }) {
            report(
                DocFinding(
                    .securityDiffers, "\(doc.key): the docs mark it \(word), the spec's endpoint '\(first.id.value)' is \(first.security.value)",
                    doc: doc.location, spec: first.security.location, paths: group.map { "endpoints.\($0.id.value).security" }, subjects: [word]))
        }
        if let params = resolvedParams(doc) { compareParams(doc, params, group) }
        if examples { compareExamples(doc, group) }
    }

    /// The endpoint's parameters with those it inherits ("In addition to all parameters of …"); nil when unknown.
    func resolvedParams(_ doc: DocEndpoint, seen: Set<DocEndpoint.Key> = []) -> [DocParam]? {
        guard let base = doc.inheritsParams else { return doc.params }
        guard !seen.contains(base), let parent = docs.endpoint(base), let inherited = resolvedParams(parent, seen: seen.union([doc.key])) else { return nil }
        return inherited + (doc.params ?? [])
    }
}
