import SpecGenerator
import SpecModel

extension SpecComparer {
    /// Endpoints by id; an endpoint that keeps its method and path under a new id counts as renamed.
    mutating func compareEndpoints() {
        let endpoints = Matched(old.endpoints, new.endpoints) { $0.id.value }
        var removed = endpoints.removed
        var renamedFrom: [String: Endpoint] = [:]
        for endpoint in endpoints.added {
            guard let index = removed.firstIndex(where: { $0.method == endpoint.method && $0.path.value == endpoint.path.value }) else { continue }
            renamedFrom[endpoint.id.value] = removed.remove(at: index)
        }
        let common = Dictionary(uniqueKeysWithValues: endpoints.common.map { ($0.new.id.value, $0.old) })
        for endpoint in removed {
            let id = endpoint.id.value
            let request = endpoint.params.isEmpty ? "" : " and `\(Naming.requestType(endpoint: id))`"
            report(
                .endpointRemoved, at: endpoint.id.location, "endpoint `\(id)` (\(route(endpoint))) was removed",
                swift: "\(oldNames.call(id))\(request) \(request.isEmpty ? "is" : "are") removed")
        }
        for endpoint in new.endpoints {
            let id = endpoint.id.value
            if let before = common[id] {
                compareEndpoint(before, endpoint)
            } else if let before = renamedFrom[id] {
                report(
                    .endpointRenamed, at: endpoint.id.location, "endpoint `\(before.id.value)` is now `\(id)` (same \(route(endpoint)))",
                    swift:
                        "\(oldNames.call(before.id.value)) is now \(newNames.call(id)); `\(Naming.requestType(endpoint: before.id.value))` is now `\(Naming.requestType(endpoint: id))`"
                )
                compareEndpoint(before, endpoint)
            } else if endpoints.added.contains(where: { $0.id.value == id }) {
                report(.endpointAdded, at: endpoint.id.location, "endpoint `\(id)` (\(route(endpoint))) was added", swift: "new method \(newNames.call(id))")
            }
        }
    }

    private func route(_ endpoint: Endpoint) -> String { "\(endpoint.method.rawValue) \(endpoint.path.value)" }

    private mutating func compareEndpoint(_ before: Endpoint, _ now: Endpoint) {
        let owner = "endpoint `\(now.id.value)`"
        let call = newNames.call(now.id.value)
        if before.method != now.method {
            report(.endpointMethodChanged, at: now.id.location, "\(owner): method is now \(now.method.rawValue) (was \(before.method.rawValue))")
        }
        if before.path.value != now.path.value {
            report(.endpointPathChanged, at: now.path.location, "\(owner): path is now `\(now.path.value)` (was `\(before.path.value)`)")
        }
        if before.security.value != now.security.value {
            securityChange(
                "\(owner) (security `\(before.security.value)` → `\(now.security.value)`)", from: old.securityLevel(named: before.security.value),
                to: new.securityLevel(named: now.security.value), at: now.security.location, swift: call)
        }
        let weightBefore = Canonical.weight(before.weight), weightNow = Canonical.weight(now.weight)
        if weightBefore != weightNow {
            report(.weightChanged, at: now.id.location, "\(owner): weight is now \(weightNow) (was \(weightBefore))")
        }
        if before.unfilledOrderCount != now.unfilledOrderCount {
            let a = before.unfilledOrderCount.map(String.init) ?? "unset", b = now.unfilledOrderCount.map(String.init) ?? "unset"
            report(.weightChanged, at: now.id.location, "\(owner): unfilled order count is now \(b) (was \(a))")
        }
        deprecation(owner, old: before.deprecated, new: now.deprecated, at: now.id.location, swift: call)
        compareRequestOptions(before, now, owner: owner)
        compareParameters(before, now)
        compareRules(before, now)
        compareResponse(before, now)
        compareExamples(before, now, owner: owner)
        describe(
            owner, at: now.id.location,
            [
                ("summary", before.summary, now.summary),
                ("description", before.description, now.description),
                ("source", before.source.map { "\($0.doc) § \($0.section ?? "")" }, now.source.map { "\($0.doc) § \($0.section ?? "")" }),
                ("data source", before.dataSource, now.dataSource),
                (
                    "notes", before.notes.compactMap(normalizedText).sorted().joined(separator: "\n"),
                    now.notes.compactMap(normalizedText).sorted().joined(separator: "\n")
                ),
                ("response description", before.response?.description, now.response?.description),
            ])
    }

    /// Where parameters of an endpoint travel, as the generator decides: GET always in the query, others by the
    /// endpoint's encoding, the spec's default, or a form body.
    func effectiveEncoding(_ endpoint: Endpoint, in spec: Spec) -> BodyEncoding {
        endpoint.method == .GET ? .query : endpoint.request.encoding ?? spec.requestEncoding ?? .form
    }

    private mutating func compareRequestOptions(_ before: Endpoint, _ now: Endpoint, owner: String) {
        let a = effectiveEncoding(before, in: old), b = effectiveEncoding(now, in: new)
        // A change of the spec-wide default alone is reported once, at requestDefaults; without parameters nothing travels.
        let hasParams = !before.params.isEmpty || !now.params.isEmpty
        if a != b, hasParams, before.request.encoding != now.request.encoding || old.requestEncoding == new.requestEncoding || before.method != now.method {
            report(.requestEncodingChanged, at: now.id.location, "\(owner): parameters now travel as \(b.rawValue) (were \(a.rawValue))")
        }
        if before.request.wrapper != now.request.wrapper {
            report(
                .requestEncodingChanged, at: now.id.location, "\(owner): JSON body wrapper is now \(quoted(now.request.wrapper)) (was \(quoted(before.request.wrapper)))")
        }
        if before.request.contentType != now.request.contentType {
            report(
                .requestEncodingChanged, at: now.id.location,
                "\(owner): content type is now \(quoted(now.request.contentType)) (was \(quoted(before.request.contentType)))")
        }
    }

    /// Examples compared as data; one finding per endpoint.
    private mutating func compareExamples(_ before: Endpoint, _ now: Endpoint, owner: String) {
        var unmatched = before.examples.map(Canonical.example)
        var added: [Example] = []
        for example in now.examples {
            if let index = unmatched.firstIndex(of: Canonical.example(example)) { unmatched.remove(at: index) } else { added.append(example) }
        }
        let removed = before.examples.filter { unmatched.contains(Canonical.example($0)) }
        guard !removed.isEmpty || !added.isEmpty else { return }
        func name(_ example: Example) -> String { example.name.map { "`\($0)`" } ?? "an unnamed example" }
        let changedNames = Set(removed.compactMap(\.name)).intersection(added.compactMap(\.name))
        var parts: [String] = []
        let changed = added.filter { $0.name.map(changedNames.contains) ?? false }
        if !changed.isEmpty { parts.append(joinedList(changed.map(name)) + " changed") }
        let gone = removed.filter { !($0.name.map(changedNames.contains) ?? false) }
        if !gone.isEmpty { parts.append(joinedList(gone.map(name)) + " removed") }
        let new = added.filter { !($0.name.map(changedNames.contains) ?? false) }
        if !new.isEmpty { parts.append(joinedList(new.map(name)) + " added") }
        report(.exampleChanged, at: added.first?.location ?? now.id.location, "\(owner): examples: " + parts.joined(separator: "; "))
    }
}
