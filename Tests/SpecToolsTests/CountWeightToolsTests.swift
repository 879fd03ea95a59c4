import SpecModel
import SpecTools
import Testing

/// `weight: {byCount: …}` in the review tools: the diff sees a changed count table, the export keeps it.
@Suite struct CountWeightToolsTests {
    static func spec(_ weight: String) -> String {
        """
        specgen: 1
        api: demo
        title: Demo
        module: Demo
        servers:
          - url: https://api.example.com
        security:
          NONE: {}
        endpoints:
          ticker:
            method: GET
            path: /ticker
            security: NONE
            weight: \(weight)
            params:
              - {name: symbol, type: STRING}
              - {name: symbols, type: ARRAY OF STRING}
            response: JSON
        """
    }

    static let capped = "{byCount: symbols, perItem: 4, cap: 200, cases: [{whenPresent: [symbol], weight: 4}]}"

    @Test func diffReportsAChangedCountWeight() throws {
        let findings = try diff(Self.spec(Self.capped), Self.spec(Self.capped.replacingOccurrences(of: "cap: 200", with: "cap: 100")))
        #expect(findings.map(\.rule) == [.weightChanged])
        #expect(findings.first?.message == "endpoint `ticker`: weight is now 4 when sent(symbol); 4 per item of symbols, cap 100; without it 4 (was 4 when sent(symbol); 4 per item of symbols, cap 200; without it 4)")
        let table = "{byCount: symbols, ranges: [{max: 20, weight: 2}, {weight: 80}], default: 80}"
        let wider = table.replacingOccurrences(of: "max: 20", with: "max: 25")
        #expect(try diff(Self.spec(table), Self.spec(wider)).map(\.rule) == [.weightChanged])
        #expect(try diff(Self.spec(table), Self.spec(table)).isEmpty)
    }

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
