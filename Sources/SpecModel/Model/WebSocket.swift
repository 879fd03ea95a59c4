/// The venue's WebSocket API (`webSocketAPI:`): one request/answer envelope for every method, the methods that have
/// no REST twin, and the events pushed on the same connection. Methods with a REST twin are named by their endpoint
/// (`Endpoint.webSocket`), so one request type serves both transports.
public struct WebSocketAPI: Sendable, Hashable {
    public var description: String?
    public var servers: [Server]
    /// Field names of a request: `{"id": …, "method": …, "params": {…}}`.
    public var request: RequestEnvelope
    /// Field names of an answer: `{"id", "status", "result" | "error", "rateLimits"}`.
    public var response: ResponseEnvelope
    /// The parameter that carries the API key where a method needs one and the session is not logged on.
    public var apiKeyParam: String?
    /// Events the server pushes on the connection, outside any answer (user data stream events).
    public var events: EventEnvelope?
    /// Methods with no REST twin, in document order.
    public var methods: [WebSocketMethod]
    public var location: SourceLocation

    public struct RequestEnvelope: Sendable, Hashable {
        public var id: String
        public var method: String
        public var params: String
    }

    public struct ResponseEnvelope: Sendable, Hashable {
        public var id: String
        public var status: String
        public var result: String
        /// The error object, in the spec's `errorFormat`.
        public var error: String
        /// The rate-limit report of an answer and the model of one entry.
        public var rateLimits: String?
        public var rateLimitType: Located<TypeRef>?
    }

    /// `{"subscriptionId": 0, "event": {…}}`: the field naming the subscription, the field holding the event, and
    /// the event's type (a model polymorphic on the event type field).
    public struct EventEnvelope: Sendable, Hashable {
        public var subscriptionId: String?
        public var event: String
        public var payload: Located<TypeRef>
        /// The event type (a variant of the polymorphic payload) by which the server says it will close the connection
        /// soon (`serverShutdown`); a client moves to a new connection at once.
        public var shutdown: Located<String>? = nil
        /// Whole pushed messages, wrapper included, as the docs show them.
        public var examples: [Example]
    }

    public func method(named name: String) -> WebSocketMethod? { methods.first { $0.name.value == name } }

    /// The method with `session: role` (`logon`, `logout`).
    public func method(session role: String) -> WebSocketMethod? { methods.first { $0.session?.value == role } }

    /// The method with `events: role` (`subscribe`, `unsubscribe`); the first, for `subscribe`.
    public func method(events role: String) -> WebSocketMethod? { methods.first { $0.events?.value == role } }
}

/// A WebSocket API method of its own (no REST twin): `session.logon`, `userDataStream.subscribe`.
public struct WebSocketMethod: Sendable, Hashable {
    public var name: Located<String>
    public var summary: String?
    public var description: String?
    public var security: Located<String>
    public var weight: Weight?
    public var dataSource: String?
    public var source: Endpoint.Source?
    public var params: [Parameter]
    public var response: Response?
    public var examples: [Example]
    public var notes: [String]
    /// The generated client's method name, when the default (the method name in lower camel case) reads badly.
    public var swiftName: Located<String>? = nil
    /// The method's part in the session: `logon` (logs the connection on; a client sends it again after
    /// reconnecting), `logout`, or `required` (needs a logged-on connection).
    public var session: Located<String>? = nil
    /// The method's part in event subscriptions: `subscribe` (answers a subscription id whose events then arrive on
    /// the connection) or `unsubscribe` (ends one, named by the events' subscription id parameter).
    public var events: Located<String>? = nil

    /// The values `session` and `events` take.
    public static let sessionRoles = ["logon", "logout", "required"]
    public static let eventRoles = ["subscribe", "unsubscribe"]

    public func param(named name: String) -> Parameter? { params.first { $0.name.value == name } }

    /// Whether the method needs a logged-on connection.
    public var requiresLogon: Bool { session?.value == "required" }
}

/// An endpoint's WebSocket API method (`webSocket:` of an endpoint) and how it differs from the REST endpoint.
public struct WebSocketTwin: Sendable, Hashable {
    public var method: Located<String>
    /// Parameters only the WebSocket method takes.
    public var extraParams: [Parameter]
    /// REST parameters the WebSocket method does not take.
    public var omitParams: [Located<String>]
    /// When the weight or answer differ from REST's; nil: the same.
    public var weight: Weight?
    public var response: Response?
    public var examples: [Example]
    public var notes: [String]
    public var location: SourceLocation
}

extension WebSocketAPI.EventEnvelope {
    /// The field naming an event's type: the payload model's discriminator (`e`), when the payload is polymorphic.
    public func typeField(in spec: Spec) -> String? {
        guard case let .named(name) = payload.value, case let .polymorphic(discriminator, _)? = spec.model(named: name)?.kind else { return nil }
        return discriminator.value
    }
}

extension WebSocketMethod {
    /// The method as an endpoint (parameters, weight, answer), so what checks or compares endpoints applies to it.
    /// Its HTTP method and path mean nothing.
    public var asEndpoint: Endpoint {
        var view = Endpoint(
            id: name, method: .POST, path: Located("/", at: name.location), security: security, deprecated: false, request: .init(), params: params,
            rules: [], examples: [], notes: [])
        view.summary = summary
        view.weight = weight
        view.response = response
        return view
    }
}

extension Spec {
    /// An endpoint's WebSocket twin as an endpoint: REST's parameters without the omitted ones, the extra ones, the
    /// API key parameter when the method needs a key and the signature parameter when it is signed; the twin's weight
    /// and answer where they differ.
    public func webSocketView(of endpoint: Endpoint) -> Endpoint? {
        guard let twin = endpoint.webSocket else { return nil }
        let omitted = Set(twin.omitParams.map(\.value))
        var view = endpoint
        view.params = endpoint.params.filter { !omitted.contains($0.name.value) } + twin.extraParams
        view.weight = twin.weight ?? endpoint.weight
        view.response = twin.response ?? endpoint.response
        view.examples = twin.examples
        let level = securityLevel(named: endpoint.security.value)
        // REST sends the key in a header and the signature is added to the query; over WebSocket both are parameters.
        let implied = [
            level?.apiKey == true ? webSocketAPI?.apiKeyParam : nil, level?.signed == true ? auth?.signing?.signatureParam : nil,
        ]
        for name in implied.compactMap({ $0 }) where view.param(named: name) == nil {
            view.params.append(
                Parameter(
                    name: Located(name, at: twin.location), type: Located(.string, at: twin.location), required: true, values: [], nullable: false,
                    deprecated: false))
        }
        return view
    }
}
