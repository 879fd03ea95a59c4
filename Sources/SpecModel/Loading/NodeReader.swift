import Yams

/// Collects diagnostics while reading one file, and bounds the work an alias bomb could cause.
final class LoadContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var budget = 2_000_000
    private(set) var exhausted = false

    init(file: String) { self.file = file }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ message: String, at node: Node) { report(.error, message, at: location(of: node)) }
    func warning(_ message: String, at node: Node) { report(.warning, message, at: location(of: node)) }

    func report(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation) {
        guard diagnostics.count < 10_000 else { return }
        diagnostics.append(Diagnostic(severity, message, at: location))
    }

    /// Counts visited nodes; false (with one diagnostic) once a document expands past the budget.
    func spend(_ node: Node) -> Bool {
        budget -= 1
        if budget < 0, !exhausted {
            exhausted = true
            error("document expands to more than 2,000,000 nodes (an alias expansion bomb?); giving up", at: node)
        }
        return !exhausted
    }
}

extension Node {
    /// How the node reads in a message: "a mapping", "a list", "the text 'x'".
    var kindDescription: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case let .scalar(scalar): scalar.string.isEmpty ? "an empty value" : "'\(scalar.string.prefix(40))'"
        case .alias: "an alias"
        }
    }
}

/// Reads one YAML mapping: reports unknown keys (with a suggestion) and values of the wrong kind.
struct MappingReader {
    let node: Node
    let ctx: LoadContext
    let what: String
    /// The mapping's entries as three parallel arrays: a lookup compares only the key texts and copies only the value
    /// it finds (scanning `(String, Node, Node)` tuples copied every tuple it passed, touching each node's memory).
    private let keys: [String]
    private let keyNodes: [Node]
    private let values: [Node]

    /// nil (with a diagnostic) when `node` is not a mapping. `allowed` nil accepts any key (a mapping keyed by
    /// names, such as `endpoints`; checking those against a list of themselves made loading quadratic).
    init?(_ node: Node, _ ctx: LoadContext, what: String, allowed: [String]?) {
        guard ctx.spend(node) else { return nil }
        guard case let .mapping(mapping) = node else {
            ctx.error("\(what) must be a mapping, found \(node.kindDescription)", at: node)
            return nil
        }
        self.node = node
        self.ctx = ctx
        self.what = what
        var keys: [String] = []
        var keyNodes: [Node] = []
        var values: [Node] = []
        keys.reserveCapacity(mapping.count)
        keyNodes.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                ctx.error("keys of \(what) must be plain text", at: key)
                continue
            }
            if let allowed, !allowed.contains(name) {
                let hint = closest(to: name, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                ctx.error("unknown key '\(name)' in \(what)\(hint)", at: key)
                continue
            }
            keys.append(name)
            keyNodes.append(key)
            values.append(value)
        }
        self.keys = keys
        self.keyNodes = keyNodes
        self.values = values
    }

    subscript(key: String) -> Node? { keys.firstIndex(of: key).map { values[$0] } }

    var location: SourceLocation { ctx.location(of: node) }

    /// Entries in document order (for mappings keyed by a name, such as `endpoints`).
    var entries: [(key: String, keyNode: Node, value: Node)] { keys.indices.map { (keys[$0], keyNodes[$0], values[$0]) } }

    func missing(_ key: String) {
        ctx.error("\(what) is missing required key '\(key)'", at: node)
    }

    func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = self[key] else {
            if required { missing(key) }
            return nil
        }
        return scalarText(value, key: key)
    }

    func text(_ key: String, required: Bool = false) -> String? { string(key, required: required)?.value }

    func scalarText(_ value: Node, key: String) -> Located<String>? {
        guard case let .scalar(scalar) = value else {
            ctx.error("'\(key)' in \(what) must be a single value, found \(value.kindDescription)", at: value)
            return nil
        }
        return Located(scalar.string, at: ctx.location(of: value))
    }

    func bool(_ key: String) -> Bool? {
        guard let value = self[key] else { return nil }
        guard case .scalar = value, let bool = value.bool else {
            ctx.error("'\(key)' in \(what) must be true or false, found \(value.kindDescription)", at: value)
            return nil
        }
        return bool
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let value = self[key] else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar = value, let int = value.int else {
            ctx.error("'\(key)' in \(what) must be a whole number, found \(value.kindDescription)", at: value)
            return nil
        }
        return int
    }

    /// A literal scalar value (number, text or boolean), kept as written.
    func scalar(_ key: String) -> ScalarValue? {
        guard let value = self[key], let text = scalarText(value, key: key) else { return nil }
        return ScalarValue(text: text.value, location: text.location)
    }

    /// A list; a single value where a list is expected is accepted as a one-element list when `lenient`.
    func list(_ key: String, required: Bool = false, lenient: Bool = false) -> [Node] {
        guard let value = self[key] else {
            if required { missing(key) }
            return []
        }
        switch value {
        case let .sequence(sequence): return Array(sequence)
        case .scalar where lenient: return [value]
        default:
            ctx.error("'\(key)' in \(what) must be a list, found \(value.kindDescription)", at: value)
            return []
        }
    }

    func strings(_ key: String, required: Bool = false, lenient: Bool = false) -> [Located<String>] {
        list(key, required: required, lenient: lenient).compactMap { scalarText($0, key: key) }
    }

    func oneOf<T: RawRepresentable>(_ key: String, required: Bool = false) -> T? where T.RawValue == String, T: CaseIterable {
        guard let text = string(key, required: required) else { return nil }
        if let value = T(rawValue: text.value) { return value }
        let choices = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        ctx.report(.error, "'\(key)' in \(what) must be one of \(choices), found '\(text.value)'", at: text.location)
        return nil
    }
}

/// The allowed word nearest to `word`, when it is plausibly a typo.
func closest(to word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
    return best.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = a[i - 1] == b[j - 1] ? previous : 1 + min(previous, row[j], row[j - 1])
            previous = current
        }
    }
    return row[b.count]
}
