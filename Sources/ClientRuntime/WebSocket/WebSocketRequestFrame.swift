/// Builds the text of one WebSocket API request: `{"id": …, "method": …, "params": {…}}`, with the receive window,
/// timestamp, API key and signature a signed method needs added after the caller's parameters.
struct WebSocketRequestFrame {
    let profile: APIProfile
    let api: WebSocketAPIProfile
    let credentials: Credentials
    /// The receive window the client options set, else the profile's default.
    let recvWindow: ExactDecimal?

    /// The frame for `method` with `parameters`. `loggedOn`: the connection has logged on, so a signed request
    /// carries its timestamp but no API key or signature. Throws `RequestValidationError` when the credentials
    /// cannot authenticate the method or the receive window is out of bounds.
    func text(id: String, method: WebSocketMethodInfo, parameters: Parameters, timestamp: Int64, loggedOn: Bool) throws -> String {
        let params = try authenticated(method, parameters, timestamp: timestamp, loggedOn: loggedOn)
        var fields = [JSONText.string(api.idField) + ":" + JSONText.string(id), JSONText.string(api.methodField) + ":" + JSONText.string(method.name)]
        if !params.isEmpty {
            let members = params.entries.map { JSONText.string($0.name) + ":" + json($0) }
            fields.append(JSONText.string(api.paramsField) + ":{" + members.joined(separator: ",") + "}")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A parameter's JSON: as in JSON bodies, except the receive window, which is a number (`"recvWindow": 5000`).
    private func json(_ entry: Parameters.Entry) -> String {
        if entry.name == profile.auth.recvWindowParam, case .decimal(let window) = entry.value { return window.text }
        return JSONText.value(entry.value)
    }

    /// `parameters` with what `method`'s security level needs, in the docs' order: recvWindow, timestamp, apiKey,
    /// signature.
    func authenticated(_ method: WebSocketMethodInfo, _ parameters: Parameters, timestamp: Int64, loggedOn: Bool) throws -> Parameters {
        var params = parameters
        let auth = profile.auth
        let security = method.security
        if security.signed, let name = auth.recvWindowParam, params[name] == nil, let window = recvWindow ?? auth.recvWindowDefault {
            if let problem = ReceiveWindow(auth: auth).problem(with: window) { throw invalid(method, "recvWindow", problem) }
            params.add(name, window, in: .body)
        }
        if security.signed || security.timestamp, let name = auth.timestampParam { params.add(name, timestamp, in: .body) }
        guard security.apiKey || security.signed, !loggedOn else { return params }
        if security.apiKey, let name = api.apiKeyParam {
            guard let key = credentials.apiKey else { throw invalid(method, "credentials", "\(method.name) needs an API key; the client has none") }
            params.add(name, key, in: .body)
        }
        if security.signed {
            guard case .signed(_, let signer) = credentials else {
                throw invalid(method, "credentials", "\(method.name) is signed; the client has no RequestSigner")
            }
            let payload = WebSocketSignature.payload(params.entries, signatureParam: api.signatureParam)
            params.add(api.signatureParam ?? "signature", try WebSocketSignature.sign(payload, with: signer), in: .body)
        }
        return params
    }

    private func invalid(_ method: WebSocketMethodInfo, _ rule: String, _ message: String) -> RequestValidationError {
        RequestValidationError(endpoint: method.name, rule: rule, message: message)
    }
}
