import Foundation
import Testing

/// A model's `tradingRules` travel with its schema as `x-trading-rules`, as the spec writes them.
@Suite struct ExportTradingRulesTests {
    @Test func dfxSymbolInfoCarriesItsTradingRules() throws {
        let document = try ExportSupport.document("dfx-spot")
        let rules = try #require(document[path: "components", "schemas", "SymbolInfo", "x-trading-rules"] as? [String: Any])
        #expect(rules["symbol"] as? String == "symbol")
        #expect(rules["baseAsset"] as? String == "baseToken")
        #expect(rules["quoteAsset"] as? String == "quoteToken")
        let list = try #require(rules["rules"] as? [[String: Any]])
        #expect(list.map { $0["name"] as? String } == ["PRICE_INCREMENT", "BASE_SIZE", "QUOTE_SIZE"])
        #expect(list[1]["fields"] as? [String] == ["quantity"])
        #expect(list[1]["min"] as? String == "baseMinSize")
        #expect(list[1]["step"] as? String == "baseIncrement")
        #expect(list[1]["max"] == nil)
        #expect(list[2][path: "notional", "min"] as? String == "quoteMinSize")
    }

    @Test func modelsWithoutRulesHaveNone() throws {
        let document = try ExportSupport.document("dfx-spot")
        let order = try #require(document[path: "components", "schemas", "Order"] as? [String: Any])
        #expect(order["x-trading-rules"] == nil)
    }
}
