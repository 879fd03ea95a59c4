import Foundation
import SpecModel

/// The WebSocket API's methods without a REST twin: session logon, status and logout, and the user data stream
/// subscriptions.
extension WebSocketAPIService {
    /// Most user data subscriptions one connection may hold at once (Binance: 1,000).
    static let maxSubscriptions = 1000

    func own(_ method: WebSocketMethod, _ request: APIRequest, on connection: WebSocketConnection) -> String {
        let endpoint = method.asEndpoint
        let received = ReceivedParameters(entries: request.params.map { ReceivedParameter(name: $0.name, value: .text($0.text), place: .query) })
        let now = now
        engine.count(weight: engine.weight(of: endpoint, received), now: now)
        if let rejection = engine.checkParameters(received, for: endpoint) {
            return refusal(of: rejection, id: request.id, on: connection)
        }
        func ok(_ result: JSONDocument) -> String {
            APIFrame.success(id: request.id, result: result, rateLimits: rateLimits(request, connection, orders: false))
        }
        switch method.name.value {
        case "session.logon":
            guard verifier.canLogOn else { return refusal(keyRejected, id: request.id, on: connection) }
            if let rejection = credentials(request, received, level: method.security.value, logon: nil) {
                return refusal(of: rejection, id: request.id, on: connection)
            }
            let key = request.text(apiKeyParam) ?? ""
            connection.state.withLock { $0.logon = (key, now) }
            return ok(status(connection, now: now))
        case "session.status":
            return ok(status(connection, now: now))
        case "session.logout":
            connection.state.withLock { state in
                state.logon = nil
                state.subscriptions.removeAll { $0.viaLogon }
            }
            return ok(status(connection, now: now))
        case "userDataStream.subscribe":
            guard let logon = connection.state.withLock({ $0.logon }) else { return refusal(notLoggedOn, id: request.id, on: connection) }
            return subscribe(apiKey: logon.apiKey, viaLogon: true, request, connection, ok)
        case "userDataStream.subscribe.signature":
            if let rejection = credentials(request, received, level: method.security.value, logon: nil) {
                return refusal(of: rejection, id: request.id, on: connection)
            }
            return subscribe(apiKey: request.text(apiKeyParam), viaLogon: false, request, connection, ok)
        case "userDataStream.unsubscribe":
            let id = request.text("subscriptionId").flatMap { Int($0) }
            connection.state.withLock { state in state.subscriptions.removeAll { id == nil || $0.id == id } }
            return ok(.object([]))
        case "session.subscriptions":
            let ids = connection.state.withLock { $0.subscriptions.map(\.id) }
            return ok(.array(ids.map { .object([("subscriptionId", .number(String($0)))]) }))
        default:
            return refusal(engine.answer(status: 400, code: "-1020", message: "This operation is not supported."), id: request.id, on: connection)
        }
    }

    private func subscribe(
        apiKey: String?, viaLogon: Bool, _ request: APIRequest, _ connection: WebSocketConnection, _ ok: (JSONDocument) -> String
    ) -> String {
        let id = connection.state.withLock { state -> Int? in
            guard state.subscriptions.count < Self.maxSubscriptions, state.nextSubscriptionID < Int(UInt16.max) else { return nil }
            let id = state.nextSubscriptionID
            state.nextSubscriptionID += 1
            state.subscriptions.append((id, apiKey, viaLogon))
            return id
        }
        guard let id else {
            return refusal(
                engine.answer(status: 400, code: "-1015", message: "Too many subscriptions on this connection."), id: request.id, on: connection)
        }
        return ok(.object([("subscriptionId", .number(String(id)))]))
    }

    /// Key, timestamp and signature of a method of its own, as the engine checks a REST request's.
    private func credentials(_ request: APIRequest, _ received: ReceivedParameters, level: String, logon: (apiKey: String, since: Int64)?)
        -> Rejection?
    {
        let key = request.text(apiKeyParam)
        let incoming = IncomingRequest(
            method: "POST", path: "/", query: "", headers: key.flatMap { key in spec.auth?.apiKeyHeader.map { [($0, key)] } } ?? [],
            body: Data())
        return engine.checkCredentials(incoming, received, level: spec.securityLevel(named: level), now: now) {
            signatureCheck(request, logon: logon)
        }
    }

    /// The spec's `SessionStatus`.
    private func status(_ connection: WebSocketConnection, now: Int64) -> JSONDocument {
        let state = connection.state.withLock { $0 }
        return .object([
            ("apiKey", state.logon.map { .string($0.apiKey) } ?? .null),
            ("authorizedSince", state.logon.map { .number(String($0.since)) } ?? .null),
            ("connectedSince", .number(String(connection.connectedSince))),
            ("returnRateLimits", .bool(state.returnRateLimits)),
            ("serverTime", .number(String(now))),
            ("userDataStream", .bool(state.subscriptions.contains { $0.viaLogon })),
        ])
    }

    /// Logon with a key that is not Ed25519 (the docs: only Ed25519 keys can log on).
    private var keyRejected: OutgoingResponse {
        engine.answer(status: 401, code: "-2015", message: "Invalid API-key, IP, or permissions for action.")
    }

    private var notLoggedOn: OutgoingResponse {
        engine.answer(status: 401, code: "-1002", message: "You are not authorized to execute this request.")
    }
}

extension SignatureVerifier {
    /// Whether `session.logon` accepts the configured key: Ed25519 only (any key when none is configured).
    var canLogOn: Bool {
        switch self {
        case .ed25519, .acceptAny: true
        case .hmac, .rsa: false
        }
    }
}
