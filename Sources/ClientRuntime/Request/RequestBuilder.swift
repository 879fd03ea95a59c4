import Foundation
import HTTPTypes

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
    /// What every request's description masks before authenticators add theirs: the API key header.
    let redactions: Redactions
    /// The base URL's scheme, authority and path prefix; nil when it has no scheme or host.
    let origin: (scheme: String, authority: String, path: String)?

    init(profile: APIProfile, baseURL: URL, timeout: Duration, recvWindow: ExactDecimal?, timeUnit: TimeUnit?, userAgent: String?) {
        self.profile = profile
        self.baseURL = baseURL
        self.timeout = timeout
        self.recvWindow = recvWindow
        self.timeUnit = timeUnit
        self.userAgent = userAgent
        redactions = Redactions(headerNames: Set([profile.auth.apiKeyHeader].compactMap { $0 }))
        origin = Self.origin(of: baseURL)
    }

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

    func build(_ endpoint: Endpoint, _ parameters: Parameters, _ context: Context) throws -> WireRequest {
        var draft = try RequestDraft(endpoint, parameters)
        draft.redactions = redactions
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
                try draft.addHeader(header, key)
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
            try draft.addHeader(header.name, header.value(for: timeUnit))
        }
        var stamp = ""
        if security.signed || security.timestamp {
            stamp = auth.timestampFormat.text(context.timestamp)
            if let header = auth.timestampHeader {
                try draft.addHeader(header, stamp)
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
            for header in added.headers { try draft.addHeader(header.name, header.value) }
            if let parameter = added.parameter { draft.appendSigned("\(parameter.name)=\(parameter.value)") }
            draft.redactions.headerNames.formUnion(added.secretNames.headers.map { $0.lowercased() })
            draft.redactions.parameterNames.formUnion(added.secretNames.parameters)
            draft.redactions.values.formUnion(added.secrets.filter { !$0.isEmpty })
        }
    }

    /// The final request: content type, user agent, and the head's scheme, authority and path with the query.
    private func assemble(_ draft: RequestDraft) throws -> WireRequest {
        var draft = draft
        if let bodyString = draft.bodyString, !bodyString.isEmpty || draft.contentType != nil {
            try draft.addHeader("Content-Type", draft.endpoint.contentType ?? draft.contentType ?? "application/octet-stream")
        }
        if let userAgent { try draft.addHeader("User-Agent", userAgent) }
        guard let origin = origin else { throw draft.invalid("url", "the base URL \(baseURL) has no scheme or host") }
        let path = draft.path.hasPrefix("/") ? draft.path : "/" + draft.path
        let target = origin.path + path + (draft.queryString.isEmpty ? "" : "?" + draft.queryString)
        let head = HTTPRequest(
            method: draft.endpoint.method.head, scheme: origin.scheme,
            authority: origin.authority, path: target, headerFields: draft.headers)
        return WireRequest(head, body: draft.bodyString.map { Data($0.utf8) }, timeout: timeout, redactions: draft.redactions)
    }

    /// The base URL's scheme, authority and path prefix (without a trailing slash); nil without scheme or host.
    static func origin(of baseURL: URL) -> (scheme: String, authority: String, path: String)? {
        guard let scheme = baseURL.scheme, let host = baseURL.host else { return nil }
        var prefix = baseURL.path
        while prefix.hasSuffix("/") { prefix.removeLast() }
        let name = host.contains(":") ? "[\(host)]" : host
        return (scheme, baseURL.port.map { "\(name):\($0)" } ?? name, prefix)
    }
}
