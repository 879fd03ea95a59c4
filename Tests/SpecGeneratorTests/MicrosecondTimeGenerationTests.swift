import Foundation
import SpecGenerator
import SpecModel
import Testing

/// Generation of what Binance's 2026-07 docs added: a decimal receive window, the time-unit header, and a price
/// that only a pegged order may leave out (a `whenAbsent` rule).
@Suite struct MicrosecondTimeGenerationTests {
    @Test func theProfileCarriesFractionDigitsAndTheTimeUnitHeader() throws {
        let snippet = """
            endpoints:
              ping: {summary: Ping., method: GET, path: /ping, security: NONE, weight: 1}
            """
        let withWindow = snippetHeader.replacingOccurrences(
            of: "  timestamp: {param: timestamp}\n",
            with: """
                  timestamp: {param: timestamp}
                  recvWindow: {param: recvWindow, default: 5000, max: 60000, fractionDigits: 3}
                  timeUnit: {header: X-MBX-TIME-UNIT, millisecond: MILLISECOND, microsecond: MICROSECOND}

                """)
        let result = SpecLoader.load(yaml: withWindow + snippet, file: "demo.yaml")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let spec = try #require(result.spec)
        let files = try Generator.files(for: spec, templates: TemplateSet.load())
        let client = try #require(files.first { $0.path == "Demo/Client.swift" }).contents
        #expect(client.contains("recvWindowDefault: 5000, recvWindowMax: 60000,\n            recvWindowFractionDigits: 3,"))
        #expect(
            client.contains(
                #"timeUnit: TimeUnitHeader(name: "X-MBX-TIME-UNIT", millisecond: "MILLISECOND", microsecond: "MICROSECOND"),"#))

        let plain = try generated(snippet, file: "Client")
        #expect(plain.contains("recvWindowFractionDigits: nil,\n            timeUnit: nil,"))
    }

    @Test func badTimeSettingsAreSpecErrors() {
        let bad = snippetHeader.replacingOccurrences(
            of: "  timestamp: {param: timestamp}\n",
            with: """
                  timestamp: {param: timestamp}
                  recvWindow: {param: recvWindow, fractionDigits: 12}
                  timeUnit: {header: X-MBX-TIME-UNIT, millisecond: MILLISECOND}

                """)
        let result = SpecLoader.load(yaml: bad + "endpoints: {}\n", file: "demo.yaml")
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(messages.contains { $0.contains("fractionDigits must be between 0 and 9") })
        #expect(messages.contains { $0.contains("microsecond") })
    }

    @Test func aPriceRuleThatPeggingLiftsStillShapesTheLimitConstructor() throws {
        let source = try generated(
            """
            enums:
              Side: {values: [BUY, SELL]}
              Type: {values: [LIMIT, MARKET]}
              Peg: {values: [PRIMARY_PEG]}
            endpoints:
              newOrder:
                summary: Place an order.
                method: POST
                path: /order
                security: TRADE
                weight: 1
                params:
                  - {name: symbol, type: STRING, required: true}
                  - {name: side, type: Side, required: true}
                  - {name: type, type: Type, required: true}
                  - {name: quantity, type: DECIMAL}
                  - {name: price, type: DECIMAL}
                  - {name: pegPriceType, type: Peg}
                rules:
                  - when: {type: LIMIT}
                    require: [quantity]
                  - when: {type: LIMIT}
                    whenAbsent: [pegPriceType]
                    require: [price]
            """, file: "Requests")
        #expect(
            source.contains(
                """
                    /// A `type=LIMIT` request with what that type requires (require quantity; require price).
                    public static func limit(
                        symbol: String,
                        side: Side,
                        quantity: ExactDecimal,
                        price: ExactDecimal
                    ) -> Self {
                """))
    }
}
