/// Checks of the WebSocket API methods' `session`, `events` and `swiftName`, which the generated client relies on:
/// which method logs on (and is sent again after a reconnection), which need a logged-on connection, and which
/// start and end event subscriptions.
extension SpecValidator {
    mutating func checkSessionRoles(_ api: WebSocketAPI) {
        for method in api.methods {
            if let role = method.session { checkRole(role, allowed: WebSocketMethod.sessionRoles, key: "session") }
            if let role = method.events { checkRole(role, allowed: WebSocketMethod.eventRoles, key: "events") }
            if let name = method.swiftName, !Self.isIdentifier(name.value) {
                error("swiftName '\(name.value)' is not a Swift identifier", at: name.location)
            }
        }
        for role in ["logon", "logout"] {
            let methods = api.methods.compactMap { $0.session?.value == role ? $0.session : nil }
            for extra in methods.dropFirst() { error("a second method with 'session: \(role)'; only one method can \(role)", at: extra.location) }
        }
        for extra in api.methods.compactMap({ $0.events?.value == "unsubscribe" ? $0.events : nil }).dropFirst() {
            error("a second method with 'events: unsubscribe'; only one method can unsubscribe", at: extra.location)
        }
        reportDuplicates(api.methods.compactMap(\.swiftName), what: "swiftName", in: "the WebSocket API")
        if let logon = api.method(session: "logon"), let session = logon.session, spec.securityLevel(named: logon.security.value)?.signed == false {
            error("the logon method '\(logon.name.value)' must be signed: security level '\(logon.security.value)' is not", at: session.location)
        }
        for method in api.methods {
            guard let role = method.events, WebSocketMethod.eventRoles.contains(role.value) else { continue }
            checkEventRole(method, role: role, api: api)
        }
    }

    private mutating func checkRole(_ role: Located<String>, allowed: [String], key: String) {
        guard !allowed.contains(role.value) else { return }
        error("unknown \(key) '\(role.value)'; expected one of \(allowed.joined(separator: ", "))", at: role.location)
    }

    /// A subscribe method answers a model holding the events' subscription id; an unsubscribe method takes it.
    private mutating func checkEventRole(_ method: WebSocketMethod, role: Located<String>, api: WebSocketAPI) {
        guard let events = api.events, let field = events.subscriptionId else {
            return error("'events: \(role.value)' needs 'webSocketAPI.events' with a 'subscriptionId' field", at: role.location)
        }
        if role.value == "subscribe" {
            guard case .named(let name)? = method.response?.type?.value, case .object(let fields)? = spec.model(named: name)?.kind,
                fields.contains(where: { $0.name.value == field })
            else {
                return error("subscribe method '\(method.name.value)' must answer a model with a '\(field)' field", at: role.location)
            }
        } else if method.param(named: field) == nil {
            error("unsubscribe method '\(method.name.value)' must take a '\(field)' parameter", at: role.location)
        }
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
