import B2TraderFrontOffice
import BinanceJEXSpot
import BinanceSpot
import ClientRuntime
import DFXSpot
import Foundation
import SpecModel
import SpecTraffic
import Testing

/// The schemas the generator writes are the ones `check-traffic` builds from the spec, and every documented
/// example fits them.
@Suite struct DriftSchemaTests {
    static let generated: [String: [String: ResponseSchema]] = [
        "binance-spot": BinanceSpot.DriftSchemas.byName, "binance-jex-spot": BinanceJEXSpot.DriftSchemas.byName,
        "dfx-spot": DFXSpot.DriftSchemas.byName, "b2trader-frontoffice": B2TraderFrontOffice.DriftSchemas.byName,
    ]

    @Test(arguments: ["binance-spot", "binance-jex-spot", "dfx-spot", "b2trader-frontoffice"])
    func generatedSchemasEqualTheSpecs(_ name: String) throws {
        let spec = try ExampleRoundTripTests.spec(name)
        let built = SpecSchemas(spec: spec)
        let generated = try #require(Self.generated[name])
        #expect(spec.models.count > 0)
        for model in spec.models {
            #expect(generated[model.name.value] == built.byName[model.name.value], "\(name): model \(model.name.value)")
        }
        for (enumName, schema) in generated where spec.model(named: enumName) == nil {
            #expect(built.byName[enumName] == schema, "\(name): enum \(enumName)")
        }
    }

    private func schema<R: APIRequest>(_ request: R) -> ResponseSchema? { request.responseSchema(for: request.parameters) }

    @Test func requestsPickTheirResponseSchema() {
        let jex = BinanceJEXSpot.DriftSchemas.byName
        #expect(schema(BinanceJEXSpot.NewOrderRequest(symbol: "X", side: .buy, type: .limit, quantity: "1", price: "1", newOrderRespType: .result)) == jex["OrderResult"])
        #expect(schema(BinanceJEXSpot.NewOrderRequest(symbol: "X", side: .buy, type: .limit, quantity: "1", price: "1")) == jex["OrderAck"], "the docs' default")
        #expect(schema(BinanceJEXSpot.TradesRequest(symbol: "X")) == jex["Trade"].map(ResponseSchema.array))
        #expect(schema(BinanceJEXSpot.PingRequest()) == .model("EMPTY", []))
    }

    /// Every success example of every spec walks without a finding through its schema.
    @Test func documentedExamplesHaveNoDrift() throws {
        let files = ["BinanceSpot": "binance-spot", "BinanceJEXSpot": "binance-jex-spot", "DFXSpot": "dfx-spot", "B2TraderFrontOffice": "b2trader-frontoffice"]
        var schemas: [String: SpecSchemas] = [:]
        for (module, file) in files { schemas[module] = SpecSchemas(spec: try ExampleRoundTripTests.spec(file)) }
        let cases = try ExampleRoundTripTests.cases()
        for c in cases {
            let schema = try #require(schemas[c.module]).schema(of: c.type)
            let findings = DriftWalker.findings(in: Data(c.json.jsonText.utf8), schema: schema)
            #expect(findings.map(\.description) == [], "\(c.testDescription)")
        }
        #expect(cases.count == 98)
    }
}
