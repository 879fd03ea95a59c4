import SpecModel

/// `<Module>.docc/<Module>.md`: the generated library's DocC landing page (venue, servers, auth, endpoints by
/// security level, errors, rate limits).
extension Translator {
    func overview() -> OverviewContext {
        let client = Naming.clientType(module: spec.module.value)
        let firstParagraph = spec.description?.components(separatedBy: "\n\n").first?.split(separator: "\n").map(String.init) ?? []
        let groups = spec.security.compactMap { level -> EndpointGroupContext? in
            let endpoints = spec.endpoints.filter { $0.security.value == level.name.value }.map { endpoint in
                EndpointLinkContext(
                    method: Naming.method(endpoint: endpoint.id.value), summary: endpoint.summary ?? endpoint.id.value,
                    http: "\(endpoint.method.rawValue) \(endpoint.path.value)")
            }
            return endpoints.isEmpty ? nil : EndpointGroupContext(name: level.name.value, about: level.description ?? "", endpoints: endpoints)
        }
        let errors = spec.errors.count
        // The client's default server: the first without `{placeholders}`.
        let defaultURL = spec.servers.first { templateNames($0.url.value).isEmpty }?.url.value
        return OverviewContext(
            header: header, module: spec.module.value, title: spec.title, description: firstParagraph,
            client: client, errorType: Naming.errorType(module: spec.module.value),
            servers: spec.servers.map { OverviewServerContext(url: $0.url.value, isDefault: $0.url.value == defaultURL, about: $0.description) },
            auth: authFacts(), groups: groups,
            errorCatalog: errors == 0 ? "documents no error codes" : "lists the \(errors) documented error code\(errors == 1 ? "" : "s")",
            statuses: spec.httpStatus.map { OverviewStatusContext(status: $0.status.value, meaning: $0.meaning.rawValue, about: $0.description) },
            rateLimits: rateLimitFacts())
    }

    private func authFacts() -> [String] {
        guard let auth = spec.auth else { return [] }
        var facts: [String] = []
        if let header = auth.apiKeyHeader { facts.append("API key in the `\(header)` header.") }
        if let signing = auth.signing {
            let place = [signing.signatureParam.map { "the `\($0)` parameter" }, signing.signatureHeader.map { "the `\($0)` header" }]
                .compactMap { $0 }.joined(separator: " and ")
            let schemes = signing.schemes.map(Self.schemeText).joined(separator: ", ")
            facts.append("Signed with \(schemes)" + (place.isEmpty ? "." : ", in \(place)."))
        }
        if let param = auth.timestampParam ?? auth.timestampHeader { facts.append("Timestamp in `\(param)`.") }
        if let window = auth.recvWindow {
            let bounds = [window.defaultValue.map { "default \($0) ms" }, window.max.map { "at most \($0) ms" }].compactMap { $0 }
            facts.append("Receive window in `\(window.param)`" + (bounds.isEmpty ? "." : " (\(bounds.joined(separator: ", ")))."))
        }
        if let bearer = auth.bearer { facts.append("Bearer token in the `\(bearer.header)` header" + (bearer.refreshable ? ", refreshed once after a 401." : ".")) }
        return facts
    }

    private static func schemeText(_ scheme: SigningScheme) -> String {
        switch scheme {
        case .hmacSHA256: "HMAC-SHA256 (`HMACSHA256Signer`)"
        case .rsaPKCS1SHA256: "RSA PKCS#1 v1.5 with SHA-256 (`RSASigner`)"
        case .ed25519: "Ed25519 (`Ed25519Signer`)"
        case .dfxEd25519: "DFX's Ed25519 header signature (`DFXSigner`)"
        }
    }

    private func rateLimitFacts() -> [String] {
        guard let limits = spec.rateLimits else { return [] }
        var facts = limits.limiters.map { "`\($0.type)`: \($0.limit) per \($0.intervalNum) \($0.interval.lowercased())\($0.intervalNum == 1 ? "" : "s")." }
        if let header = limits.usedWeightHeader { facts.append("Used weight is reported in `\(header)<interval>` headers (`rateLimits.usedWeight`).") }
        if let header = limits.orderCountHeader { facts.append("Order counts are reported in `\(header)<interval>` headers (`rateLimits.orderCount`).") }
        return facts
    }
}

struct OverviewContext: Encodable {
    let header: FileHeader
    let module: String
    let title: String
    /// The spec description's first paragraph, line by line.
    let description: [String]
    let client: String
    let errorType: String
    let servers: [OverviewServerContext]
    /// One sentence per authentication fact; empty for an API without auth.
    let auth: [String]
    /// Endpoints by security level, in the spec's order of levels.
    let groups: [EndpointGroupContext]
    /// Completes "`XError` …".
    let errorCatalog: String
    let statuses: [OverviewStatusContext]
    let rateLimits: [String]
}

struct OverviewServerContext: Encodable {
    let url: String
    let isDefault: Bool
    let about: String?
}

struct EndpointGroupContext: Encodable {
    let name: String
    let about: String
    let endpoints: [EndpointLinkContext]
}

struct EndpointLinkContext: Encodable {
    let method: String
    let summary: String
    let http: String
}

struct OverviewStatusContext: Encodable {
    let status: String
    let meaning: String
    let about: String?
}
