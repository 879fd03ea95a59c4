import SpecModel

extension SpecComparer {
    /// Module, API id, title, description, docs and the default request encoding.
    mutating func compareHeader() {
        if old.module.value != new.module.value {
            report(
                .moduleRenamed, at: new.module.location, "module `\(old.module.value)` is now `\(new.module.value)`",
                swift: "`\(oldNames.client)` is now `\(newNames.client)` and `\(oldNames.errorType)` is now `\(newNames.errorType)`")
        }
        if old.api.value != new.api.value {
            report(.apiIdChanged, at: new.api.location, "API id `\(old.api.value)` is now `\(new.api.value)`")
        }
        let attributes: [(key: String, name: String, old: String?, new: String?)] = [
            ("title", "title", old.title, new.title),
            ("description", "description", old.description, new.description),
            ("docs", "docs references", docsText(old), docsText(new)),
        ]
        if let first = attributes.first(where: { normalizedText($0.old) != normalizedText($0.new) }) {
            describe("the spec", at: newKeys.location(of: first.key), attributes.map { ($0.name, $0.old, $0.new) })
        }
        if old.requestEncoding != new.requestEncoding {
            let at = new.requestEncoding == nil ? oldKeys.location(of: "requestDefaults") : newKeys.location(of: "requestDefaults")
            report(.requestEncodingChanged, at: at, "default request encoding is now \(encodingName(new.requestEncoding)) (was \(encodingName(old.requestEncoding)))")
        }
    }

    private func docsText(_ spec: Spec) -> String? {
        let entries = spec.docs.map { [$0.file, $0.title ?? "", $0.date ?? "", $0.url ?? ""].joined(separator: "|") }
        return entries.isEmpty ? nil : entries.sorted().joined(separator: "\n")
    }

    /// Fixed servers by URL; templated ones (`https://{host}/api`) in order, as the client names them `custom`,
    /// `custom2`, …, so a template that gains a variable is still the same server.
    mutating func compareServers() {
        let servers = Matched(old.servers, new.servers) { $0.url.value }
        var removed = servers.removed, common = servers.common, added: [Server] = []
        for server in servers.added {
            if !server.variables.isEmpty, let index = removed.firstIndex(where: { !$0.variables.isEmpty }) {
                let before = removed.remove(at: index)
                report(.serverURLChanged, at: server.url.location, "server `\(before.url.value)` is now `\(server.url.value)`")
                common.append((before, server))
            } else {
                added.append(server)
            }
        }
        for server in removed {
            report(.serverRemoved, at: server.url.location, "server `\(server.url.value)` was removed")
        }
        for server in added {
            report(.serverAdded, at: server.url.location, "server `\(server.url.value)` was added")
        }
        if let before = old.servers.first, let now = new.servers.first, before.url.value != now.url.value,
            !common.contains(where: { $0.old.url == before.url && $0.new.url == now.url })
        {
            report(.defaultServerChanged, at: now.url.location, "the default (first) server is now `\(now.url.value)` (was `\(before.url.value)`)")
        }
        for (before, now) in common { compareServer(before, now) }
    }

    private mutating func compareServer(_ before: Server, _ now: Server) {
        let owner = "server `\(now.url.value)`"
        let variables = Matched(before.variables, now.variables) { $0.name.value }
        for variable in variables.added {
            if let value = variable.defaultValue {
                report(.serverVariableAdded, at: variable.name.location, "\(owner): variable `\(variable.name.value)` was added (default `\(value)`)")
            } else {
                report(
                    .serverVariableAddedRequired, at: variable.name.location,
                    "\(owner): variable `\(variable.name.value)` was added without a default; clients must supply it")
            }
        }
        for variable in variables.removed {
            report(.serverVariableChanged, at: variable.name.location, "\(owner): variable `\(variable.name.value)` was removed")
        }
        for (a, b) in variables.common {
            if a.defaultValue != b.defaultValue {
                report(
                    .serverVariableChanged, at: b.name.location,
                    "\(owner): default of variable `\(b.name.value)` is now \(quoted(b.defaultValue)) (was \(quoted(a.defaultValue)))")
            }
            describe("\(owner) variable `\(b.name.value)`", at: b.name.location, [("description", a.description, b.description)])
        }
        describe(owner, at: now.url.location, [("description", before.description, now.description)])
    }

    /// Limiters by type and interval, and the rate-limit headers.
    mutating func compareRateLimits() {
        let before = old.rateLimits, now = new.rateLimits
        guard before != nil || now != nil else { return }
        let at = now == nil ? oldKeys.location(of: "rateLimits") : newKeys.location(of: "rateLimits")
        func key(_ l: RateLimits.Limiter) -> String { "\(l.type) per \(l.intervalNum) \(l.interval)" }
        let limiters = Matched(before?.limiters ?? [], now?.limiters ?? [], by: key)
        for limiter in limiters.removed { report(.rateLimitChanged, at: at, "limiter \(key(limiter)) (limit \(limiter.limit)) was removed") }
        for limiter in limiters.added { report(.rateLimitChanged, at: at, "limiter \(key(limiter)) (limit \(limiter.limit)) was added") }
        for (a, b) in limiters.common where a.limit != b.limit {
            report(.rateLimitChanged, at: at, "limiter \(key(b)): limit is now \(b.limit) (was \(a.limit))")
        }
        let headers: [(String, String?, String?)] = [
            ("usedWeight", before?.usedWeightHeader, now?.usedWeightHeader),
            ("orderCount", before?.orderCountHeader, now?.orderCountHeader),
            ("retryAfter", before?.retryAfterHeader, now?.retryAfterHeader),
        ]
        for (name, a, b) in headers where a != b {
            report(.rateLimitChanged, at: at, "rate-limit header \(name) is now \(quoted(b)) (was \(quoted(a)))")
        }
        describe("rate limits", at: at, [("description", before?.description, now?.description)])
    }

    /// Errata, grouped by the path they point at.
    mutating func compareErrata() {
        func grouped(_ spec: Spec) -> [(at: Located<String>, entries: [String])] {
            var groups: [(at: Located<String>, entries: [String])] = []
            for erratum in spec.errata {
                let text = [erratum.docsSay, erratum.specSays, erratum.why, erratum.doc ?? ""].map { normalizedText($0) ?? "" }.joined(separator: "|")
                if let index = groups.firstIndex(where: { $0.at.value == erratum.at.value }) {
                    groups[index].entries.append(text)
                } else {
                    groups.append((erratum.at, [text]))
                }
            }
            return groups
        }
        let errata = Matched(grouped(old), grouped(new)) { $0.at.value }
        for group in errata.removed { report(.errataChanged, at: group.at.location, "erratum at `\(group.at.value)` was removed") }
        for group in errata.added { report(.errataChanged, at: group.at.location, "erratum at `\(group.at.value)` was added") }
        for (a, b) in errata.common where a.entries.sorted() != b.entries.sorted() {
            report(.errataChanged, at: b.at.location, "erratum at `\(b.at.value)` changed")
        }
    }
}

/// `form`, or `unset`.
func encodingName(_ encoding: BodyEncoding?) -> String { encoding?.rawValue ?? "unset" }

/// `` `x` ``, or `none`.
func quoted(_ text: String?) -> String { text.map { "`\($0)`" } ?? "none" }
