import SpecModel

extension OpenAPIExporter {
    /// `x-trading-rules` of a schema: the spec's `tradingRules` as written (field names of the schema).
    func tradingRulesValue(_ rules: TradingRules) -> OpenAPIValue {
        .build { out in
            out.set("symbol", .string(rules.symbol.value))
            out.set("baseAsset", rules.baseAsset?.value)
            out.set("quoteAsset", rules.quoteAsset?.value)
            out.set(
                "rules",
                .array(
                    rules.rules.map { rule in
                        .build { r in
                            r.set("name", .string(rule.name.value))
                            r.set("message", rule.message)
                            switch rule.kind {
                            case let .bounds(fields, min, max, step):
                                r.set("fields", .strings(fields.map(\.value.rawValue)))
                                r.set("min", min?.value)
                                r.set("max", max?.value)
                                r.set("step", step?.value)
                            case let .notional(min, max):
                                let bounds = OpenAPIValue.build { notional in
                                    notional.set("min", min?.value)
                                    notional.set("max", max?.value)
                                }
                                r.set("notional", bounds)
                            }
                        }
                    }))
        }
    }
}
