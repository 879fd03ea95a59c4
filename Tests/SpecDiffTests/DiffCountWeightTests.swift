import SpecDiff
import SpecModel
import Testing

/// `weight: {byCount: …}` in the diff: a changed count table is a finding.
@Suite struct DiffCountWeightTests {
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
        #expect(
            findings.first?.message
                == "endpoint `ticker`: weight is now 4 when sent(symbol); 4 per item of symbols, cap 100; without it one item (was 4 when sent(symbol); 4 per item of symbols, cap 200; without it one item)"
        )
        let table = "{byCount: symbols, ranges: [{max: 20, weight: 2}, {weight: 80}], default: 80}"
        let wider = table.replacingOccurrences(of: "max: 20", with: "max: 25")
        #expect(try diff(Self.spec(table), Self.spec(wider)).map(\.rule) == [.weightChanged])
        #expect(try diff(Self.spec(table), Self.spec(table)).isEmpty)
    }
}
