import Foundation
import SpecModel
import Testing

/// `weight: {byCount: …}`: loading and diagnostics with positions (ClientRuntime's `RequestWeight` computes the
/// weights; ClientRuntimeTests/CountWeightTests checks the arithmetic).
@Suite struct CountWeightTests {
    /// A ticker endpoint whose weight mapping starts at line 26 of the document (the shared header is 17 lines).
    func spec(weight: String, symbolsType: String = "ARRAY OF STRING") -> String {
        header + """
            endpoints:
              ticker:
                method: GET
                path: /ticker
                security: NONE
                params:
                  - {name: symbol, type: STRING}
                  - {name: symbols, type: \(symbolsType)}
                weight:
            \(weight.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))

            """
    }

    @Test func rangesByCountLoad() throws {
        let yaml = spec(
            weight: """
                byCount: symbols
                ranges: [{max: 20, weight: 2}, {max: 100, weight: 40}, {weight: 80}]
                cases: [{whenPresent: [symbol], weight: 2}]
                default: 80
                """)
        let result = SpecLoader.load(yaml: yaml, file: "specs/demo.yaml")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        guard case let .byCount(count)? = try #require(result.spec).endpoints.first?.weight else {
            Issue.record("expected a byCount weight")
            return
        }
        #expect(count.param.value == "symbols")
        #expect(count.cases.count == 1 && count.cases[0].weight == 2)
        #expect(count.absent == 80)
        // The docs' table for GET /api/v3/ticker/24hr: 1-20 → 2, 21-100 → 40, 101 or more → 80.
        guard case let .ranges(ranges) = count.scale else {
            Issue.record("expected ranges")
            return
        }
        #expect(ranges.map(\.max) == [20, 100, nil] && ranges.map(\.weight) == [2, 40, 80])
    }

    @Test func perItemWithCapLoadsAndSaturates() throws {
        let yaml = spec(
            weight: """
                byCount: symbols
                perItem: 4
                cap: 200
                """)
        let result = SpecLoader.load(yaml: yaml, file: "specs/demo.yaml")
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        guard case let .byCount(count)? = try #require(result.spec).endpoints.first?.weight else {
            Issue.record("expected a byCount weight")
            return
        }
        // "4 for each requested symbol … cap at 200 once the number of symbols is more than 50."
        #expect(count.scale == .perItem(4, cap: 200))
        #expect(count.absent == nil)
    }

    @Test func badCountWeightsAreReportedWithPositions() {
        #expect(
            diagnostics(
                spec(
                    weight: """
                        byCount: symbols
                        ranges: [{max: 20, weight: 2}]
                        perItem: 4
                        """), errorsOnly: true) == ["specs/demo.yaml:26:7: error: weight of endpoint 'ticker' counts 'symbols' by 'ranges' or by 'perItem', not both"])
        #expect(
            diagnostics(spec(weight: "byCount: symbols"), errorsOnly: true) == [
                "specs/demo.yaml:26:7: error: weight of endpoint 'ticker' counts 'symbols' but gives neither 'ranges' nor 'perItem'"
            ])
        #expect(
            diagnostics(
                spec(
                    weight: """
                        byCount: symbols
                        ranges: [{weight: 2}]
                        cap: 9
                        """), errorsOnly: true) == ["specs/demo.yaml:28:12: error: 'cap' in weight of endpoint 'ticker' belongs with 'perItem', not 'ranges'"])
        #expect(
            diagnostics(
                spec(
                    weight: """
                        byCount: symbols
                        perItem: 4
                        cap: 2
                        """), errorsOnly: true) == ["specs/demo.yaml:26:16: error: 'cap' (2) must be at least 'perItem' (4)"])
        #expect(
            diagnostics(
                spec(
                    weight: """
                        byCount: symbol
                        perItem: 0
                        """), errorsOnly: true) == [
                    "specs/demo.yaml:26:16: error: weight counts the items of 'symbol', which is not an array parameter",
                    "specs/demo.yaml:26:16: error: 'perItem' must be a positive weight, found 0",
                ])
        #expect(
            diagnostics(
                spec(
                    weight: """
                        byCount: symbolz
                        perItem: 2
                        cases: [{whenPresent: [symbl], weight: 2}]
                        """), errorsOnly: true) == [
                    "specs/demo.yaml:26:16: error: weight names unknown parameter 'symbolz'; did you mean 'symbol'?",
                    "specs/demo.yaml:28:30: error: weight case names unknown parameter 'symbl'; did you mean 'symbol'?",
                ])
        #expect(
            diagnostics(
                spec(
                    weight: """
                        byCount: symbols
                        ranges: [{max: 100, weight: 40}, {max: 20, weight: 2}]
                        """), errorsOnly: true) == ["specs/demo.yaml:26:16: error: weight ranges must be in increasing order, with the open range last"])
    }

    @Test func keysOfAnotherWeightKindAreErrors() {
        #expect(
            diagnostics(
                spec(
                    weight: """
                        byParam: symbol
                        ranges: [{weight: 2}]
                        perItem: 4
                        """), errorsOnly: true) == ["specs/demo.yaml:28:16: error: 'perItem' does not belong in a 'byParam' weight (endpoint 'ticker')"])
        #expect(
            diagnostics(
                spec(
                    weight: """
                        cases: [{whenPresent: [symbol], weight: 2}]
                        default: 4
                        cap: 200
                        """), errorsOnly: true) == ["specs/demo.yaml:28:12: error: 'cap' does not belong in a 'cases' weight (endpoint 'ticker')"])
    }
}
