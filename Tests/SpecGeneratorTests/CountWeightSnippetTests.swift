import Testing

/// A weight by the number of items of an array parameter becomes a `RequestWeight.byCount` the runtime evaluates.
@Suite struct CountWeightSnippetTests {
    static func snippet(_ weight: String) -> String {
        """
        endpoints:
          ticker:
            summary: Read tickers.
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

    @Test func rangesByCountWithACase() throws {
        let source = try generated(
            Self.snippet("{byCount: symbols, ranges: [{max: 20, weight: 2}, {weight: 80}], cases: [{whenPresent: [symbol], weight: 2}], default: 80}"),
            file: "Requests")
        #expect(
            source.contains(
                """
                    public static let requestWeight = RequestWeight.byCount(
                        "symbols",
                        .ranges([
                            RequestWeight.Range(max: 20, weight: 2),
                            RequestWeight.Range(max: nil, weight: 80),
                        ]),
                        cases: [
                            RequestWeight.Case(when: [.present("symbol")], weight: 2)
                        ],
                        absent: 80)

                    public func weight(for parameters: Parameters) -> Int { Self.requestWeight.weight(for: parameters) }
                """))
        let client = try generated(
            Self.snippet("{byCount: symbols, ranges: [{max: 20, weight: 2}, {weight: 80}], cases: [{whenPresent: [symbol], weight: 2}], default: 80}"),
            file: "Client")
        #expect(client.contains("/// - Weight: 2 when symbol sent; by the number of `symbols`: up to 20 → 2, above → 80;"))
    }

    @Test func perItemWithCapAndNoCases() throws {
        let source = try generated(Self.snippet("{byCount: symbols, perItem: 4, cap: 200}"), file: "Requests")
        #expect(
            source.contains(
                """
                    public static let requestWeight = RequestWeight.byCount(
                        "symbols",
                        .perItem(4, cap: 200),
                        cases: [],
                        absent: nil)
                """))
    }
}
