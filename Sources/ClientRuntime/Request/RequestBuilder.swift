import Foundation

/// Turns an endpoint and its parameters into the exact HTTP request, signing the bytes that are sent.
struct RequestBuilder: Sendable {
    let profile: APIProfile
    let baseURL: URL
    let timeout: Duration
    /// Receive window overriding the profile default.
    let recvWindow: ExactDecimal?
    /// The unit to ask for in response time fields (nil: send no time-unit header).
    let timeUnit: TimeUnit?
    let userAgent: String?

    /// Per-request inputs that change between attempts.
    struct Context {
        var credentials: Credentials
        /// Milliseconds since 1970, server-corrected.
        var timestamp: Int64
        /// The bearer token, for `bearer` endpoints.
        var bearerToken: Secret?
        /// Whether a receive window above the profile's maximum is refused (off with `ClientOptions.Validation.off`).
        var checksRecvWindow = true
    }

    func build(_ endpoint: Endpoint, _ parameters: Parameters, _ context: Context) throws -> HTTPRequest {
        var draft = try RequestDraft(endpoint, parameters)
        draft.redactions = Redactions(headerNames: Set([profile.auth.apiKeyHeader].compactMap { $0 }))
        try addAPIKey(to: &draft, context)
        let timestamp = try addTiming(to: &draft, parameters, context)
        draft.encode()
        try authenticate(&draft, context, timestamp: timestamp)
        return try assemble(draft)
    }

    /// The API key the endpoint's security level demands.
    private func addAPIKey(to draft: inout RequestDraft, _ context: Context) throws {
        let security = draft.endpoint.security
        if security.apiKey || security.signed {
            guard let key = context.credentials.apiKey else {
                throw draft.invalid("credentials", "endpoint needs an API key; the client has none")
            }
            if let header = profile.auth.apiKeyHeader {
                draft.headers.add(header, key)
                draft.redactions.values.insert(key)
            }
        }
    }

    /// Receive window, time-unit header and timestamp, after the caller's parameters (recvWindow first, as in
    /// Binance's examples). Returns the timestamp as sent (empty when none is).
    private func addTiming(to draft: inout RequestDraft, _ parameters: Parameters, _ context: Context) throws -> String {
        let auth = profile.auth
        let security = draft.endpoint.security
        var timing: [(String, ParameterValue)] = []
        if security.signed, let name = auth.recvWindowParam {
            // A decimal window (Binance: microsecond precision), compared exactly.
            let window: ExactDecimal?
            if let given = parameters[name] {
                window = ReceiveWindow.value(of: given)
            } else {
                window = recvWindow ?? auth.recvWindowDefault
                if let window { timing.append((name, .decimal(window))) }
            }
            if context.checksRecvWindow, let window, let problem = ReceiveWindow(auth: auth).problem(with: window) {
                throw draft.invalid("recvWindow", problem)
            }
        }
        if let timeUnit {
            guard let header = auth.timeUnit else {
                throw draft.invalid("timeUnit", "\(profile.name) has no header choosing the unit of response times")
            }
            draft.headers.add(header.name, header.value(for: timeUnit))
        }
        var stamp = ""
        if security.signed || security.timestamp {
            stamp = auth.timestampFormat.text(context.timestamp)
            if let header = auth.timestampHeader {
                draft.headers.add(header, stamp)
            } else if let name = auth.timestampParam {
                timing.append((name, auth.timestampFormat == .milliseconds ? .int(context.timestamp) : .string(stamp)))
            }
        }
        if draft.signsInBody { draft.body += timing } else { draft.query += timing }
        return stamp
    }

    /// What the profile's authenticators add for the endpoint's security level: the bearer token, the signature
    /// over exactly the encoded bytes.
    private func authenticate(_ draft: inout RequestDraft, _ context: Context, timestamp: String) throws {
        let security = draft.endpoint.security
        var schemes: [any Authenticator] = []
        if security.bearer { schemes.append(profile.auth.bearer ?? BearerAuthenticator()) }
        if security.signed {
            guard let signing = profile.auth.signing else {
                throw draft.invalid("credentials", "endpoint is signed but \(profile.name) names no signing scheme")
            }
            schemes.append(signing)
        }
        guard !schemes.isEmpty else { return }
        let unsigned = UnsignedRequest(
            method: draft.endpoint.method.rawValue, path: draft.path, query: draft.queryString, body: draft.bodyString ?? "",
            timestamp: timestamp)
        for scheme in schemes {
            let added: Authentication
            do {
                added = try scheme.authenticate(unsigned, credentials: context.credentials, token: context.bearerToken)
            } catch let error as AuthenticationError {
                throw draft.invalid("credentials", error.message)
            }
            for header in added.headers { draft.headers.add(header.name, header.value) }
            if let parameter = added.parameter { draft.appendSigned("\(parameter.name)=\(parameter.value)") }
            draft.redactions.headerNames.formUnion(added.secretNames.headers.map { $0.lowercased() })
            draft.redactions.parameterNames.formUnion(added.secretNames.parameters)
            draft.redactions.values.formUnion(added.secrets.filter { !$0.isEmpty })
        }
    }

    /// The final request: content type, user agent, URL.
    private func assemble(_ draft: RequestDraft) throws -> HTTPRequest {
        var headers = draft.headers
        if let bodyString = draft.bodyString, !bodyString.isEmpty || draft.contentType != nil {
            headers.add("Content-Type", draft.endpoint.contentType ?? draft.contentType ?? "application/octet-stream")
        }
        if let userAgent { headers.add("User-Agent", userAgent) }
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let fullPath = draft.path.hasPrefix("/") ? draft.path : "/" + draft.path
        let text = base + fullPath + (draft.queryString.isEmpty ? "" : "?" + draft.queryString)
        guard let url = URL(string: text) else { throw draft.invalid("url", "cannot form a URL from \(base + fullPath)") }
        return HTTPRequest(
            method: draft.endpoint.method, url: url, headers: headers, body: draft.bodyString.map { Data($0.utf8) },
            timeout: timeout, redactions: draft.redactions)
    }
}
