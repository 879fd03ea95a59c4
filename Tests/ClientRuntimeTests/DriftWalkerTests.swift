import ClientRuntime
import Foundation
import Testing

/// The drift walker: each kind of difference, with its path, against hand-written schemas.
@Suite struct DriftWalkerTests {
    static let side = ResponseSchema.enumeration(EnumSchema(name: "OrderSide", values: ["BUY", "SELL"]))
    static let fill = ResponseSchema.model("Fill", [.required("price", .decimal), .required("qty", .decimal)])
    static let order = ResponseSchema.model(
        "Order",
        [
            .required("symbol", .string), .required("orderId", .integer), .required("side", side),
            .optional("icebergQty", .decimal), .required("stopPrice", .decimal, nullable: true),
            .required("fills", .array(fill)),
        ])

    private func findings(_ json: String, _ schema: ResponseSchema, prefix: String = "") -> [DriftFinding] {
        DriftWalker.findings(in: Data(json.utf8), schema: schema, prefix: prefix)
    }

    @Test func matchingBodyHasNoFindings() {
        let body = #"{"symbol":"BTCUSDT","orderId":28,"side":"SELL","stopPrice":null,"fills":[{"price":"1.0","qty":"2"}]}"#
        #expect(findings(body, Self.order).isEmpty)
        // Fields in another order are found by name.
        let shuffled = #"{"fills":[],"side":"BUY","orderId":1,"symbol":"X","stopPrice":"0.1","icebergQty":"0"}"#
        #expect(findings(shuffled, Self.order).isEmpty)
    }

    @Test func everyKindIsReportedWithItsPath() {
        let body = """
            {"symbol": 7, "orderId": 1.5, "side": "buy", "newField": {"a": [1]}, "stopPrice": null,
             "fills": [{"price": 1.25, "qty": "1"}, {"price": "2", "commission": "0.1"}]}
            """
        let got = findings(body, Self.order, prefix: "data")
        #expect(
            got.map(\.description) == [
                "typeMismatch at data.symbol: expected a string, found a number",
                "typeMismatch at data.orderId: expected a whole number, found a fractional number",
                #"unknownEnumValue at data.side: "buy" is not in OrderSide"#,
                "unknownField at data.newField",
                "typeMismatch at data.fills[0].price: expected a decimal string, found a number",
                "unknownField at data.fills[1].commission",
                "missingField at data.fills[1].qty: the spec guarantees it",
            ])
        #expect(got.first { $0.kind == .missingField }?.pattern == "data.fills[].qty")
    }

    @Test func nullOnlyWhereTheSpecAllowsIt() {
        let body = #"{"symbol":null,"orderId":1,"side":"BUY","stopPrice":null,"icebergQty":null,"fills":[]}"#
        #expect(findings(body, Self.order).map(\.path) == ["symbol", "icebergQty"])
        #expect(findings(body, Self.order).allSatisfy { $0.kind == .typeMismatch && $0.found == "null" })
    }

    @Test func repeatedDifferencesAreOneFindingWithACount() {
        let fills = (0..<500).map { _ in #"{"price":"1","qty":"1","extra":true}"# }.joined(separator: ",")
        let body = #"{"symbol":"X","orderId":1,"side":"BUY","stopPrice":null,"fills":[\#(fills)]}"#
        let got = findings(body, Self.order)
        #expect(got.count == 1)
        #expect(got.first?.path == "fills[0].extra")
        #expect(got.first?.pattern == "fills[].extra")
        #expect(got.first?.occurrences == 500)
    }

    @Test func positionalMapAndPolymorphicModels() {
        let level = ResponseSchema.positionalModel("Level", [.required("price", .decimal), .required("qty", .decimal)])
        #expect(
            findings(#"[["1","2"],["1"],["1","2",3]]"#, .array(level)).map(\.description) == [
                "missingField at [1][1]: the spec guarantees it", "unknownField at [2][2]",
            ])
        let asset = ResponseSchema.model("Asset", [.required("fee", .decimalNumber)])
        #expect(
            findings(#"{"BTC":{"fee":0.1},"ETH":{"fee":"0.1"}}"#, .map(asset)).map(\.description) == [
                "typeMismatch at ETH.fee: expected a decimal number, found a string"
            ])
        let price = ResponseSchema.model("PriceFilter", [.required("filterType", .string), .required("tickSize", .decimal)])
        let filter = ResponseSchema.polymorphicModel("Filter", discriminator: "filterType", [("PRICE_FILTER", price)])
        let body = #"[{"tickSize":"0.1","filterType":"PRICE_FILTER"},{"filterType":"NEW_FILTER","x":1},{"filterType":"PRICE_FILTER"}]"#
        #expect(
            findings(body, .array(filter)).map(\.description) == [
                #"unknownEnumValue at [1].filterType: "NEW_FILTER" is not in Filter kinds"#,
                "missingField at [2].tickSize: the spec guarantees it",
            ])
    }

    @Test func oneOfReportsTheBestFittingShape() {
        let ack = ResponseSchema.model("Ack", [.required("symbol", .string), .required("orderId", .integer)])
        let result = ResponseSchema.model(
            "Result",
            [
                .required("symbol", .string), .required("orderId", .integer), .required("status", .string),
            ])
        #expect(findings(#"{"symbol":"X","orderId":1,"status":"NEW"}"#, .oneOf([ack, result])).isEmpty)
        #expect(findings(#"{"symbol":"X","orderId":1,"status":"NEW","more":1}"#, .oneOf([ack, result])).map(\.path) == ["more"])
    }

    @Test func anythingMalformedOrEscapedIsHandled() {
        // JSON slots are not checked; escaped keys are still matched by name; a truncated body just stops.
        let schema = ResponseSchema.model("M", [.required("a\"b", .anything), .required("c", .string)])
        #expect(findings(#"{"a\"b":[{"deep":[1,{"x":null}]}],"c":"\u0041"}"#, schema).isEmpty)
        #expect(findings(#"{"a\"b":1,"c":"#, schema).isEmpty)
        #expect(findings("", schema).isEmpty)
    }
}
