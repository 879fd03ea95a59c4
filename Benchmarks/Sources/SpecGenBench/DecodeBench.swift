import BinanceSpot
import ClientRuntime
import Foundation
import SpecModel

#if OPENAPI_TYPES
    import OpenAPITypes
#endif

/// Decoding the scaled-up documented responses: generated types (with the client's `JSONResponseDecoder`, and with
/// `JSONDecoder` as a user decoding them by hand would) vs hand-written Codable vs swift-openapi-generator's types.
enum DecodeBench {
    /// Every decode case by name, on fixtures made once.
    static func cases(spec: Spec) throws -> [(name: String, decode: () throws -> Any)] {
        let orders = try Fixtures.orders(spec, count: 1_000)
        let info = try Fixtures.exchangeInfo(spec, count: 2_000)
        var cases: [(name: String, decode: () throws -> Any)] = [
            ("decode.orders.specgen", { try JSONResponseDecoder().decode([Order].self, from: orders) }),
            ("decode.orders.specgen-jsondecoder", { try JSONDecoder().decode([Order].self, from: orders) }),
            ("decode.orders.plain", { try JSONDecoder().decode([Plain.Order].self, from: orders) }),
            ("decode.exchangeInfo.specgen", { try JSONResponseDecoder().decode(ExchangeInfo.self, from: info) }),
            ("decode.exchangeInfo.specgen-jsondecoder", { try JSONDecoder().decode(ExchangeInfo.self, from: info) }),
            ("decode.exchangeInfo.plain", { try JSONDecoder().decode(Plain.ExchangeInfo.self, from: info) }),
        ]
        #if OPENAPI_TYPES
            cases.append(("decode.orders.openapi", { try JSONDecoder().decode([Components.Schemas.Order].self, from: orders) }))
            cases.append(
                (
                    "decode.exchangeInfo.openapi",
                    {
                        try JSONDecoder().decode(Components.Schemas.ExchangeInfo.self, from: info)
                    }
                ))
        #endif
        return cases
    }

    /// One case `iterations` times and nothing else, for `valgrind --tool=callgrind --toggle-collect='*callgrindBody*'`.
    static func count(spec: Spec, name: String, iterations: Int) throws {
        guard let decode = try cases(spec: spec).first(where: { $0.name == name })?.decode else {
            throw Fixtures.Failure(description: "no decode case \(name)")
        }
        _ = try decode()  // warm-up outside the counted function (metadata, lazy globals)
        try callgrindBody(decode, iterations)
    }

    @inline(never) static func callgrindBody(_ decode: () throws -> Any, _ iterations: Int) throws {
        for _ in 0..<iterations { blackHole(try decode()) }
    }

    static func run(spec: Spec) throws -> [Measurement] {
        let orders = try Fixtures.orders(spec, count: 1_000)
        let info = try Fixtures.exchangeInfo(spec, count: 2_000)
        var results: [Measurement] = []
        for (name, decode) in try cases(spec: spec) {
            _ = try decode()  // fails loudly if the fixture does not fit
            results.append(try Harness.measure(name, batch: 1, samples: 40) { blackHole(try decode()) })
        }
        // The drift check a client runs before each decode (ClientOptions.driftReporting), alone: its cost next to
        // decode.*.specgen is what turning it on adds.
        func walk(_ name: String, _ schema: ResponseSchema?, _ data: Data) throws {
            guard let schema else { throw DriftBenchError(name: name) }
            guard DriftWalker.findings(in: data, schema: schema).isEmpty else { throw DriftBenchError(name: name) }
            results.append(
                Harness.measure(name, batch: 1, samples: 40) {
                    blackHole(DriftWalker.findings(in: data, schema: schema))
                })
        }
        let allOrders = AllOrdersRequest(symbol: "BTCUSDT")
        try walk("drift.orders.walk", allOrders.responseSchema(for: allOrders.parameters), orders)
        try walk("drift.exchangeInfo.walk", ExchangeInfoRequest().responseSchema(for: Parameters()), info)
        // Reading the module's schema catalog, which a client does once, at its first drift check.
        results.append(Harness.measure("drift.catalog.parse", batch: 1, samples: 40) { blackHole(SchemaCatalog(DriftSchemas.catalog.text)) })
        return results
    }
}

/// A fixture the drift walker does not find clean: the figure would measure reporting, not checking.
struct DriftBenchError: Error, CustomStringConvertible {
    let name: String
    var description: String { "\(name): the fixture has drift findings or no schema" }
}
