import Foundation

/// A WebSocket API's conventions, generated from the spec's `webSocketAPI`: the envelope's field names, where
/// the API key and signature travel, and the methods the client calls by itself (logon, unsubscribe).
public struct WebSocketAPIProfile: Sendable, Hashable {
    /// Request fields: `{"id": …, "method": …, "params": {…}}`.
    public var idField: String
    public var methodField: String
    public var paramsField: String
    /// Answer fields: `{"id", "status", "result" | "error", "rateLimits"}`.
    public var statusField: String
    public var resultField: String
    public var errorField: String
    public var rateLimitsField: String?
    /// The parameter carrying the API key of keyed methods (`apiKey`).
    public var apiKeyParam: String?
    /// The parameter carrying the signature of signed methods (`signature`).
    public var signatureParam: String?
    /// Pushed events: `{"subscriptionId": 0, "event": {…}}`.
    public var subscriptionIdField: String?
    public var eventField: String?
    /// The method that logs the connection on (`session.logon`); the client sends it again after reconnecting.
    public var logonMethod: WebSocketMethodInfo?
    /// The method that ends an event subscription, taking `subscriptionIdField` as a parameter.
    public var unsubscribeMethod: WebSocketMethodInfo?
    /// A connection event whose `eventTypeField` is `shutdownEvent` (`e` = `serverShutdown`) announces that the
    /// server closes the connection soon: the client moves to a new one at once.
    public var eventTypeField: String?
    public var shutdownEvent: String?

    /// Creates a profile.
    public init(
        idField: String = "id", methodField: String = "method", paramsField: String = "params", statusField: String = "status",
        resultField: String = "result", errorField: String = "error", rateLimitsField: String? = nil, apiKeyParam: String? = nil,
        signatureParam: String? = nil, subscriptionIdField: String? = nil, eventField: String? = nil,
        logonMethod: WebSocketMethodInfo? = nil, unsubscribeMethod: WebSocketMethodInfo? = nil, eventTypeField: String? = nil,
        shutdownEvent: String? = nil
    ) {
        self.idField = idField
        self.methodField = methodField
        self.paramsField = paramsField
        self.statusField = statusField
        self.resultField = resultField
        self.errorField = errorField
        self.rateLimitsField = rateLimitsField
        self.apiKeyParam = apiKeyParam
        self.signatureParam = signatureParam
        self.subscriptionIdField = subscriptionIdField
        self.eventField = eventField
        self.logonMethod = logonMethod
        self.unsubscribeMethod = unsubscribeMethod
        self.eventTypeField = eventTypeField
        self.shutdownEvent = shutdownEvent
    }

    /// Whether a connection event's payload announces the server's close.
    func isShutdown(_ payload: Data) -> Bool {
        guard let eventTypeField, let shutdownEvent, let members = JSONObjectScanner.members(of: payload) else { return false }
        return members.first { $0.key == eventTypeField }?.scalarText(in: payload) == shutdownEvent
    }
}

/// What the client needs to know about one WebSocket API method.
public struct WebSocketMethodInfo: Sendable, Hashable {
    /// The method's name on the wire (`order.place`).
    public var name: String
    /// Its security level (API key, signature).
    public var security: SecurityRequirement
    /// Its request weight, for the client-side limiter.
    public var weight: Int
    /// Whether it needs a logged-on connection (`userDataStream.subscribe`); the client logs on first.
    public var requiresLogon: Bool
    /// Whether sending it twice is harmless (a lost answer then leaves no doubt).
    public var isIdempotent: Bool

    /// Creates a description.
    public init(name: String, security: SecurityRequirement, weight: Int = 1, requiresLogon: Bool = false, isIdempotent: Bool = false) {
        self.name = name
        self.security = security
        self.weight = weight
        self.requiresLogon = requiresLogon
        self.isIdempotent = isIdempotent
    }
}
