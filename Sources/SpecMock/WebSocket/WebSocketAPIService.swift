import Foundation
import SpecModel

/// Answers WebSocket API requests. A method with a REST twin goes through the engine as that endpoint's request
/// (same checks, weight, faults, examples or stateful answers), its signature checked over the WebSocket payload;
/// the API's own methods (session, user data stream) are answered here.
struct WebSocketAPIService: Sendable {
    let engine: MockEngine
    let spec: Spec
    /// Endpoints by their WebSocket method name.
    let twins: [String: Endpoint]
    /// `apiKey`.
    let apiKeyParam: String
    /// `signature`.
    let signatureParam: String
    let verifier: SignatureVerifier

    init(engine: MockEngine, credentials: MockCredentials) throws {
        let spec = engine.spec
        self.engine = engine
        self.spec = spec
        twins = Dictionary(
            spec.endpoints.compactMap { endpoint in endpoint.webSocket.map { ($0.method.value, endpoint) } }, uniquingKeysWith: { a, _ in a })
        apiKeyParam = spec.webSocketAPI?.apiKeyParam ?? "apiKey"
        signatureParam = spec.auth?.signing?.signatureParam ?? "signature"
        verifier = try SignatureVerifier(credentials, encoding: spec.auth?.signing?.encoding ?? .hex)
    }

    var now: Int64 { engine.now }

    /// The answer frame to a request frame, and how long a fault delays it.
    func answer(_ frame: String, on connection: WebSocketConnection) -> (String, Duration?) {
        let request: APIRequest
        switch APIRequest.parse(frame) {
        case let .success(parsed): request = parsed
        case let .failure(refused): return (refusal(of: refused.rejection, id: refused.id), nil)
        }
        if let endpoint = twins[request.method] { return twin(endpoint, request, on: connection) }
        if let method = spec.webSocketAPI?.method(named: request.method) { return (own(method, request, on: connection), nil) }
        engine.count(weight: 1, now: now)
        return (refusal(engine.answer(status: 400, code: "-1020", message: "This operation is not supported."), id: request.id, on: connection), nil)
    }

    // MARK: - Methods with a REST twin

    private func twin(_ endpoint: Endpoint, _ request: APIRequest, on connection: WebSocketConnection) -> (String, Duration?) {
        let twin = endpoint.webSocket
        let omitted = Set(twin?.omitParams.map(\.value) ?? [])
        if let sent = request.params.first(where: { omitted.contains($0.name) }) {
            return (refusal(of: .unknownParameter(sent.name), id: request.id, on: connection), nil)
        }
        let transportOnly = Set((twin?.extraParams ?? []).map(\.name.value) + [apiKeyParam, signatureParam, "returnRateLimits"])
        let query = request.params.filter { !transportOnly.contains($0.name) }.sorted { $0.name < $1.name }
            .map { "\(Self.encoded($0.name))=\(Self.encoded($0.text))" }.joined(separator: "&")
        let logon = connection.state.withLock { $0.logon }
        let apiKey = request.text(apiKeyParam) ?? logon?.apiKey
        let incoming = IncomingRequest(
            method: endpoint.method.rawValue, path: endpoint.path.value, query: query,
            headers: apiKey.flatMap { key in spec.auth?.apiKeyHeader.map { [($0, key)] } } ?? [], body: Data())
        let response = engine.handle(incoming) { signatureCheck(request, logon: logon) }
        let limits = rateLimits(request, connection, orders: engine.placesOrders(endpoint.id.value))
        return (frame(response, id: request.id, rateLimits: limits), response.delay)
    }

    /// The contract's signature check: a session logged on may leave `apiKey` and `signature` out.
    func signatureCheck(_ request: APIRequest, logon: (apiKey: String, since: Int64)?) -> Rejection? {
        guard let signature = request.text(signatureParam), !signature.isEmpty else {
            let keyAgrees = request.text(apiKeyParam).map { $0 == logon?.apiKey } ?? true
            return logon != nil && keyAgrees ? nil : .missingSignature(name: signatureParam)
        }
        // Base64 as Binance takes it over WebSocket; a percent-encoded one (the REST signers' output) is read too.
        let text = signature.contains("%") ? FormText.decode(signature.utf8, plusIsSpace: false) ?? signature : signature
        return verifier.verify(text, payload: Array(request.signaturePayload(excluding: signatureParam).utf8)) ? nil : .invalidSignature
    }

    /// Percent-encodes everything but RFC 3986's unreserved characters, for the engine's query string.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    // MARK: - Frames

    /// An engine answer as a frame: the JSON body under `result`, or under `error` for a refusal. A body that is not
    /// JSON (a `truncated` or `malformed` fault) becomes the venue's "execution status unknown" error.
    func frame(_ response: OutgoingResponse, id: JSONDocument, rateLimits: [RateLimitCounter.Report]?) -> String {
        guard let body = try? JSONDocument.parse(String(decoding: response.body, as: UTF8.self)) else {
            let message = "An unexpected response was received from the message bus. Execution status unknown."
            let error = JSONDocument.object([("code", .number("-1006")), ("msg", .string(message))])
            return APIFrame.failure(id: id, status: 500, error: error, rateLimits: rateLimits)
        }
        if response.status == 200 { return APIFrame.success(id: id, result: body, rateLimits: rateLimits) }
        return APIFrame.failure(id: id, status: response.status, error: body, rateLimits: rateLimits)
    }

    /// A refusal frame for a request the connection could not read.
    func refusal(of rejection: Rejection, id: JSONDocument) -> String {
        frame(engine.answer(rejection), id: id, rateLimits: engine.rateLimitReport(now: now, orderCounts: false))
    }

    func refusal(of rejection: Rejection, id: JSONDocument, on connection: WebSocketConnection) -> String {
        refusal(engine.answer(rejection), id: id, on: connection)
    }

    func refusal(_ response: OutgoingResponse, id: JSONDocument, on connection: WebSocketConnection) -> String {
        let report = connection.state.withLock { $0.returnRateLimits } ? engine.rateLimitReport(now: now, orderCounts: false) : nil
        return frame(response, id: id, rateLimits: report)
    }

    /// The `rateLimits` of an answer, unless the connection or the request turned them off.
    func rateLimits(_ request: APIRequest, _ connection: WebSocketConnection, orders: Bool) -> [RateLimitCounter.Report]? {
        let wanted = request.text("returnRateLimits").map { $0 != "false" } ?? connection.state.withLock { $0.returnRateLimits }
        return wanted ? engine.rateLimitReport(now: now, orderCounts: orders) : nil
    }

    func event(_ event: JSONDocument, subscription: Int) -> String { APIFrame.event(event, subscription: subscription) }

    func serverShutdown(now: Int64) -> String {
        APIFrame.event(.object([("e", .string("serverShutdown")), ("E", .number(String(now)))]), subscription: nil)
    }
}
