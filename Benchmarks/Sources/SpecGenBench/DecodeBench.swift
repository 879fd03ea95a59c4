import BinanceSpot
import ClientRuntime
import Foundation
import SpecModel
#if OPENAPI_TYPES
import OpenAPITypes
#endif

/// Decoding the scaled-up documented responses: generated types vs hand-written Codable vs
/// swift-openapi-generator's types, each with a fresh `JSONDecoder` as the runtimes use.
enum DecodeBench {
    static func run(spec: Spec) throws -> [Measurement] {
        let orders = try Fixtures.orders(spec, count: 1_000)
        let info = try Fixtures.exchangeInfo(spec, count: 2_000)
        var results: [Measurement] = []
        func bench<T: Decodable>(_ name: String, _ type: T.Type, _ data: Data) throws {
            _ = try JSONDecoder().decode(type, from: data)  // fails loudly if the fixture does not fit
            results.append(try Harness.measure(name, batch: 1, samples: 40) {
                blackHole(try JSONDecoder().decode(type, from: data))
            })
        }
        try bench("decode.orders.specgen", [Order].self, orders)
        try bench("decode.orders.plain", [Plain.Order].self, orders)
        #if OPENAPI_TYPES
        try bench("decode.orders.openapi", [Components.Schemas.Order].self, orders)
        #endif
        try bench("decode.exchangeInfo.specgen", ExchangeInfo.self, info)
        try bench("decode.exchangeInfo.plain", Plain.ExchangeInfo.self, info)
        #if OPENAPI_TYPES
        try bench("decode.exchangeInfo.openapi", Components.Schemas.ExchangeInfo.self, info)
        #endif
        // The drift check a client runs before each decode (ClientOptions.driftReporting), alone: its cost next to
        // decode.*.specgen is what turning it on adds.
        func walk(_ name: String, _ schema: ResponseSchema?, _ data: Data) throws {
            guard let schema else { throw DriftBenchError(name: name) }
            guard DriftWalker.findings(in: data, schema: schema).isEmpty else { throw DriftBenchError(name: name) }
            results.append(Harness.measure(name, batch: 1, samples: 40) {
                blackHole(DriftWalker.findings(in: data, schema: schema))
            })
        }
        let allOrders = AllOrdersRequest(symbol: "BTCUSDT")
        try walk("drift.orders.walk", allOrders.responseSchema(for: allOrders.parameters), orders)
        try walk("drift.exchangeInfo.walk", ExchangeInfoRequest().responseSchema(for: Parameters()), info)
        return results
    }
}

/// A fixture the drift walker does not find clean: the figure would measure reporting, not checking.
struct DriftBenchError: Error, CustomStringConvertible {
    let name: String
    var description: String { "\(name): the fixture has drift findings or no schema" }
}
