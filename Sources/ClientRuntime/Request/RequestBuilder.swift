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
    /// What every request's description masks: the profile's credential headers and signature parameter.
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
        redactions = Redactions(
            headerNames: Set([profile.auth.apiKeyHeader, profile.auth.signatureHeader, profile.auth.bearerHeader].compactMap { $0 }),
            parameterNames: Set([profile.auth.signatureParam].compactMap { $0 }))
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
        try addCredentials(to: &draft, context)
        try addTiming(to: &draft, parameters, context)
        draft.encode()
        try sign(&draft, context)
        return try assemble(draft)
    }

    /// The bearer token and API key the endpoint's security level demands.
    private func addCredentials(to draft: inout RequestDraft, _ context: Context) throws {
        let security = draft.endpoint.security
        if security.bearer {
            guard let token = context.bearerToken else {
                throw draft.invalid("credentials", "endpoint needs a bearer token; the client has none")
            }
            try token.withValue { value in
                try draft.addHeader(profile.auth.bearerHeader ?? "Authorization", "Bearer \(value)")
                draft.redactions.values.insert(value)
            }
        }
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
    /// Binance's examples).
    private func addTiming(to draft: inout RequestDraft, _ parameters: Parameters, _ context: Context) throws {
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
        if security.signed || security.timestamp {
            if let header = auth.timestampHeader {
                try draft.addHeader(header, String(context.timestamp))
            } else if let name = auth.timestampParam {
                timing.append((name, .int(context.timestamp)))
            }
        }
        if draft.signsInBody { draft.body += timing } else { draft.query += timing }
    }

    /// The signature over exactly the encoded bytes, as a parameter or a header.
    private func sign(_ draft: inout RequestDraft, _ context: Context) throws {
        guard draft.endpoint.security.signed else { return }
        switch context.credentials {
        case .signed(_, let signer):
            guard let name = profile.auth.signatureParam else {
                throw draft.invalid("credentials", "\(profile.name) does not sign with a parameter; use its own credentials")
            }
            let signature = try signer.signature(for: Array((draft.queryString + (draft.bodyString ?? "")).utf8))
            // Signers return wire-ready text; anything still outside the unreserved set is encoded.
            let wire = PercentEncoding.encode(signature, keeping: [UInt8(ascii: "%")])
            draft.redactions.values.formUnion([signature, wire])
            draft.appendSigned("\(PercentEncoding.encode(name))=\(wire)")
        case .partsSigned(_, let signer):
            guard let header = profile.auth.signatureHeader else {
                throw draft.invalid("credentials", "\(profile.name) does not sign with a header; use its own credentials")
            }
            let signature = try signer.signature(
                method: draft.endpoint.method.rawValue, path: draft.path, query: draft.queryString,
                body: draft.bodyString ?? "", timestamp: context.timestamp)
            try draft.addHeader(header, signature)
            draft.redactions.values.insert(signature)
        default:
            throw draft.invalid("credentials", "endpoint needs signing credentials; the client has none")
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
            method: HTTPRequest.Method(draft.endpoint.method.rawValue) ?? .get, scheme: origin.scheme,
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
