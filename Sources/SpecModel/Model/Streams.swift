/// Market streams (`streams:`): where to connect, how raw and combined streams are addressed, and one definition per
/// stream name template, each with typed template variables and the payload model.
public struct Streams: Sendable, Hashable {
    public var description: String?
    public var servers: [Server]
    /// Path of a raw stream, with `<streamName>` for the stream's name (`/ws/<streamName>`).
    public var rawPath: Located<String>
    /// Path of a combined stream, with `<streamNames>` for the `/`-joined names, and the wrapper's fields.
    public var combined: Combined?
    /// The field of a payload that names its event type (`e`).
    public var eventTypeField: String?
    /// Messages a client sends on a stream connection to manage subscriptions (`SUBSCRIBE`, `LIST_SUBSCRIPTIONS`).
    public var controlMethods: [Located<String>]
    public var definitions: [StreamDefinition]
    public var location: SourceLocation

    public struct Combined: Sendable, Hashable {
        public var path: Located<String>
        /// `{"stream": "<streamName>", "data": <payload>}`.
        public var stream: String
        public var data: String
    }

    public func definition(id: String) -> StreamDefinition? { definitions.first { $0.id.value == id } }
}

/// One stream: `<symbol>@kline_<interval>` → `KlineEvent`.
public struct StreamDefinition: Sendable, Hashable {
    public var id: Located<String>
    public var summary: String?
    public var description: String?
    /// The name template as the docs write it, with `<variable>` placeholders.
    public var name: Located<String>
    public var variables: [StreamVariable]
    /// The payload type; a model, or `ARRAY OF` a model for all-market streams.
    public var payload: Located<TypeRef>
    /// The value of the event type field that marks this stream's payload (`kline`); nil when the payload has none.
    public var event: Located<String>?
    public var updateSpeed: String?
    public var source: Endpoint.Source?
    public var examples: [Example]
    public var notes: [String]

    /// The `<name>` placeholders of the name template.
    public var templateVariables: [String] { templateNames(name.value, open: "<", close: ">") }
}

public struct StreamVariable: Sendable, Hashable {
    public enum LetterCase: String, Sendable, Hashable, CaseIterable { case lower, upper }

    public var name: Located<String>
    public var type: Located<TypeRef>
    /// Values allowed when the docs restrict the variable (`levels`: 5, 10, 20).
    public var values: [ScalarValue]
    /// How the value is written in the name (`symbol`: lower case).
    public var letterCase: LetterCase?
    public var description: String?
}
