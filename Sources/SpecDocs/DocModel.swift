import SpecModel

/// What `check-docs` and `draft` read out of API documents, whatever their format (Markdown or HTML).
/// Every item remembers the document line it came from.
public struct DocModel: Sendable {
    /// The documents read, as given.
    public var files: [String] = []
    /// A title from front matter, when a document has one.
    public var title: String?
    public var sections: [DocSection] = []
    /// Endpoints in document order; one entry per method and path (mentions are merged into definitions).
    public var endpoints: [DocEndpoint] = []
    public var enums: [DocEnum] = []
    public var errors: [DocError] = []
    public var filters: [DocFilter] = []
    /// Stream name templates (`<symbol>@kline_<interval>`), from "Stream Name:" lines and combined-stream examples.
    public var streams: [DocValue] = []
    /// Event types (`"e": "executionReport"`) of the examples outside any endpoint or method section.
    public var eventTypes: [DocValue] = []

    public init() {}

    /// The endpoint with this method and path.
    public func endpoint(_ key: DocEndpoint.Key) -> DocEndpoint? { endpoints.first { $0.key == key } }
}

/// A heading of a document.
public struct DocSection: Sendable, Hashable {
    public var title: String
    public var level: Int
    public var location: SourceLocation
}

/// An endpoint the docs define (a heading, a code line) or mention (a row of an overview table).
public struct DocEndpoint: Sendable {
    /// Method and path: how endpoints are matched with the spec.
    public struct Key: Sendable, Hashable, CustomStringConvertible {
        public var method: String
        public var path: String
        public init(method: String, path: String) {
            self.method = method
            self.path = path
        }
        public var description: String { "\(method) \(path)" }

        /// The pseudo-method of a WebSocket API method's key: `WS order.place`.
        public static let webSocketMarker = "WS"
        public static func webSocket(_ name: String) -> Key { Key(method: webSocketMarker, path: name) }
        public var isWebSocket: Bool { method == Self.webSocketMarker }
    }

    public var key: Key
    /// The section title the endpoint appears under.
    public var title: String?
    /// The security word of the title, such as `TRADE` in "New order (TRADE)".
    public var security: String?
    public var location: SourceLocation
    /// True when the endpoint is only listed in a table, not documented in a section of its own.
    public var isMention = false
    /// The parameter table; nil when the docs show none (which is not the same as "no parameters").
    public var params: [DocParam]?
    /// "In addition to all parameters of POST /api/v3/order": the endpoint whose parameters come first.
    public var inheritsParams: Key?
    /// Wrapper object of a JSON body (`{"order": {…}}`), when the docs show one.
    public var wrapper: String?
    /// The weight as written, and as a number when it is a plain number.
    public var weightText: String?
    public var weight: Int?
    public var examples: [DocExample] = []
}

/// A row of a parameter table.
public struct DocParam: Sendable {
    public var name: String
    /// The docs' type word (`STRING`, `ENUM`, `decimal string | nullable`); nil when the docs give none.
    public var type: String?
    /// Mandatory as documented; nil when the docs do not say.
    public var mandatory: Bool?
    public var location: ParameterLocation?
    public var description: String?
    /// Values the docs list for the parameter.
    public var values: [DocValue] = []
    /// The docs' value list when it runs together (`GtcIocFokGtdDay`), to be split against the spec's values.
    public var runTogetherValues: DocValue?
    public var at: SourceLocation
}

/// A documented value and where it is written.
public struct DocValue: Sendable, Hashable {
    public var value: String
    public var at: SourceLocation
}

/// A list of enum values: an ENUM-definitions section, or the possible values of a response field.
public struct DocEnum: Sendable {
    public var title: String
    /// The parameter or field names in the title, such as `status` in "Order status (status)".
    public var names: [String]
    public var values: [DocValue]
    public var runTogetherValues: DocValue?
    /// For the values of a response field: the endpoint whose response has the field.
    public var endpoint: DocEndpoint.Key?
    public var at: SourceLocation
}

/// A filter the docs define in a section of its own: a `### PRICE_FILTER` heading and a JSON example whose
/// discriminator member names it (`"filterType": "PRICE_FILTER"`).
public struct DocFilter: Sendable {
    /// The discriminator member of the example (`filterType`) and its value (`PRICE_FILTER`).
    public var key: String
    public var type: String
    /// The heading the definition sits under ("Symbol filters", "Exchange Filters"), if any.
    public var group: String?
    /// The example's members other than the discriminator, each at its line.
    public var fields: [DocValue]
    public var example: JSONDocument
    /// The heading of the definition and the example's first line.
    public var at: SourceLocation
    public var exampleAt: SourceLocation
}

/// An error code heading, such as `-1121 BAD_SYMBOL`.
public struct DocError: Sendable {
    public var code: String
    /// The UPPER_SNAKE name; nil when the docs give a message instead.
    public var name: String?
    public var message: String?
    public var at: SourceLocation
}

/// A JSON example in an endpoint's section.
public struct DocExample: Sendable {
    public enum Kind: String, Sendable { case request, response, unknown }
    public var kind: Kind
    /// The text before the example that says what it is ("Response - ACK").
    public var label: String?
    /// The JSON text with the docs' comments removed.
    public var text: String
    /// The parsed JSON, or why it does not parse.
    public var json: JSONDocument?
    public var parseError: String?
    public var at: SourceLocation
}
