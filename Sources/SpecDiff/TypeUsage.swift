import SpecModel

/// Which named types (models, enums) travel in requests and which in responses, and which endpoints use them,
/// following model fields and polymorphic variants transitively.
struct TypeUsage {
    enum Direction: Hashable, Comparable { case request, response }

    private(set) var directions: [String: Set<Direction>] = [:]
    private(set) var endpoints: [String: [String]] = [:]

    init(_ spec: Spec) {
        let children = Self.children(spec)
        var roots: [(names: [String], direction: Direction, endpoint: String?)] = []
        for endpoint in spec.endpoints {
            let id = endpoint.id.value
            roots.append((endpoint.params.flatMap(\.type.value.referencedNames), .request, id))
            if let response = endpoint.response {
                let types = [response.type?.value].compactMap { $0 } + response.variants.map(\.type.value) + response.errorBodies.map(\.type.value)
                roots.append((types.flatMap(\.referencedNames), .response, id))
            }
        }
        roots.append(((spec.envelope?.extraFields ?? []).flatMap(\.type.value.referencedNames), .response, nil))
        for root in roots {
            var seen = Set<String>()
            var queue = root.names
            while let name = queue.popLast() {
                guard seen.insert(name).inserted else { continue }
                directions[name, default: []].insert(root.direction)
                if let id = root.endpoint, !(endpoints[name] ?? []).contains(id) { endpoints[name, default: []].append(id) }
                queue += children[name] ?? []
            }
        }
    }

    /// Names each model refers to directly.
    private static func children(_ spec: Spec) -> [String: [String]] {
        var children: [String: [String]] = [:]
        for model in spec.models {
            var names = model.fields.flatMap(\.type.value.referencedNames)
            if case let .polymorphic(_, variants) = model.kind { names += variants.map(\.model.value) }
            children[model.name.value] = names
        }
        return children
    }

    /// Directions of `name` in either spec; a type used nowhere counts as a response type.
    static func directions(of name: String, _ old: TypeUsage, _ new: TypeUsage) -> Set<Direction> {
        let found = (old.directions[name] ?? []).union(new.directions[name] ?? [])
        return found.isEmpty ? [.response] : found
    }

    /// " (used by `a`, `b`, `c` and 3 more)" in either spec, sorted; "" when no endpoint uses it.
    static func usedBy(_ name: String, _ old: TypeUsage, _ new: TypeUsage) -> String {
        let ids = Set((new.endpoints[name] ?? []) + (old.endpoints[name] ?? [])).sorted()
        guard !ids.isEmpty else { return "" }
        let shown = ids.prefix(3).map { "`\($0)`" }
        let rest = ids.count - shown.count
        let list = rest > 0 ? shown.joined(separator: ", ") + " and \(rest) more" : joinedList(shown)
        return " (used by \(list))"
    }
}

/// "a", "a and b", "a, b and c".
func joinedList(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
