import SpecModel

/// The findings of one or more spec comparisons, ready to render.
public struct DiffReport: Sendable, Hashable {
    /// One compared pair; `old` is nil for an added spec, `new` for a removed one.
    public struct Comparison: Sendable, Hashable, Codable {
        public var old: String?
        public var new: String?
        public var findings: [DiffFinding]

        public init(old: String?, new: String?, findings: [DiffFinding]) {
            self.old = old
            self.new = new
            self.findings = findings
        }
    }

    public var comparisons: [Comparison]

    public init(comparisons: [Comparison]) {
        self.comparisons = comparisons
    }

    /// Every finding, comparison by comparison.
    public var findings: [DiffFinding] { comparisons.flatMap(\.findings) }

    /// How many findings have `level`.
    public func count(_ level: DiffLevel) -> Int { findings.count { $0.level == level } }

    /// True when a finding is at `level` or above (`--fail-on`).
    public func hasFindings(atLeast level: DiffLevel) -> Bool { findings.contains { $0.level >= level } }

    /// The report without findings below `level`.
    public func keeping(atLeast level: DiffLevel) -> DiffReport {
        DiffReport(comparisons: comparisons.map { Comparison(old: $0.old, new: $0.new, findings: $0.findings.filter { $0.level >= level }) })
    }

    /// "2 breaking, 1 warning, 12 info".
    public var countsText: String {
        let warnings = count(.warning)
        return "\(count(.breaking)) breaking, \(warnings) warning\(warnings == 1 ? "" : "s"), \(count(.info)) info"
    }
}

/// Inputs that could not be loaded; their diagnostics say why.
public struct DiffFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// What could be compared anyway (`--base` with several specs), or nil.
    public var report: DiffReport?

    public init(diagnostics: [Diagnostic], report: DiffReport? = nil) {
        self.diagnostics = diagnostics
        self.report = report
    }
}
