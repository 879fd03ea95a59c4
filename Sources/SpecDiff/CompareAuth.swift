import SpecModel

extension SpecComparer {
    /// Signing schemes, and where keys, signatures and timestamps travel.
    mutating func compareAuth() {
        let before = old.auth, now = new.auth
        guard before != nil || now != nil else { return }
        let schemesBefore = before?.signing?.schemes ?? [], schemesNow = now?.signing?.schemes ?? []
        for scheme in schemesBefore where !schemesNow.contains(scheme) {
            report(
                .signingSchemeRemoved, at: (now ?? before)!.location, "signing scheme `\(scheme.rawValue)` was removed",
                swift: "credentials with a \(scheme.rawValue) signer are no longer accepted")
        }
        for scheme in schemesNow where !schemesBefore.contains(scheme) {
            report(.signingSchemeAdded, at: now!.location, "signing scheme `\(scheme.rawValue)` was added")
        }
        guard let before, let now else {
            let at = (now ?? before)!.location
            report(.authChanged, at: at, now == nil ? "authentication (`auth`) was removed" : "authentication (`auth`) was added")
            return
        }
        for (name, a, b) in authProperties(before, now) where a != b {
            report(.authChanged, at: now.location, "auth \(name) is now \(quoted(b)) (was \(quoted(a)))")
        }
    }

    private func authProperties(_ a: Auth, _ b: Auth) -> [(String, String?, String?)] {
        [
            ("apiKey.header", a.apiKeyHeader, b.apiKeyHeader),
            ("signing.signatureParam", a.signing?.signatureParam, b.signing?.signatureParam),
            ("signing.signatureHeader", a.signing?.signatureHeader, b.signing?.signatureHeader),
            ("signing.payload", a.signing?.payload?.rawValue, b.signing?.payload?.rawValue),
            ("signing.encoding", (a.signing?.encoding).map { $0.rawValue }, (b.signing?.encoding).map { $0.rawValue }),
            ("signing.passphraseHeader", a.signing?.passphraseHeader, b.signing?.passphraseHeader),
            ("timestamp.param", a.timestampParam, b.timestampParam),
            ("timestamp.header", a.timestampHeader, b.timestampHeader),
            ("timestamp.format", a.timestampFormat.rawValue, b.timestampFormat.rawValue),
            ("recvWindow.param", a.recvWindow?.param, b.recvWindow?.param),
            ("recvWindow.default", a.recvWindow?.defaultValue.map(String.init), b.recvWindow?.defaultValue.map(String.init)),
            ("recvWindow.max", a.recvWindow?.max.map(String.init), b.recvWindow?.max.map(String.init)),
            ("recvWindow.fractionDigits", a.recvWindow?.fractionDigits.map(String.init), b.recvWindow?.fractionDigits.map(String.init)),
            ("timeUnit.header", a.timeUnit?.header, b.timeUnit?.header),
            ("bearer.header", a.bearer?.header, b.bearer?.header),
            ("bearer.refreshable", a.bearer.map { String($0.refreshable) }, b.bearer.map { String($0.refreshable) }),
        ]
    }

    /// Security level definitions by name; a level whose requirements change affects every endpoint that keeps it.
    mutating func compareSecurityLevels() {
        let levels = Matched(old.security, new.security) { $0.name.value }
        for level in levels.removed {
            report(.securityLevelRemoved, at: level.name.location, "security level `\(level.name.value)` was removed")
        }
        for level in levels.added {
            report(.securityLevelAdded, at: level.name.location, "security level `\(level.name.value)` was added (\(Credential.needs(level)))")
        }
        for (a, b) in levels.common {
            let users = new.endpoints.filter { $0.security.value == b.name.value && old.endpoint(id: $0.id.value)?.security.value == b.name.value }
            let calls = users.map { newNames.call($0.id.value) }
            let affects = users.isEmpty ? "" : "; affects \(users.count) endpoint\(users.count == 1 ? "" : "s")"
            securityChange(
                "security level `\(b.name.value)`", from: a, to: b, at: b.name.location, suffix: affects,
                swift: calls.isEmpty ? nil : joinedList(Array(calls.prefix(5))) + (calls.count > 5 ? " and \(calls.count - 5) more" : ""))
            describe("security level `\(b.name.value)`", at: b.name.location, [("description", a.description, b.description)])
        }
    }

    /// Reports raised, lowered or changed requirements between two levels, if they differ.
    mutating func securityChange(_ owner: String, from a: SecurityLevel?, to b: SecurityLevel?, at location: SourceLocation, suffix: String = "", swift calls: String?) {
        let before = Credential.set(a), now = Credential.set(b)
        guard before != now else { return }
        let message = "\(owner) now \(Credential.needs(b)) (was: \(Credential.phrase(before)))\(suffix)"
        if now.isSuperset(of: before) {
            let added = Credential.phrase(now.subtracting(before))
            report(.securityLevelRaised, at: location, message, swift: calls.map { "\($0): the client's credentials must now include \(added)" })
        } else if now.isSubset(of: before) {
            report(.securityLevelLowered, at: location, message)
        } else {
            report(.securityLevelChanged, at: location, message, swift: calls.map { "\($0): the client's credentials must now provide \(Credential.phrase(now))" })
        }
    }
}

/// What a security level asks of the caller.
enum Credential: Int, Comparable {
    case apiKey, signature, timestamp, bearer

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    static func set(_ level: SecurityLevel?) -> Set<Credential> {
        guard let level else { return [] }
        var set = Set<Credential>()
        if level.apiKey { set.insert(.apiKey) }
        if level.signed { set.formUnion([.signature, .timestamp]) }
        if level.timestamp { set.insert(.timestamp) }
        if level.bearer { set.insert(.bearer) }
        return set
    }

    var phrase: String {
        switch self {
        case .apiKey: "an API key"
        case .signature: "a signature"
        case .timestamp: "a timestamp"
        case .bearer: "a bearer token"
        }
    }

    static func phrase(_ set: Set<Credential>) -> String { set.isEmpty ? "nothing" : joinedList(set.sorted().map(\.phrase)) }

    /// "needs an API key and a signature", "needs nothing".
    static func needs(_ level: SecurityLevel?) -> String { "needs " + phrase(set(level)) }
}
