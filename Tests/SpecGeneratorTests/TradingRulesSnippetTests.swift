import SpecGenerator
import Testing

/// `tradingRules` of a model become an `exchangeFiltersSymbol` property and an `ExchangeFilters` initializer.
@Suite struct TradingRulesSnippetTests {
    static let snippet = """
        models:
          Market:
            fields:
              - {name: symbol, type: STRING}
              - {name: quote, type: STRING, optional: true}
              - {name: tick_size, type: DECIMAL}
              - {name: lotStep, type: DECIMAL, swiftName: step}
              - {name: minValue, type: DECIMAL, optional: true}
            tradingRules:
              symbol: symbol
              quoteAsset: quote
              rules:
                - {name: TICK, fields: [price, stopPrice], step: tick_size}
                - {name: LOT, fields: [quantity, quoteOrderQty], min: lotStep, step: lotStep, message: 'Lot "size" off'}
                - {name: VALUE, notional: {min: minValue}}
        endpoints:
          markets: {method: GET, path: /markets, security: NONE, response: ARRAY OF Market}

        """

    @Test func rulesBecomeFilters() throws {
        let models = try generated(Self.snippet, file: "Models")
        expectSame(
            declaration("extension Market {", in: models),
            """
            extension Market {
                /// The exchange filters of the market this value describes, from the spec's trading rules (`TICK`, `LOT`,
                /// `VALUE`).
                ///
                /// `ExchangeFilters.check` refuses an order that breaks one before it is sent.
                public var exchangeFiltersSymbol: ExchangeFilters.Symbol {
                    ExchangeFilters.Symbol(
                        name: symbol, baseAsset: nil, quoteAsset: quote,
                        filters: [
                            ExchangeFilter(
                                name: "TICK", failureMessage: "Order breaks trading rule TICK",
                                rule: .bounds(fields: [.price, .stopPrice], min: nil, max: nil, step: tickSize, marketOnly: false)),
                            ExchangeFilter(
                                name: "LOT", failureMessage: "Lot \\"size\\" off",
                                rule: .bounds(fields: [.quantity, .quoteQuantity], min: step, max: nil, step: step, marketOnly: false)),
                            ExchangeFilter(
                                name: "VALUE", failureMessage: "Order breaks trading rule VALUE",
                                rule: .notional(min: minValue, max: nil, minAtMarket: true, maxAtMarket: true)),
                        ])
                }
            }
            """)
        expectSame(
            declaration("extension ExchangeFilters {", in: models),
            """
            extension ExchangeFilters {
                /// The filters of every market in `symbols`, as the venue lists them (`Market` values); set the result as
                /// `ClientOptions.exchangeFilters` to have orders checked before they are sent.
                public init(_ symbols: [Market]) {
                    self.init(symbols: symbols.map(\\.exchangeFiltersSymbol))
                }
            }
            """)
    }

    @Test func aModelWithoutRulesGetsNoExtension() throws {
        let plain = """
            models:
              Market: {fields: [{name: symbol, type: STRING}, {name: tick, type: DECIMAL}]}
            endpoints:
              markets: {method: GET, path: /markets, security: NONE, response: ARRAY OF Market}

            """
        let models = try generated(plain, file: "Models")
        #expect(!models.contains("exchangeFiltersSymbol"))
        #expect(!models.contains("extension ExchangeFilters"))
    }
}
