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
        let auth = profile.auth
        let security = endpoint.security
        func invalid(_ rule: String, _ message: String) -> RequestValidationError {
            RequestValidationError(endpoint: endpoint.id, rule: rule, message: message)
        }

        // 1. Sort the parameters by where they travel.
        var path = endpoint.path
        var headers = HTTPHeaders()
        var query: [(String, ParameterValue)] = []
        var body: [(String, ParameterValue)] = []
        let hasBody: Bool
        switch endpoint.encoding {
        case .query: hasBody = false
        case .form, .json: hasBody = endpoint.method != .get
        }
        for entry in parameters.entries {
            switch entry.location {
            case .path:
                let placeholder = "{\(entry.name)}"
                guard path.contains(placeholder), let text = entry.value.plainText else {
                    throw invalid("path", "path parameter \(entry.name) has no placeholder or no value")
                }
                path = path.replacingOccurrences(of: placeholder, with: PercentEncoding.encode(text))
            case .header:
                if let text = entry.value.plainText { headers.add(entry.name, text) }
            case .query:
                query.append((entry.name, entry.value))
            case .body:
                if hasBody { body.append((entry.name, entry.value)) } else { query.append((entry.name, entry.value)) }
            }
        }
        if let open = path.firstIndex(of: "{"), path[open...].contains("}") {
            throw invalid("path", "missing path parameter in \(path)")
        }

        // 2. Credentials the level demands.
        var redactions = Redactions(
            headerNames: Set([auth.apiKeyHeader, auth.signatureHeader, auth.bearerHeader].compactMap { $0 }),
            parameterNames: Set([auth.signatureParam].compactMap { $0 })
        )
        if security.bearer {
            guard let token = context.bearerToken else {
                throw invalid("credentials", "endpoint needs a bearer token; the client has none")
            }
            token.withValue { value in
                headers.add(auth.bearerHeader ?? "Authorization", "Bearer \(value)")
                redactions.values.insert(value)
            }
        }
        if security.apiKey || security.signed {
            guard let key = context.credentials.apiKey else {
                throw invalid("credentials", "endpoint needs an API key; the client has none")
            }
            if let header = auth.apiKeyHeader {
                headers.add(header, key)
                redactions.values.insert(key)
            }
        }

        // 3. Timestamp and receive window, after the caller's parameters (recvWindow first, as in Binance's examples).
        let signsInBody = endpoint.encoding == .form && hasBody
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
                throw invalid("recvWindow", problem)
            }
        }
        if let timeUnit {
            guard let header = auth.timeUnit else {
                throw invalid("timeUnit", "\(profile.name) has no header choosing the unit of response times")
            }
            headers.add(header.name, header.value(for: timeUnit))
        }
        if security.signed || security.timestamp {
            if let header = auth.timestampHeader {
                headers.add(header, String(context.timestamp))
            } else if let name = auth.timestampParam {
                timing.append((name, .int(context.timestamp)))
            }
        }
        if signsInBody { body += timing } else { query += timing }

        // 4. The bytes.
        var queryString = Self.formEncode(query)
        var bodyString: String?
        var contentType: String?
        if hasBody {
            switch endpoint.encoding {
            case .form:
                if !body.isEmpty {
                    bodyString = Self.formEncode(body)
                    contentType = "application/x-www-form-urlencoded"
                }
            case .json(let wrapper):
                if !body.isEmpty {
                    let object = "{" + body.map { JSONText.string($0.0) + ":" + JSONText.value($0.1) }.joined(separator: ",") + "}"
                    bodyString = wrapper.map { "{" + JSONText.string($0) + ":" + object + "}" } ?? object
                    contentType = "application/json"
                }
            case .query:
                break
            }
        }

        // 5. Signature over exactly those bytes.
        if security.signed {
            switch context.credentials {
            case .signed(_, let signer):
                guard let name = auth.signatureParam else {
                    throw invalid("credentials", "\(profile.name) does not sign with a parameter; use its own credentials")
                }
                let signature = try signer.signature(for: Array((queryString + (bodyString ?? "")).utf8))
                // Signers return wire-ready text; anything still outside the unreserved set is encoded.
                let wire = PercentEncoding.encode(signature, keeping: [UInt8(ascii: "%")])
                redactions.values.formUnion([signature, wire])
                let pair = "\(PercentEncoding.encode(name))=\(wire)"
                if signsInBody, let current = bodyString {
                    bodyString = current.isEmpty ? pair : current + "&" + pair
                } else {
                    queryString = queryString.isEmpty ? pair : queryString + "&" + pair
                }
            case .dfx(_, let signer):
                guard let header = auth.signatureHeader else {
                    throw invalid("credentials", "\(profile.name) does not sign with a header; use its own credentials")
                }
                let signature = try signer.signature(
                    method: endpoint.method.rawValue, path: path, query: queryString, body: bodyString ?? "",
                    timestamp: context.timestamp)
                headers.add(header, signature)
                redactions.values.insert(signature)
            default:
                throw invalid("credentials", "endpoint needs signing credentials; the client has none")
            }
        }

        // 6. Assemble.
        if let bodyString, !bodyString.isEmpty || contentType != nil {
            headers.add("Content-Type", endpoint.contentType ?? contentType ?? "application/octet-stream")
        }
        if let userAgent { headers.add("User-Agent", userAgent) }
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let fullPath = path.hasPrefix("/") ? path : "/" + path
        let text = base + fullPath + (queryString.isEmpty ? "" : "?" + queryString)
        guard let url = URL(string: text) else { throw invalid("url", "cannot form a URL from \(base + fullPath)") }
        return HTTPRequest(
            method: endpoint.method, url: url, headers: headers, body: bodyString.map { Data($0.utf8) },
            timeout: timeout, redactions: redactions)
    }

    /// `name=value&…`, percent-encoded, nulls omitted.
    static func formEncode(_ pairs: [(String, ParameterValue)]) -> String {
        pairs.compactMap { name, value in value.encodedText.map { "\(PercentEncoding.encode(name))=\($0)" } }
            .joined(separator: "&")
    }
}
