import SpecGenerator
import Testing

/// `Schemas.swift`: one shared schema per model and enum, and each request's pick.
@Suite struct SchemaSnippetTests {
    static let yaml = """
        enums:
          Side: {values: [BUY, SELL]}
          Unused: {values: [A]}
          RespType: {values: [ACK, FULL]}
        models:
          Fill:
            fields:
              - {name: price, type: DECIMAL}
              - {name: fee, type: DECIMAL, docsType: number, optional: true}
          Ack:
            fields:
              - {name: orderId, type: LONG}
              - {name: side, type: Side, nullable: true}
          Full:
            fields:
              - {name: orderId, type: LONG}
              - {name: fills, type: ARRAY OF Fill}
              - {name: extra, type: MAP OF JSON}
              - {name: "@id #1", type: STRING, optional: true, nullable: true}
          Level:
            positional:
              - {name: price, type: DECIMAL}
              - {name: at, type: DATETIME}
        endpoints:
          place:
            method: POST
            path: /o
            security: NONE
            params: [{name: respType, type: RespType}]
            response:
              selectedBy: respType
              variants: {ACK: Ack, FULL: Full}
          book: {method: GET, path: /b, security: NONE, response: ARRAY OF Level}
          ping: {method: GET, path: /p, security: NONE}
        """

    @Test func sharedSchemasPerModel() throws {
        let source = try generated(Self.yaml, file: "Schemas")
        expectSame(
            declaration("public enum DriftSchemas", in: source),
            ##"""
            /// What the spec says each response model looks like, shared by every endpoint that answers with it: the
            /// client compares each response with it and reports the differences (`ClientOptions.driftReporting`,
            /// docs/decoding.md).
            public enum DriftSchemas {
                /// Every response model and the enums they use, as text that is parsed on first use (see `SchemaCatalog`).
                public static let catalog = SchemaCatalog(
                    #"""
                    enum Side
                      BUY
                      SELL
                    object Fill
                      price decimal
                      fee decimalNumber optional
                    object Ack
                      orderId integer
                      side Side nullable
                    object Full
                      orderId integer
                      fills [Fill]
                      extra {anything}
                      %40id%20%231 string optional nullable
                    positional Level
                      price decimal
                      at datetime
                    """#
                )

                /// Every schema in the catalog by its spec name.
                public static var byName: [String: ResponseSchema] { catalog.byName }

                /// The schema of a type in the catalog's grammar.
                static func schema(_ type: String) -> ResponseSchema { catalog.schema(type) }

                /// The response variants a request does not select between.
                static func oneOf(_ types: String...) -> ResponseSchema { .oneOf(types.map(catalog.schema)) }
            }
            """##)
    }

    @Test func requestsPickTheirSchema() throws {
        let source = try generated(Self.yaml, file: "Schemas")
        expectSame(
            declaration("extension PlaceRequest", in: source),
            """
            extension PlaceRequest {
                public func responseSchema(for parameters: Parameters) -> ResponseSchema? {
                    switch Self.variantSelector.select(parameters) {
                    case "ACK": DriftSchemas.schema("Ack")
                    case "FULL": DriftSchemas.schema("Full")
                    default: DriftSchemas.oneOf("Ack", "Full")
                    }
                }
            }
            """)
        expectSame(
            declaration("extension BookRequest", in: source),
            """
            extension BookRequest {
                public func responseSchema(for parameters: Parameters) -> ResponseSchema? {
                    DriftSchemas.schema("[Level]")
                }
            }
            """)
        #expect(!source.contains("PingRequest"), "no response, no schema")
    }
}
