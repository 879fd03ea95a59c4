import SpecModel

/// One difference between the docs and a spec, reported at the docs' line (and the spec's, when there is one).
public struct DocFinding: Sendable, Hashable {
    /// The finding id printed in brackets (`[param-missing]`).
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case endpointMissing = "endpoint-missing"
        case endpointUndocumented = "endpoint-undocumented"
        case paramMissing = "param-missing"
        case paramExtra = "param-extra"
        case paramRenamed = "param-renamed"
        case paramType = "param-type"
        case paramMandatory = "param-mandatory"
        case enumValueMissing = "enum-value-missing"
        case enumMissing = "enum-missing"
        case errorMissing = "error-missing"
        case errorRenamed = "error-renamed"
        case errorUndocumented = "error-undocumented"
        case filterMissing = "filter-missing"
        case filterUndocumented = "filter-undocumented"
        case filterFieldMissing = "filter-field-missing"
        case filterFieldExtra = "filter-field-extra"
        case exampleInvalid = "example-invalid-json"
        case exampleMismatch = "example-mismatch"
        case exampleUnknownParam = "example-unknown-param"
        case weightDiffers = "weight-differs"
        case securityDiffers = "security-differs"
        case methodMissing = "ws-method-missing"
        case methodUndocumented = "ws-method-undocumented"
        case streamMissing = "stream-missing"
        case streamUndocumented = "stream-undocumented"
        case eventMissing = "event-missing"
    }

    public var kind: Kind
    public var message: String
    /// Where the docs say it.
    public var doc: SourceLocation
    /// Where the spec says otherwise (or would say it), when there is such a place.
    public var spec: SourceLocation?
    /// Spec paths the finding concerns (`endpoints.newOrder.params.price`), for matching errata.
    public var specPaths: [String]
    /// Names or values the finding is about, which an erratum must mention when it sits above the finding's path.
    public var subjects: [String]
    /// What kind of difference it is ("required", "type"); an erratum above the finding's path must name one too.
    public var aspects: [String] = []
    /// The `at` of the erratum that explains the finding, if one does.
    public var explainedBy: String?

    public init(
        _ kind: Kind, _ message: String, doc: SourceLocation, spec: SourceLocation? = nil, paths: [String], subjects: [String] = [],
        aspects: [String] = []
    ) {
        self.kind = kind
        self.message = message
        self.doc = doc
        self.spec = spec
        specPaths = paths
        self.subjects = subjects
        self.aspects = aspects
    }
}

/// The outcome of `check-docs`: findings the errata do not explain, and those they do.
public struct DocCheckResult: Sendable {
    public var findings: [DocFinding]
    public var explained: [DocFinding]
    /// The documents read and the spec checked.
    public var documents: [String]
    public var specFile: String
}
