import SpecModel

/// The semantic diff of two specs: what changed for the people who use the generated clients.
///
/// Order, comments, whitespace and YAML style never matter: endpoints, models and enums are matched by name,
/// parameters and fields by wire name, servers by URL, error codes by code, rules and examples by content.
/// Positional models are the one place where order is meaning.
public enum SpecDiff {
    /// Compares `old` with `new`. The texts, when given, place findings about top-level sections (which the model
    /// keeps no location for) on their key's line; otherwise those point at the top of the file.
    public static func compare(_ old: Spec, _ new: Spec, oldText: String? = nil, newText: String? = nil) -> [DiffFinding] {
        var comparer = SpecComparer(old: old, new: new, oldText: oldText, newText: newText)
        comparer.compareHeader()
        comparer.compareServers()
        comparer.compareAuth()
        comparer.compareSecurityLevels()
        comparer.compareWireFormat()
        comparer.compareRateLimits()
        comparer.compareEndpoints()
        comparer.compareModels()
        comparer.compareEnums()
        comparer.compareErrors()
        comparer.compareMessageCatalogs()
        comparer.compareErrata()
        comparer.compareWebSocketAPI()
        comparer.compareStreams()
        return comparer.findings
    }
}

/// Holds both specs and what is derived from them, and collects findings; the comparisons live in extensions,
/// one file per part of the spec.
struct SpecComparer {
    let old: Spec
    let new: Spec
    let oldNames: SwiftNames
    let newNames: SwiftNames
    let oldUsage: TypeUsage
    let newUsage: TypeUsage
    let oldKeys: TopLevelKeys
    let newKeys: TopLevelKeys
    private(set) var findings: [DiffFinding] = []

    init(old: Spec, new: Spec, oldText: String?, newText: String?) {
        self.old = old
        self.new = new
        oldNames = SwiftNames(old)
        newNames = SwiftNames(new)
        oldUsage = TypeUsage(old)
        newUsage = TypeUsage(new)
        oldKeys = TopLevelKeys(text: oldText, file: old.file)
        newKeys = TopLevelKeys(text: newText, file: new.file)
    }

    mutating func report(_ rule: DiffRule, at location: SourceLocation, _ message: String, swift: String? = nil) {
        findings.append(DiffFinding(rule: rule, location: location, message: message, swiftEffect: swift))
    }

    /// One `description-changed` finding naming every documentary attribute of `owner` that differs.
    mutating func describe(_ owner: String, at location: SourceLocation, _ attributes: [(name: String, old: String?, new: String?)]) {
        let changed = attributes.filter { normalizedText($0.old) != normalizedText($0.new) }.map(\.name)
        guard !changed.isEmpty else { return }
        report(.descriptionChanged, at: location, "\(owner): \(joinedList(changed)) changed")
    }

    /// `became-deprecated` / `no-longer-deprecated`.
    mutating func deprecation(_ owner: String, old: Bool, new: Bool, at location: SourceLocation, swift: String?) {
        guard old != new else { return }
        if new {
            report(.becameDeprecated, at: location, "\(owner) is now deprecated", swift: swift.map { "\($0) is marked deprecated" })
        } else {
            report(.noLongerDeprecated, at: location, "\(owner) is no longer deprecated", swift: swift.map { "\($0) is no longer marked deprecated" })
        }
    }
}

/// Free text compared the way a reader sees it: runs of whitespace are one space, ends trimmed.
func normalizedText(_ text: String?) -> String? {
    guard let text else { return nil }
    let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
    return words.isEmpty ? nil : words.joined(separator: " ")
}

/// Pairs two lists by a key: what only the old one has, what only the new one has, and the pairs (new order).
struct Matched<Element> {
    var removed: [Element] = []
    var added: [Element] = []
    var common: [(old: Element, new: Element)] = []

    init(_ old: [Element], _ new: [Element], by key: (Element) -> String) {
        var oldByKey: [String: Element] = [:]
        for element in old where oldByKey[key(element)] == nil { oldByKey[key(element)] = element }
        var newKeys = Set<String>()
        for element in new {
            let k = key(element)
            guard newKeys.insert(k).inserted else { continue }
            if let previous = oldByKey[k] { common.append((previous, element)) } else { added.append(element) }
        }
        removed = old.filter { !newKeys.contains(key($0)) }
    }
}
