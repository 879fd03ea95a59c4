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
            """
            /// What the spec says each response model looks like, shared by every endpoint that answers with it: the
            /// client compares each response with it and reports the differences (`ClientOptions.driftReporting`,
            /// docs/decoding.md).
            public enum DriftSchemas {
                public static let side = ResponseSchema.enumeration("Side", Side.self)

                public static let fill = ResponseSchema.model("Fill", fillFields)
                static let fillFields: [FieldSchema] = [
                    .required("price", .decimal),
                    .optional("fee", .decimalNumber),
                ]

                public static let ack = ResponseSchema.model("Ack", ackFields)
                static let ackFields: [FieldSchema] = [
                    .required("orderId", .integer),
                    .required("side", side, nullable: true),
                ]

                public static let full = ResponseSchema.model("Full", fullFields)
                static let fullFields: [FieldSchema] = [
                    .required("orderId", .integer),
                    .required("fills", .array(fill)),
                    .required("extra", .map(.anything)),
                ]

                public static let level = ResponseSchema.positionalModel("Level", levelFields)
                static let levelFields: [FieldSchema] = [
                    .required("price", .decimal),
                    .required("at", .datetime),
                ]

                /// Every schema above by its spec name.
                public static let byName: [String: ResponseSchema] = [
                    "Side": side,
                    "Fill": fill,
                    "Ack": ack,
                    "Full": full,
                    "Level": level,
                ]
            }
            """)
    }

    @Test func requestsPickTheirSchema() throws {
        let source = try generated(Self.yaml, file: "Schemas")
        expectSame(
            declaration("extension PlaceRequest", in: source),
            """
            extension PlaceRequest {
                public func responseSchema(for parameters: Parameters) -> ResponseSchema? {
                    switch Self.variantSelector.select(parameters) {
                    case "ACK": DriftSchemas.ack
                    case "FULL": DriftSchemas.full
                    default: .oneOf([DriftSchemas.ack, DriftSchemas.full])
                    }
                }
            }
            """)
        expectSame(
            declaration("extension BookRequest", in: source),
            """
            extension BookRequest {
                public func responseSchema(for parameters: Parameters) -> ResponseSchema? {
                    .array(DriftSchemas.level)
                }
            }
            """)
        #expect(!source.contains("PingRequest"), "no response, no schema")
    }
}
