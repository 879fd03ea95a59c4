import ClientRuntime
import Foundation
import Testing

@testable import SpecMock

@Suite("Scenario files")
struct ScenarioTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try Scenario.parse(Data(text.utf8), file: "bad.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("a good scenario reads: symbols, books, balances, clock, script, limits")
    func reads() throws {
        let text = """
            clock: {start: 1767225600000}
            symbols:
              - symbol: BTCUSDT
                baseAsset: BTC
                quoteAsset: USDT
                filters: [{filterType: PRICE_FILTER, minPrice: "0.01", maxPrice: "100000", tickSize: "0.01"}]
                bids: [["99", "1"]]
                asks: [["101", "2"]]
            balances: {USDT: "1000.50"}
            script:
              - {at: 2000, symbol: BTCUSDT, asks: [["100", "1"]]}
              - {at: 1000, symbol: BTCUSDT, bids: [["98", "1"]]}
            limits: {maxOpenOrders: 10}
            """
        let scenario = try Scenario.parse(Data(text.utf8), file: "good.yaml")
        #expect(scenario.clockStart == 1_767_225_600_000)
        #expect(scenario.symbols.first?.book.asks == [Scenario.Level(price: "101", quantity: "2")])
        #expect(scenario.balances["USDT"] == "1000.50")
        #expect(scenario.script.map(\.at) == [1000, 2000])
        #expect(scenario.limits.maxOpenOrders == 10 && scenario.limits.maxOpenOrdersPerSymbol == 200)
        #expect(scenario.symbols.first?.filters?.count == 1)
    }

    @Test("the documented example scenario reads")
    func documentedExample() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/examples/binance-scenario.yaml").path
        let scenario = try Scenario.load(path: path)
        #expect(scenario.symbols.map(\.name) == ["BTCUSDT", "ETHBTC"] && scenario.symbols[1].filters == nil)
        #expect(scenario.script.count == 1 && scenario.exchangeFilters.count == 1)
    }

    @Test("JSON scenarios read too")
    func json() throws {
        let text = #"{"symbols": [{"symbol": "X", "baseAsset": "A", "quoteAsset": "B", "asks": [["1.5", "2"]]}], "balances": {"A": "3"}}"#
        let scenario = try Scenario.parse(Data(text.utf8), file: "s.json")
        #expect(scenario.symbols.map(\.name) == ["X"] && scenario.balances["A"] == "3")
    }

    @Test("every problem is listed with its line and column")
    func everyProblem() {
        let text = """
            symbols:
              - symbol: BTCUSDT
                quoteAsset: USDT
                bids: [["abc", "1"], ["-1", "1"]]
                filters: [{filterType: NOT_A_FILTER}, {filterType: PRICE_FILTER, tickSize: "x"}]
                colour: red
              - {symbol: BTCUSDT, baseAsset: B, quoteAsset: Q}
              - {symbol: BTCUSDT, baseAsset: B, quoteAsset: Q}
            balances: {USDT: "-5", BTC: lots}
            clock: {start: soon, frozen: maybe}
            script:
              - {symbol: ETHBTC, asks: [["1"]]}
            limits: {maxOpenOrders: 0}
            """
        let found = problems(text)
        let expected = [
            "bad.yaml:6:5: error: unknown key 'colour' in a symbol; expected one of asks, baseAsset, bids, filters, quoteAsset, symbol",
            "bad.yaml:2:5: error: missing `baseAsset`",
            "bad.yaml:5:15: error: unknown filterType 'NOT_A_FILTER'",
            "bad.yaml:5:43: error: PRICE_FILTER: minPrice is missing or not a decimal",
            "bad.yaml:4:13: error: bids price must be a decimal number, found 'abc'",
            "bad.yaml:4:26: error: bids level [-1, 1] needs a price and a quantity above zero",
            "bad.yaml:8:5: error: symbol 'BTCUSDT' is listed twice",
            "bad.yaml:9:18: error: balance of USDT is negative",
            "bad.yaml:9:29: error: balance of BTC must be a decimal number, found 'lots'",
            "bad.yaml:10:16: error: clock.start must be a whole number of at least 0, found 'soon'",
            "bad.yaml:10:30: error: clock.frozen must be true or false, found 'maybe'",
            "bad.yaml:12:5: error: a script step needs `at` (milliseconds after the clock start)",
            "bad.yaml:12:14: error: script step names symbol 'ETHBTC', which `symbols` does not list",
            "bad.yaml:12:29: error: each of asks is a [price, quantity] pair, found a list",
            "bad.yaml:13:25: error: maxOpenOrders must be a whole number of at least 1, found '0'",
        ]
        for line in expected {
            #expect(found.contains(line), "missing: \(line)\nfound:\n\(found.joined(separator: "\n"))")
        }
        #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
    }

    @Test("YAML syntax errors, empty files and unreadable paths are errors, not crashes")
    func unreadable() {
        #expect(problems("symbols: [").first?.hasPrefix("bad.yaml:") == true)
        #expect(problems("").first?.contains("error") == true)
        #expect(problems("symbols: 5").first?.hasPrefix("bad.yaml:1:10: error: symbols must be a list") == true)
        #expect(problems("balances: {}").first?.contains("needs `symbols`") == true)
        #expect(throws: ScenarioError.self) { try Scenario.load(path: "/nonexistent/scenario.yaml") }
    }
}
