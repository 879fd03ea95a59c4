/// What a description masks: credential headers, signature parameters and literal secret values.
public struct Redactions: Sendable, Hashable {
    /// Header names (lower-cased) whose values are masked.
    public var headerNames: Set<String> {
        get { shared.headerNames }
        set { shared = Shared(newValue, shared.parameterNames, shared.values) }
    }
    /// Query and form parameter names whose values are masked.
    public var parameterNames: Set<String> {
        get { shared.parameterNames }
        set { shared = Shared(shared.headerNames, newValue, shared.values) }
    }
    /// Literal values masked wherever they appear (API key, signature, token as sent).
    public var values: Set<String> {
        get { added.isEmpty ? shared.values : shared.values.union(added) }
        set {
            shared = Shared(shared.headerNames, shared.parameterNames, newValue.filter { !$0.isEmpty })
            added = []
        }
    }

    /// The sets given up front, in one box that every request of a client shares: copying the redactions
    /// along the request path is one reference count, not one per set. A change makes a new box.
    private final class Shared: Sendable {
        let headerNames: Set<String>
        let parameterNames: Set<String>
        let values: Set<String>

        init(_ headerNames: Set<String>, _ parameterNames: Set<String>, _ values: Set<String>) {
            self.headerNames = headerNames
            self.parameterNames = parameterNames
            self.values = values
        }
    }

    private var shared: Shared
    /// The values one request adds (its signature): appended without copying the shared ones.
    private var added: [String] = []

    /// Creates a set of redactions on top of the well-known credential headers and `signature`.
    public init(headerNames: Set<String> = [], parameterNames: Set<String> = [], values: Set<String> = []) {
        shared = Shared(
            Redaction.sensitiveHeaderNames.union(headerNames.map { $0.lowercased() }),
            Redaction.sensitiveParameterNames.union(parameterNames), values.filter { !$0.isEmpty })
    }

    /// Masks the header `name` (lower-cased) too; the box is kept when it is masked already.
    mutating func maskHeader(_ name: String) {
        let lowercased = name.lowercased()
        if !shared.headerNames.contains(lowercased) { headerNames.insert(lowercased) }
    }

    /// Masks the parameter `name` too; the box is kept when it is masked already.
    mutating func maskParameter(_ name: String) {
        if !shared.parameterNames.contains(name) { parameterNames.insert(name) }
    }

    /// Adds a literal value to mask (an empty one masks nothing).
    mutating func mask(_ value: String) {
        if !value.isEmpty { added.append(value) }
    }

    /// Adds literal values to mask; when none were added yet, `values` is kept as it is (no copy).
    mutating func mask(_ values: [String]) {
        if added.isEmpty, !values.contains(where: \.isEmpty) { added = values } else { values.forEach { mask($0) } }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.headerNames == rhs.headerNames && lhs.parameterNames == rhs.parameterNames && lhs.values == rhs.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(headerNames)
        hasher.combine(parameterNames)
        hasher.combine(values)
    }

    /// Masks every literal secret value in `text`.
    public func scrub(_ text: String) -> String {
        // Longest first, so a value that contains another is masked whole.
        values.sorted { $0.count > $1.count }.reduce(text) { partial, secret in
            partial.replacingOccurrences(of: secret, with: Redaction.mask)
        }
    }

    /// Masks the values of sensitive parameters in `a=1&b=2` text, then every literal secret.
    public func scrubParameters(_ text: String) -> String {
        let masked = text.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let eq = pair.firstIndex(of: "=") else { return String(pair) }
            let name = String(pair[..<eq])
            return parameterNames.contains(name) ? "\(name)=\(Redaction.mask)" : String(pair)
        }.joined(separator: "&")
        return scrub(masked)
    }

    /// Merges two sets of redactions.
    public func union(_ other: Redactions) -> Redactions {
        var result = self
        result.headerNames.formUnion(other.headerNames)
        result.parameterNames.formUnion(other.parameterNames)
        result.values.formUnion(other.values)
        return result
    }
}

/// Shared redaction constants.
enum Redaction {
    static let mask = "<redacted>"
    static let sensitiveHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie",
        "x-mbx-apikey", "exchange-api-key", "exchange-api-sign",
    ]
    static let sensitiveParameterNames: Set<String> = ["signature"]
}
