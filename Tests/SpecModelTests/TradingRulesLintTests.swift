import SpecModel
import Testing

/// `tradingRules` on a model: loading, and every lint error at its line and column.
@Suite struct TradingRulesLintTests {
    static let header = """
        specgen: 1
        api: demo
        title: Demo
        module: Demo
        servers:
          - url: https://api.example.com
        security:
          NONE: {}

        """

    static func yaml(rules: String, symbol: String = "symbol") -> String {
        header + """
            models:
              Market:
                fields:
                  - {name: symbol, type: STRING}
                  - {name: base, type: STRING}
                  - {name: tick, type: DECIMAL}
                  - {name: step, type: DECIMAL}
                  - {name: minSize, type: DECIMAL}
                  - {name: minValue, type: DECIMAL, optional: true}
                  - {name: scale, type: INT}
                tradingRules:
                  symbol: \(symbol)
                  rules:
            \(rules)
            endpoints:
              markets:
                method: GET
                path: /markets
                security: NONE
                response: ARRAY OF Market

            """
    }

    @Test func rulesLoad() throws {
        let yaml = Self.yaml(
            rules: """
                      - {name: TICK, fields: [price, stopPrice], step: tick}
                      - {name: SIZE, fields: [quantity], min: minSize, step: step, message: Size off the grid}
                      - {name: VALUE, notional: {min: minValue}}
                """)
        let result = SpecLoader.load(yaml: yaml, file: "specs/demo.yaml")
        #expect(result.lintDiagnostics.map(\.description) == [])
        let rules = try #require(result.spec?.models.first?.tradingRules)
        #expect(rules.symbol.value == "symbol")
        #expect(rules.rules.map(\.name.value) == ["TICK", "SIZE", "VALUE"])
        #expect(rules.rules.map(\.summary) == ["price, stopPrice: step tick", "quantity: min minSize, step step", "notional: min minValue"])
        #expect(rules.rules.map(\.message) == [nil, "Size off the grid", nil])
        #expect(rules.rules[1].name.location.line == 23)
    }

    @Test func everyProblemIsListedAtItsPlace() {
        let yaml = Self.yaml(
            rules: """
                      - {name: A, fields: [price], step: tik}
                      - {name: B, fields: [quantity], min: scale}
                      - {name: C, fields: [qty], step: step}
                      - {name: D, fields: [price]}
                      - {name: A, notional: {max: minSize}}
                      - {name: E, notional: {}}
                      - {name: F, fields: [price], notional: {min: minValue}, step: tick}
                      - {name: G}
                """, symbol: "tick")
        #expect(
            diagnostics(yaml, errorsOnly: true) == [
                "specs/demo.yaml:20:15: error: tradingRules field 'tick' of model 'Market' must be STRING, not DECIMAL",
                "specs/demo.yaml:22:42: error: tradingRules: 'tik' is not a field of model 'Market'; did you mean 'tick'?",
                "specs/demo.yaml:23:44: error: tradingRules field 'scale' of model 'Market' must be DECIMAL, not INT",
                "specs/demo.yaml:24:28: error: unknown order field 'qty' in rule 'C' of tradingRules of model 'Market'; expected one of price, stopPrice, quantity, quoteOrderQty",
                "specs/demo.yaml:25:9: error: rule 'D' of tradingRules of model 'Market' is empty: give it min, max or step",
                "specs/demo.yaml:26:16: error: duplicate rule 'A' in tradingRules of model 'Market' (first at line 22)",
                "specs/demo.yaml:27:9: error: rule 'E' of tradingRules of model 'Market' is empty: give it notional min or max",
                "specs/demo.yaml:28:9: error: rule 'F' of tradingRules of model 'Market' has 'notional' and order fields or bounds; a rule is either one",
                "specs/demo.yaml:29:9: error: rule 'G' of tradingRules of model 'Market' needs 'fields' (with min, max or step) or 'notional'",
            ])
    }

    @Test func emptyRuleListAndUnknownKeysAreErrors() {
        let yaml = Self.yaml(rules: "        []").replacingOccurrences(of: "rules:\n        []", with: "rules: []\n      tickSize: tick")
        let found = diagnostics(yaml, errorsOnly: true)
        #expect(found.contains { $0.contains("tradingRules of model 'Market' lists no rules") })
        #expect(found.contains { $0.contains("unknown key 'tickSize' in tradingRules of model 'Market'") })
    }

    @Test func rulesNeedAnObjectModel() {
        let yaml =
            Self.header + """
                models:
                  Row:
                    positional: [{name: symbol, type: STRING}, {name: tick, type: DECIMAL}]
                    tradingRules: {symbol: symbol, rules: [{name: TICK, fields: [price], step: tick}]}
                endpoints:
                  rows: {method: GET, path: /rows, security: NONE, response: ARRAY OF Row}

                """
        #expect(diagnostics(yaml, errorsOnly: true) == ["specs/demo.yaml:12:19: error: tradingRules need an object model; model 'Row' is not one"])
    }
}
