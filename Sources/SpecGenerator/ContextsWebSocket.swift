/// Render contexts of the WebSocket API client (`WebSocketClient.swift`) and the market streams client
/// (`Streams.swift`). A spec without the part gets a file holding only its header when the build plugin asks for
/// every file (`body` nil), and no file otherwise.

struct WebSocketClientFileContext: Encodable {
    let header: FileHeader
    let body: WebSocketClientContext?
}

struct WebSocketClientContext: Encodable {
    let doc: [String]
    let name: String
    /// The REST client, whose `profile` the WebSocket client shares.
    let restClient: String
    let errorType: String
    let servers: [ServerContext]
    let defaultServer: String?
    /// `WebSocketAPIProfile(…)` as Swift.
    let profile: String
    let credentialInits: [CredentialInitContext]
    /// Methods with a REST twin: the REST request type in, the REST response type out.
    let twins: [WebSocketTwinContext]
    /// The WebSocket API's own methods.
    let methods: [WebSocketMethodContext]
}

struct WebSocketTwinContext: Encodable {
    let doc: [String]
    let name: String
    let wireName: String
    let requestType: String
    let responseType: String
    let defaultArgument: Bool
}

struct WebSocketMethodContext: Encodable {
    let doc: [String]
    let name: String
    /// The `WebSocketMethodInfo(…)` constant's name and value.
    let infoName: String
    let info: String
    /// `name: Type = nil` declarations and the `parameters.add` lines' parts.
    let arguments: [WebSocketArgumentContext]
    let hasArguments: Bool
    /// What the method returns, and the runtime call that makes it (`try await runtime.logon(as: …)`).
    let returnType: String
    let call: String
}

struct WebSocketArgumentContext: Encodable {
    let declaration: String
    let name: String
    let wireName: String
}

struct StreamsFileContext: Encodable {
    let header: FileHeader
    let body: StreamsContext?
}

struct StreamsContext: Encodable {
    let doc: [String]
    let name: String
    let servers: [ServerContext]
    let defaultServer: String?
    /// `MarketStreamsProfile(…)` as Swift.
    let profile: String
    let enums: [StreamEnumContext]
    let streams: [StreamMethodContext]
}

struct StreamEnumContext: Encodable {
    let doc: [String]
    let name: String
    let rawType: String
    let cases: [EnumCaseContext]
}

struct StreamMethodContext: Encodable {
    let doc: [String]
    let name: String
    let nameFunction: String
    /// `symbol: String` … for the signature, and `symbol: symbol` … for the call.
    let parameters: [String]
    let arguments: [String]
    /// The stream name as a Swift string literal with interpolations.
    let nameExpression: String
    let template: String
    let payloadType: String
}
