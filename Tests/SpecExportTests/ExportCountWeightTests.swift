import SpecExport
import Testing

/// `weight: {byCount: …}` in the OpenAPI export: the count table is kept as `x-weight`.
@Suite struct ExportCountWeightTests {
    @Test func binanceTickerWeightsAreExported() throws {
        let document = try ExportSupport.document("binance-spot")
        let day = try #require(document[path: "paths", "/api/v3/ticker/tradingDay", "get", "x-weight"] as? [String: Any])
        #expect(day["byCount"] as? String == "symbols")
        #expect(day["perItem"] as? Int == 4)
        #expect(day["cap"] as? Int == 200)
        #expect((day["cases"] as? [[String: Any]])?.first?["weight"] as? Int == 4)
        let full = try #require(document[path: "paths", "/api/v3/ticker/24hr", "get", "x-weight"] as? [String: Any])
        #expect((full["ranges"] as? [[String: Any]])?.compactMap { $0["weight"] as? Int } == [2, 40, 80])
        #expect((full["ranges"] as? [[String: Any]])?.compactMap { $0["max"] as? Int } == [20, 100])
        #expect(full["default"] as? Int == 80)
    }
}
