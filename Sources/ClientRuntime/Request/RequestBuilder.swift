import Foundation
import HTTPTypes

/// Turns an endpoint and its parameters into the exact HTTP request, signing the bytes that are sent.
struct RequestBuilder: Sendable {
    let profile: APIProfile
    let baseURL: URL
    let timeout: Duration
    /// The unit to ask for in response time fields (nil: send no time-unit header).
    let timeUnit: TimeUnit?
    let userAgent: String?
    /// What every request's description masks before authenticators add theirs: the API key header and the
    /// signing scheme's parameter.
    let redactions: Redactions
    /// The signing scheme's parameter as written on the wire (Binance `signature`), masked once here rather than
    /// per request.
    let signatureParameter: String?
    /// The base URL's scheme, authority and path prefix; nil when it has no scheme or host.
    let origin: (scheme: String, authority: String, path: String)?
    /// The receive window sent when the caller gives none, with what is wrong with it: checked once, not per request.
    let defaultWindow: (value: ExactDecimal, problem: String?)?
    /// The profile's header names, checked once.
    let apiKeyField: FieldName?
    /// What is wrong with the API key's header name, if anything: refused when a request needs the key.
    let apiKeyFieldProblem: String?
    let timestampField: FieldName?
    let timeUnitField: FieldName?
    let userAgentField: HTTPField?

    init(profile: APIProfile, baseURL: URL, timeout: Duration, recvWindow: ExactDecimal?, timeUnit: TimeUnit?, userAgent: String?) {
        self.profile = profile
        self.baseURL = baseURL
        self.timeout = timeout
        self.timeUnit = timeUnit
        self.userAgent = userAgent
        let auth = profile.auth
        if case .parameter(let name)? = auth.signing?.signature {
            signatureParameter = PercentEncoding.encode(name)
        } else {
            signatureParameter = nil
        }
        redactions = Redactions(
            headerNames: Set([auth.apiKeyHeader].compactMap { $0 }), parameterNames: Set([signatureParameter].compactMap { $0 }))
        origin = Self.origin(of: baseURL)
        defaultWindow = (recvWindow ?? auth.recvWindowDefault).map { ($0, ReceiveWindow(auth: auth).problem(with: $0)) }
        apiKeyField = auth.apiKeyHeader.map(FieldName.init)
        apiKeyFieldProblem = apiKeyField.flatMap { $0.name == nil ? $0.refusal : nil }
        timestampField = auth.timestampHeader.map(FieldName.init)
        timeUnitField = auth.timeUnit.map { FieldName($0.name) }
        userAgentField = userAgent.map { HTTPField(name: .userAgent, value: $0) }
    }

    /// A header name given as text, checked once: a name that is not an HTTP token is refused when used.
    struct FieldName: Sendable {
        let text: String
        let name: HTTPField.Name?

        init(_ text: String) {
            self.text = text
            name = HTTPField.Name(text)
        }

        /// The message refusing the text when it is not a valid header name.
        var refusal: String { "\(text) is not a valid header field name" }
    }

    /// What every request of one client signs with, computed once: one reference to pass along.
    final class Identity: Sendable {
        let credentials: Credentials
        /// The API key the credentials carry, if any.
        let apiKey: String?
        /// What a request's description masks before its own secrets are added.
        let redactions: Redactions
        /// The API key's header field.
        let apiKeyField: HTTPField?
        /// The header fields of a request that adds none of its own: built once, shared by every such request
        /// (a copy is one retain), by whether the API key is sent and by the body's type.
        private let fixedHeaders: [HTTPFields]

        init(_ credentials: Credentials, _ builder: RequestBuilder) {
            self.credentials = credentials
            apiKey = credentials.apiKey
            redactions = builder.redactions(for: credentials)
            let apiKeyField = builder.apiKeyField(for: credentials)
            self.apiKeyField = apiKeyField
            fixedHeaders = [nil, apiKeyField].flatMap { key in
                ([nil] + RequestDraft.BodyType.allCases.map(\.field)).map { contentType in
                    RequestBuilder.headerFields(HTTPFields(), key: key, at: 0, contentType: contentType, userAgent: builder.userAgentField)
                }
            }
        }

        /// The shared fields of a request with the API key when `keyed` and a body of `body`'s type.
        func fixedHeaders(keyed: Bool, body: RequestDraft.BodyType?) -> HTTPFields {
            fixedHeaders[(keyed ? RequestDraft.BodyType.allCases.count + 1 : 0) + (body.map { $0.rawValue + 1 } ?? 0)]
        }
    }

    /// Per-request inputs that change between attempts.
    struct Context {
        var identity: Identity
        /// Milliseconds since 1970, server-corrected.
        var timestamp: Int64
        /// The bearer token, for `bearer` endpoints.
        var bearerToken: Secret?
        /// Whether a receive window above the profile's maximum is refused (off with `ClientOptions.Validation.off`).
        var checksRecvWindow = true
    }

    /// The builder's redactions plus the API key of `credentials`, computed once per client.
    func redactions(for credentials: Credentials) -> Redactions {
        var result = redactions
        if profile.auth.apiKeyHeader != nil, let key = credentials.apiKey, !key.isEmpty { result.values.insert(key) }
        return result
    }

    /// The header field carrying the API key of `credentials`, checked once per client; nil when the profile sends
    /// the key in no header or there is no key.
    func apiKeyField(for credentials: Credentials) -> HTTPField? {
        guard let name = apiKeyField?.name, let key = credentials.apiKey else { return nil }
        return HTTPField(name: name, value: key)
    }

    func build(_ endpoint: Endpoint, _ parameters: Parameters, _ context: Context) throws -> WireRequest {
        var draft = try RequestDraft(endpoint, parameters, redactions: context.identity.redactions)
        let keyed = try checkAPIKey(draft, context)
        let keyPosition = draft.headers.count  // after the header parameters, before timing and signatures
        let timestamp = try addTiming(to: &draft, parameters, context)
        draft.encode()
        try authenticate(&draft, context, timestamp: timestamp)
        return try assemble(consume draft, key: keyed ? keyPosition : nil, context.identity)
    }

    /// Whether the endpoint's security level demands the API key; throws when the client has none, or when the
    /// profile's header name for it is not a valid one. `assemble` adds its field.
    private func checkAPIKey(_ draft: borrowing RequestDraft, _ context: Context) throws -> Bool {
        let security = draft.endpoint.security
        guard security.apiKey || security.signed else { return false }
        guard context.identity.apiKey != nil else {
            throw draft.invalid("credentials", "endpoint needs an API key; the client has none")
        }
        // Its field and redaction are in the context already (once per client).
        if let problem = apiKeyFieldProblem { throw draft.invalid("header", problem) }
        return apiKeyField != nil  // false: the profile sends the key in no header
    }

    /// Receive window, time-unit header and timestamp, after the caller's parameters (recvWindow first, as in
    /// Binance's examples). Returns the timestamp as sent (empty when none is).
    private func addTiming(to draft: inout RequestDraft, _ parameters: Parameters, _ context: Context) throws -> String {
        let security = draft.endpoint.security
        if security.signed, let name = profile.auth.recvWindowParam {
            // A decimal window (Binance: microsecond precision), compared exactly.
            if let given = parameters[name] {
                if context.checksRecvWindow, let window = ReceiveWindow.value(of: given),
                    let problem = ReceiveWindow(auth: profile.auth).problem(with: window)
                {
                    throw draft.invalid("recvWindow", problem)
                }
            } else if let window = defaultWindow {
                if context.checksRecvWindow, let problem = window.problem { throw draft.invalid("recvWindow", problem) }
                draft.addSigned(name, .decimal(window.value))
            }
        }
        if let timeUnit {
            guard let field = timeUnitField, let header = profile.auth.timeUnit else {
                throw draft.invalid("timeUnit", "\(profile.name) has no header choosing the unit of response times")
            }
            try draft.addHeader(field, header.value(for: timeUnit))
        }
        guard security.signed || security.timestamp else { return "" }
        let format = profile.auth.timestampFormat
        let stamp = format.text(context.timestamp)
        if let field = timestampField {
            try draft.addHeader(field, stamp)
        } else if let name = profile.auth.timestampParam {
            draft.addSigned(name, format == .milliseconds ? .int(context.timestamp) : .string(stamp))
        }
        return stamp
    }

    /// What the profile's authenticators add for the endpoint's security level: the bearer token, the signature
    /// over exactly the encoded bytes.
    private func authenticate(_ draft: inout RequestDraft, _ context: Context, timestamp: String) throws {
        let security = draft.endpoint.security
        guard security.bearer || security.signed else { return }
        let (bearer, signed) = try authentications(draft, context, timestamp: timestamp)
        if let bearer { try apply(bearer, to: &draft) }
        if let signed { try apply(signed, to: &draft) }
    }

    /// What the bearer and signing schemes add for `draft`. The unsigned parts share the draft's buffers and are
    /// gone when this returns, so appending the signature to the body does not copy it.
    private func authentications(_ draft: borrowing RequestDraft, _ context: Context, timestamp: String) throws -> (Authentication?, Authentication?) {
        let security = draft.endpoint.security
        let endpoint = draft.endpoint.id
        let unsigned = UnsignedRequest(
            method: draft.endpoint.method.rawValue, path: draft.path, queryBytes: draft.query, bodyBytes: draft.body ?? [],
            timestamp: timestamp)
        let bearer = security.bearer ? try Self.run(profile.auth.bearer ?? BearerAuthenticator(), unsigned, context, endpoint) : nil
        guard security.signed else { return (bearer, nil) }
        guard let signing = profile.auth.signing else {
            throw RequestValidationError(endpoint: endpoint, rule: "credentials", message: "endpoint is signed but \(profile.name) names no signing scheme")
        }
        return (bearer, try Self.run(signing, unsigned, context, endpoint))
    }

    /// What `scheme` adds to `unsigned`; credentials of the wrong kind are a validation error of `endpoint`.
    private static func run(_ scheme: some Authenticator, _ unsigned: UnsignedRequest, _ context: Context, _ endpoint: String) throws -> Authentication {
        do {
            return try scheme.authenticate(unsigned, credentials: context.identity.credentials, token: context.bearerToken)
        } catch let error as AuthenticationError {
            throw RequestValidationError(endpoint: endpoint, rule: "credentials", message: error.message)
        }
    }

    /// Adds what a scheme computed, and masks its secrets in the request's description.
    private func apply(_ added: Authentication, to draft: inout RequestDraft) throws {
        // Names already masked (the usual case) cost a lookup.
        for header in added.headers {
            try draft.addHeader(header.name, header.value)
            draft.redactions.maskHeader(header.name)
        }
        if let parameter = added.parameter {
            draft.appendSignature(parameter.name, parameter.value)
            if parameter.name != signatureParameter { draft.redactions.maskParameter(parameter.name) }
        }
        draft.redactions.mask(added.secrets)
    }

    /// The final request: the request's own fields with the API key's at `key` (nil: none), then the content type
    /// and the user agent; and the head's scheme, authority and path with the query.
    private func assemble(_ draft: consuming RequestDraft, key: Int?, _ identity: Identity) throws -> WireRequest {
        guard let origin = origin else { throw draft.invalid("url", "the base URL \(baseURL) has no scheme or host") }
        let body = draft.body == nil ? nil : draft.bodyType
        let headers =
            if draft.headers.isEmpty, draft.endpoint.contentType == nil || body == nil {
                identity.fixedHeaders(keyed: key != nil, body: body)
            } else {
                Self.headerFields(
                    draft.headers, key: key == nil ? nil : identity.apiKeyField, at: key ?? 0,
                    contentType: body.map { draft.endpoint.contentType.map { HTTPField(name: .contentType, value: $0) } ?? $0.field },
                    userAgent: userAgentField)
            }
        let head = HTTPRequest(
            method: draft.endpoint.method.head, scheme: origin.scheme,
            authority: origin.authority, path: Self.target(origin.path, draft.path, draft.query),
            headerFields: headers)
        return WireRequest(head, bodyBytes: draft.body, timeout: timeout, redactions: draft.redactions)
    }

    /// A request's header fields in the order they are sent: its own fields with the API key's at `position`,
    /// then the content type and the user agent.
    static func headerFields(_ own: HTTPFields, key: HTTPField?, at position: Int, contentType: HTTPField?, userAgent: HTTPField?) -> HTTPFields {
        var fields = own
        if let key { fields.insert(key, at: position) }
        if let contentType { fields.append(contentType) }
        if let userAgent { fields.append(userAgent) }
        return fields
    }

    /// The request target: the base URL's path prefix, the endpoint's path (after a `/`), and `?query` when there is one.
    static func target(_ prefix: String, _ path: String, _ query: [UInt8]) -> String {
        let slash = path.utf8.first != UInt8(ascii: "/")
        if prefix.isEmpty, !slash, query.isEmpty { return path }
        var target: [UInt8] = []
        target.reserveCapacity(prefix.utf8.count + path.utf8.count + query.count + 2)
        target.append(contentsOf: prefix.utf8)
        if slash { target.append(UInt8(ascii: "/")) }
        target.append(contentsOf: path.utf8)
        if !query.isEmpty {
            target.append(UInt8(ascii: "?"))
            target.append(contentsOf: query)
        }
        return String(decoding: target, as: UTF8.self)
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
