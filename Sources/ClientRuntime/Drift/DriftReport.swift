/// One way a response differed from the spec, at one place (all array positions and map keys of that place
/// count as one finding; `path` is the first occurrence and `occurrences` how many there were).
public struct DriftFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of difference.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A field the spec does not list (or an array slot past a positional model's last).
        case unknownField
        /// An enum (or polymorphic kind) value the spec does not list.
        case unknownEnumValue
        /// A field the spec guarantees is absent.
        case missingField
        /// A value of another JSON type than the spec says (including `null` where the spec does not allow it).
        case typeMismatch
    }

    /// What kind of difference.
    public var kind: Kind
    /// JSON path of the first occurrence: `symbols[3].filters[0].newField` (`data.…` inside an envelope; `""` is
    /// the body itself).
    public var path: String
    /// The path with positions as `[]` and map keys as `*`: the same for every occurrence, for grouping.
    public var pattern: String
    /// What the spec says there, for mismatches and missing fields (`a decimal string`).
    public var expected: String?
    /// What the response had: the JSON type for mismatches, the value for unknown enum values.
    public var found: String?
    /// How often it occurred in the response.
    public var occurrences: Int

    /// Creates a finding.
    public init(kind: Kind, path: String, pattern: String, expected: String? = nil, found: String? = nil, occurrences: Int = 1) {
        self.kind = kind
        self.path = path
        self.pattern = pattern
        self.expected = expected
        self.found = found
        self.occurrences = occurrences
    }

    /// `unknownEnumValue at orders[0].status: "PENDING_NEW", expected a OrderStatus value (×12)`.
    public var description: String {
        var text = "\(kind.rawValue) at \(path.isEmpty ? "<root>" : path)"
        switch kind {
        case .unknownField: break
        case .unknownEnumValue: text += ": \"\(found ?? "")\" is not in \(expected ?? "the spec")"
        case .missingField: text += ": the spec guarantees it"
        case .typeMismatch: text += ": expected \(expected ?? "?"), found \(found ?? "?")"
        }
        return occurrences > 1 ? text + " (×\(occurrences))" : text
    }
}

/// What one decode of one endpoint's response found that the spec does not say.
public struct DriftReport: Sendable, Hashable, CustomStringConvertible {
    /// The spec's endpoint id.
    public var endpoint: String
    /// The differences, in the order they were first met.
    public var findings: [DriftFinding]

    /// Creates a report.
    public init(endpoint: String, findings: [DriftFinding]) {
        self.endpoint = endpoint
        self.findings = findings
    }

    /// `endpoint: finding; finding`.
    public var description: String {
        "\(endpoint): " + findings.map(\.description).joined(separator: "; ")
    }
}

/// What a client does with drift (`ClientOptions.driftReporting`).
public enum DriftReporting: Sendable {
    /// No drift check: responses are only decoded.
    case off
    /// Log each distinct (endpoint, path, kind) once at `notice` with the client's logger (the default; no
    /// check runs when the client has no logger).
    case log
    /// Hand every report to this closure (count it in metrics, collect it in a test). It runs on the task
    /// that sent the request, before the response is decoded; keep it short.
    case handler(@Sendable (DriftReport) -> Void)
}
