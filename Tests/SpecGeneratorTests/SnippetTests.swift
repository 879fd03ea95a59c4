import SpecGenerator
import Testing

/// A few lines of YAML in, the expected Swift out.
@Suite struct SnippetTests {
    @Test func openEnumKeepsUnknownValuesAndEscapesNames() throws {
        let source = try generated(
            """
            enums:
              Status:
                description: Where a symbol stands.
                values:
                  - {value: TRADING, description: Open for orders.}
                  - BREAK
                  - NONE
            models:
              S: {fields: [{name: status, type: Status}]}
            endpoints:
              s: {method: GET, path: /s, security: NONE, response: S}
            """, file: "Enums")
        expectSame(
            declaration("public enum Status", in: source),
            """
            /// Where a symbol stands.
            public enum Status: OpenEnum, Sendable, Hashable, Codable {
                /// `TRADING`: Open for orders.
                case trading
                /// `BREAK`
                case `break`
                /// `NONE`
                case noneValue
                /// A value this spec does not list; the text the server sent is kept.
                case unknown(String)

                /// The values the spec lists.
                public static let allCases: [Self] = [
                    .trading,
                    .`break`,
                    .noneValue,
                ]

                public init(rawValue: String) {
                    switch rawValue {
                    case "TRADING": self = .trading
                    case "BREAK": self = .`break`
                    case "NONE": self = .noneValue
                    default: self = .unknown(rawValue)
                    }
                }

                public var rawValue: String {
                    switch self {
                    case .trading: "TRADING"
                    case .`break`: "BREAK"
                    case .noneValue: "NONE"
                    case let .unknown(value): value
                    }
                }

                public var isListed: Bool {
                    if case .unknown = self { false } else { true }
                }
            }
            """)
    }

    @Test func modelWithOptionalNullableAndRenamedFields() throws {
        let source = try generated(
            """
            models:
              Fill:
                description: One execution.
                fields:
                  - {name: price, type: DECIMAL, description: "Price, as \\"sent\\"."}
                  - {name: tradeId, type: LONG}
                  - {name: avaliable, type: DECIMAL, swiftName: available, optional: true, condition: Only for SOR orders.}
                  - {name: note, type: STRING, nullable: true}
                  - {name: open, type: BOOLEAN}
            endpoints:
              fills: {method: GET, path: /fills, security: NONE, response: ARRAY OF Fill}
            """, file: "Models")
        expectSame(
            declaration("public struct Fill", in: source),
            """
            /// One execution.
            public struct Fill: Sendable, Equatable, Codable {
                /// Price, as "sent".
                public var price: ExactDecimal { storage.price }
                /// `tradeId`.
                public var tradeId: Int64 { storage.tradeId }
                /// `avaliable`.
                ///
                /// - Appears: Only for SOR orders.
                public var available: ExactDecimal? { storage.available }
                /// `note`.
                ///
                /// - Nullable: yes
                public var note: String? { storage.note }
                /// `open`.
                public var `open`: Bool { storage.`open` }

                private let storage: Storage

                private final class Storage: Sendable {
                    let price: ExactDecimal
                    let tradeId: Int64
                    let available: ExactDecimal?
                    let note: String?
                    let `open`: Bool

                    init(
                        price: ExactDecimal,
                        tradeId: Int64,
                        available: ExactDecimal?,
                        note: String?,
                        `open`: Bool
                    ) {
                        self.price = price
                        self.tradeId = tradeId
                        self.available = available
                        self.note = note
                        self.`open` = `open`
                    }
                }

                public init(
                    price: ExactDecimal,
                    tradeId: Int64,
                    available: ExactDecimal? = nil,
                    note: String? = nil,
                    `open`: Bool
                ) {
                    storage = Storage(
                        price: price,
                        tradeId: tradeId,
                        available: available,
                        note: note,
                        open: `open`
                    )
                }

                public static func == (lhs: Self, rhs: Self) -> Bool {
                    guard fieldsEqual(lhs.price, rhs.price) else { return false }
                    guard fieldsEqual(lhs.tradeId, rhs.tradeId) else { return false }
                    guard fieldsEqual(lhs.available, rhs.available) else { return false }
                    guard fieldsEqual(lhs.note, rhs.note) else { return false }
                    guard fieldsEqual(lhs.`open`, rhs.`open`) else { return false }
                    return true
                }

                public init(from decoder: any Decoder) throws {
                    var container = try FieldReader(decoder)
                    let price = container.required(ExactDecimal.self, "price")
                    let tradeId = container.required(Int64.self, "tradeId")
                    let available = container.optional(ExactDecimal.self, "avaliable")
                    let note = container.optional(String.self, "note")
                    let `open` = container.required(Bool.self, "open")
                    try container.finish()
                    storage = Storage(
                        price: price!,
                        tradeId: tradeId!,
                        available: available,
                        note: note,
                        open: `open`!
                    )
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: FieldKey.self)
                    try container.write(price, "price")
                    try container.write(tradeId, "tradeId")
                    try container.writeIfPresent(available, "avaliable")
                    try container.writeIfPresent(note, "note")
                    try container.write(`open`, "open")
                }
            }
            """)
    }

    static let orderSnippet = """
        enums:
          Side: {values: [BUY, SELL]}
          Type: {values: [LIMIT, MARKET]}
        endpoints:
          newOrder:
            summary: Place an order.
            method: POST
            path: /order
            security: TRADE
            weight: {byParam: limit, ranges: [{max: 100, weight: 1}, {weight: 5}]}
            params:
              - {name: symbol, type: STRING, required: true}
              - {name: side, type: Side, required: true}
              - {name: type, type: Type, required: true}
              - {name: quantity, type: DECIMAL}
              - {name: quoteOrderQty, type: DECIMAL}
              - {name: price, type: DECIMAL}
              - {name: limit, type: INT, max: 1000, default: 100}
              - {name: timestamp, type: LONG, required: true}
            rules:
              - when: {type: LIMIT}
                require: [quantity, price]
                error: -1102
              - when: {type: MARKET}
                requireOneOf: [quantity, quoteOrderQty]
        """

    @Test func requestWithRulesConstructorsAndWeight() throws {
        let source = try generated(Self.orderSnippet, file: "Requests")
        #expect(
            source.contains(
                """
                    public static let rules: ParameterRules = [
                        ParameterRule(
                            .require, ["quantity", "price"],
                            when: [
                                .equals("type", ["LIMIT"])
                            ],
                            rule: "type=LIMIT: requires quantity, price", code: "-1102"),
                        ParameterRule(
                            .requireOneOf, ["quantity", "quoteOrderQty"],
                            when: [
                                .equals("type", ["MARKET"])
                            ],
                            rule: "type=MARKET: requires exactly one of quantity, quoteOrderQty"),
                        ParameterRule(
                            .range(min: nil, max: "1000"), ["limit"],
                            rule: "limit ≤ 1000"),
                    ]
                """))
        #expect(!source.contains("\"timestamp\""), "the runtime signs and stamps; timestamp is no property")
        #expect(source.contains("public struct NewOrderRequest: SpecRequest, Equatable {"))
        #expect(source.contains("guard fieldsEqual(lhs.quoteOrderQty, rhs.quoteOrderQty) else { return false }"), "== is written, not synthesized")
        #expect(!source.contains("func validate"), "the runtime checks `rules`; requests carry no validation code")
        #expect(source.contains("RequestWeight.Range(max: 100, weight: 1),\n            RequestWeight.Range(max: nil, weight: 5),\n"))
        #expect(source.contains("], assumed: 100)"))
        expectSame(
            declaration("extension NewOrderRequest", in: source),
            """
            /// The legal combinations of parameters, as the spec's rules state them.
            extension NewOrderRequest {
                /// A `type=LIMIT` request with what that type requires (require quantity, price).
                public static func limit(
                    symbol: String,
                    side: Side,
                    quantity: ExactDecimal,
                    price: ExactDecimal
                ) -> Self {
                    Self(
                        symbol: symbol,
                        side: side,
                        type: .limit,
                        quantity: quantity,
                        price: price
                    )
                }

                /// A `type=MARKET` request with what that type requires (requireOneOf quantity, quoteOrderQty).
                public static func market(
                    symbol: String,
                    side: Side,
                    quantity: ExactDecimal
                ) -> Self {
                    Self(
                        symbol: symbol,
                        side: side,
                        type: .market,
                        quantity: quantity
                    )
                }

                /// A `type=MARKET` request with what that type requires (requireOneOf quantity, quoteOrderQty).
                public static func market(
                    symbol: String,
                    side: Side,
                    quoteOrderQty: ExactDecimal
                ) -> Self {
                    Self(
                        symbol: symbol,
                        side: side,
                        type: .market,
                        quoteOrderQty: quoteOrderQty
                    )
                }
            }
            """)
    }

    @Test func clientMethodIsThinAndDocumented() throws {
        let source = try generated(Self.orderSnippet, file: "Client")
        #expect(
            source.contains(
                """
                    /// Place an order.
                    ///
                    /// - Endpoint: `POST /order`
                    /// - Weight: by `limit`: up to 100 → 1, above → 5
                    /// - Security: TRADE
                    public func newOrder(
                        _ request: NewOrderRequest, validation: ClientOptions.Validation? = nil
                    ) async throws -> EmptyResponse {
                        try await runtime.send(request, validation: validation)
                    }
                """))
    }

    /// `SpecRequest.rules` has no default, so every request states its rules, an empty list included: a template
    /// that declared them with another type would then fail to compile rather than check nothing.
    @Test func aRequestWithoutRulesStatesAnEmptyList() throws {
        let source = try generated(
            """
            endpoints:
              ping:
                method: GET
                path: /ping
                security: NONE
            """, file: "Requests")
        #expect(source.contains("    public static let rules: ParameterRules = []\n"))
    }

    @Test func noDefaultArgumentForARequestThatCannotValidateEmpty() throws {
        func method(_ rules: String, params: String = "[{name: a, type: LONG}, {name: b, type: LONG}]") throws -> String {
            let source = try generated(
                """
                endpoints:
                  query:
                    method: GET
                    path: /q
                    security: NONE
                    params: \(params)
                    rules: \(rules)
                """, file: "Client")
            // The line after `public func query(`: the parameters.
            let lines = source.split(separator: "\n").map(String.init)
            return lines.firstIndex { $0.contains("public func query(") }.map { lines[$0 + 1] } ?? "<no method>"
        }
        let defaulted = "        _ request: QueryRequest = QueryRequest(), validation: ClientOptions.Validation? = nil"
        let bare = "        _ request: QueryRequest, validation: ClientOptions.Validation? = nil"
        // Broken by an empty request: an unconditional demand, or one conditioned only on absence.
        #expect(try method("[{requireOneOf: [a, b]}]") == bare)
        #expect(try method("[{requireAnyOf: [a, b]}]") == bare)
        #expect(try method("[{require: [a]}]") == bare)
        #expect(try method("[{whenAbsent: [a], require: [b]}]") == bare)
        #expect(try method("[{requireValue: {a: 1}}]") == bare)
        #expect(try method("[]", params: "[{name: a, type: LONG, required: true}]") == bare)
        // Holds for an empty request: nothing to forbid or combine, or the condition needs something sent.
        #expect(try method("[]") == defaulted)
        #expect(try method("[{exclusive: [a, b]}]") == defaulted)
        #expect(try method("[{forbid: [a]}]") == defaulted)
        #expect(try method("[{whenPresent: [a], require: [b]}]") == defaulted)
        #expect(try method("[{when: {a: 1}, require: [b]}]") == defaulted)
    }

    @Test func positionalAndPolymorphicModels() throws {
        let snippet = """
            models:
              Level:
                positional: [{name: price, type: DECIMAL}, {name: qty, type: DECIMAL}, {name: ignore, type: JSON, optional: true}]
              Filter:
                discriminator: filterType
                variants: {PRICE_FILTER: PriceFilter}
              PriceFilter: {fields: [{name: filterType, type: STRING}, {name: tickSize, type: DECIMAL}]}
              Book: {fields: [{name: bids, type: ARRAY OF Level}, {name: filters, type: ARRAY OF Filter}]}
            endpoints:
              book: {method: GET, path: /book, security: NONE, response: Book}
            """
        let source = try generated(snippet, file: "Models")
        #expect(source.contains("        let ignore = container.isAtEnd ? nil : try container.decode(JSONValue?.self)"))
        #expect(source.contains("        case \"PRICE_FILTER\": self = .priceFilter(try PriceFilter(from: decoder))"))
        #expect(source.contains("        default: self = .unknown(try JSONValue(from: decoder))"))
    }

    @Test func errorCatalogMembersAndMessages() throws {
        let source = try generated(
            """
            errors:
              - {code: -1121, name: BAD_SYMBOL, description: Invalid symbol.}
            messageCatalogs:
              - {name: matchingEngine, codes: [-1121], messages: [{message: "Unknown order sent."}]}
            endpoints:
              ping: {method: GET, path: /ping, security: NONE}
            """, file: "Errors")
        #expect(
            source.contains(
                """
                    /// `-1121` BAD_SYMBOL: Invalid symbol.
                    public static let badSymbol = Self(catalogCode: "-1121")
                """))
        #expect(source.contains("        case unknownOrderSent = \"Unknown order sent.\""))
        #expect(source.contains("    public var matchingEngineMessage: MatchingEngineMessage? { MatchingEngineMessage(rawValue: message) }"))
    }

    @Test func unsupportedParameterTypeIsAnErrorWithALocation() throws {
        #expect(throws: TranslationError.self) {
            try generated(
                """
                models:
                  M: {fields: [{name: a, type: STRING}]}
                endpoints:
                  e:
                    method: POST
                    path: /e
                    security: NONE
                    params: [{name: body, type: M}]
                """, file: "Requests")
        }
    }
}
