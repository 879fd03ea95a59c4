import ClientRuntime
import Foundation

/// The WebSocket API side of the Binance test fixtures: profile, clients over an in-memory transport, frames.
enum BinanceWS {
    static let url = URL(string: "ws://127.0.0.1:1/ws-api/v3")!
    static let logon = WebSocketMethodInfo(name: "session.logon", security: Binance.trade, weight: 2)
    static let logout = WebSocketMethodInfo(name: "session.logout", security: .none, weight: 2)
    static let unsubscribe = WebSocketMethodInfo(name: "userDataStream.unsubscribe", security: .none, weight: 2)
    static let subscribe = WebSocketMethodInfo(name: "userDataStream.subscribe", security: .init(apiKey: true), weight: 2, requiresLogon: true)
    static let profile = WebSocketAPIProfile(
        rateLimitsField: "rateLimits", apiKeyParam: "apiKey", signatureParam: "signature", subscriptionIdField: "subscriptionId",
        eventField: "event", logonMethod: logon, unsubscribeMethod: unsubscribe, eventTypeField: "e", shutdownEvent: "serverShutdown")

    static func client(
        _ transport: InMemoryWebSocketTransport, timeout: Duration = .seconds(10), options: (inout ClientOptions) -> Void = { _ in }
    ) -> WebSocketAPIClient<TestVenueError> {
        var settings = ClientOptions(clock: { 1_645_423_376_532 })
        options(&settings)
        return WebSocketAPIClient(
            profile: Binance.profile, webSocket: profile, url: url,
            credentials: .signed(apiKey: Binance.apiKey, signer: HMACSHA256Signer(secret: Secret(Binance.secretKey))), transport: transport,
            options: settings, webSocketOptions: WebSocketOptions(requestTimeout: timeout, initialBackoff: .milliseconds(10)))
    }

    /// A JSON object's members, for checking frames without depending on member order.
    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The `id` of a request frame, as text.
    static func id(of frame: String) -> String { "\(object(frame)["id"] ?? "")" }

    /// The `method` of a request frame.
    static func method(of frame: String) -> String { object(frame)["method"] as? String ?? "" }

    /// The `params` of a request frame.
    static func params(of frame: String) -> [String: Any] { object(frame)["params"] as? [String: Any] ?? [:] }

    /// A success answer to `frame` with `result`.
    static func answer(_ frame: String, result: String, rateLimits: String = "[]") -> String {
        "{\"id\":\"\(id(of: frame))\",\"status\":200,\"result\":\(result),\"rateLimits\":\(rateLimits)}"
    }

    /// A server that answers logon, subscribe (ids from `nextSubscription`) and unsubscribe, and `{}` otherwise.
    static func server(subscriptionIDs: Locked<Int> = Locked(0)) -> InMemoryWebSocketTransport.Server {
        { frame, connection in
            switch method(of: frame) {
            case "userDataStream.subscribe":
                let next = subscriptionIDs.withLock { id in
                    defer { id += 1 }
                    return id
                }
                connection.push(answer(frame, result: "{\"subscriptionId\":\(next)}"))
            default:
                connection.push(answer(frame, result: "{}"))
            }
        }
    }
}

/// Polls `condition` every 5 ms for up to 5 s; true once it holds.
func eventually(_ condition: @Sendable () async -> Bool) async -> Bool {
    for _ in 0..<1000 {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return false
}
