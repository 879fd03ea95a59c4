import SpecDiff
import SpecModel
import Testing

/// One minimal change to the base spec and the exact rules it must fire. `reverse` compares the edited spec
/// (old) with the base (new), so an addition's edit also tests the removal.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let expected: Set<DiffRule>
    let edits: [Edit]
    let reverse: Bool

    init(_ expected: DiffRule..., edits: Edit..., reverse: Bool = false) {
        self.expected = Set(expected)
        self.edits = edits
        self.reverse = reverse
    }

    var testDescription: String {
        let rules = expected.map(\.rawValue).sorted().joined(separator: ", ")
        return "[\(rules.isEmpty ? "none" : rules)] " + (reverse ? "undo " : "") + edits.map(\.description).joined(separator: "; ")
    }
}

let ruleCases: [RuleCase] = [
    // WebSocket API and streams
    RuleCase(.webSocketAPIChanged, edits: .sub("wsServers", "ws.demo.com", "ws2.demo.com")),
    RuleCase(.webSocketMethodRemoved, edits: .delete("newOrderWS")),
    RuleCase(.webSocketMethodAdded, edits: .delete("newOrderWS"), reverse: true),
    RuleCase(.webSocketMethodChanged, edits: .sub("sessionStatus", "security: NONE", "security: TRADE")),
    // A twin's own parameter; a change of the endpoint's parameters is reported for the endpoint only.
    RuleCase(.webSocketMethodChanged, edits: .sub("newOrderWS", "webSocket: order.place", "webSocket: {method: order.place, params: [{name: note, type: STRING}]}")),
    RuleCase(.streamRemoved, edits: .delete("trades")),
    RuleCase(.streamAdded, edits: .delete("trades"), reverse: true),
    RuleCase(.streamNameChanged, edits: .sub("trades", "@trade\"", "@trades\"")),
    RuleCase(.streamChanged, edits: .sub("trades", "payload: OrderAck", "payload: OrderFull")),
    // Identity
    RuleCase(.moduleRenamed, edits: .sub("module", "DemoExchange", "DemoMarket")),
    RuleCase(.apiIdChanged, edits: .sub("api", "demo-exchange", "demo-market")),
    // Servers
    RuleCase(.serverAdded, edits: .after("host", "  - url: https://backup.demo.com")),
    RuleCase(.serverRemoved, edits: .delete("server2"), .delete("variables"), .delete("host")),
    RuleCase(.defaultServerChanged, .serverAdded, .serverRemoved, edits: .sub("server1", "api.demo.com", "api2.demo.com")),
    RuleCase(
        .defaultServerChanged, edits: .line("server1", "  - url: https://{host}/api\n    variables: {host: {description: Broker host., default: demo.broker.com}}"),
        .delete("server1Description"), .line("server2", "  - url: https://api.demo.com\n    description: Main endpoint."), .delete("variables"), .delete("host")),
    RuleCase(.serverURLChanged, edits: .sub("server2", "{host}/api", "{host}/v2/api")),
    RuleCase(
        .serverURLChanged, .serverVariableAddedRequired, edits: .sub("server2", "{host}/api", "{host}:{port}/api"), .after("host", "      port: {description: Port.}")),
    RuleCase(.serverURLChanged, .serverVariableAdded, edits: .sub("server2", "{host}/api", "{host}:{port}/api"), .after("host", "      port: {default: '443'}")),
    RuleCase(
        .serverURLChanged, .serverVariableChanged, edits: .sub("server2", "{host}/api", "{host}:{port}/api"), .after("host", "      port: {default: '443'}"),
        reverse: true),
    RuleCase(.serverVariableChanged, edits: .sub("host", "demo.broker.com", "eu.broker.com")),
    // Authentication and security levels
    RuleCase(.authChanged, edits: .sub("apiKey", "X-KEY", "X-API-KEY")),
    RuleCase(.signingSchemeAdded, edits: .sub("signing", "ed25519]", "ed25519, rsaPKCS1SHA256]")),
    RuleCase(.signingSchemeRemoved, edits: .sub("signing", ", ed25519]", "]")),
    RuleCase(.securityLevelAdded, edits: .after("SPARE", "  ADMIN: {apiKey: true, signed: true}")),
    RuleCase(.securityLevelRemoved, edits: .delete("SPARE")),
    RuleCase(.securityLevelRaised, edits: .sub("KEYED", "{apiKey: true}", "{apiKey: true, signed: true}")),
    RuleCase(.securityLevelRaised, edits: .sub("timeSecurity", "NONE", "TRADE")),
    RuleCase(.securityLevelLowered, edits: .sub("accountSecurity", "KEYED", "NONE")),
    RuleCase(.securityLevelChanged, edits: .sub("KEYED", "{apiKey: true}", "{timestamp: true}")),
    // Wire format
    RuleCase(.requestEncodingChanged, edits: .sub("requestDefaults", "form", "json")),
    RuleCase(.requestEncodingChanged, edits: .sub("cancelRequest", "{encoding: query}", "{encoding: form}")),
    RuleCase(.requestEncodingChanged, edits: .sub("cancelRequest", "{encoding: query}", "{encoding: query, contentType: text/plain}")),
    RuleCase(.envelopeChanged, .exampleChanged, edits: .sub("envelopeData", "data: data", "data: result"), .sub("timeExample", "\"data\"", "\"result\"")),
    RuleCase(.errorFormatChanged, edits: .sub("errorMessage", "errorMessage", "message")),
    RuleCase(.errorCodeTypeChanged, edits: .sub("errorCode", "STRING", "INT")),
    RuleCase(.httpStatusAdded, edits: .after("429", "  - {status: 5XX, meaning: executionUnknown}")),
    RuleCase(.httpStatusRemoved, edits: .delete("429")),
    RuleCase(.httpStatusChanged, edits: .sub("429", "rateLimited", "ipBanned")),
    RuleCase(.rateLimitChanged, edits: .sub("limiter", "1200", "6000")),
    // Endpoints
    RuleCase(.endpointAdded, edits: .line("time", "  ping: {method: GET, path: /ping, security: NONE, response: EMPTY}\n  time:")),
    RuleCase(.endpointRemoved, edits: .line("time", "  ping: {method: GET, path: /ping, security: NONE, response: EMPTY}\n  time:"), reverse: true),
    RuleCase(.endpointRenamed, edits: .sub("time", "time:", "serverTime:")),
    RuleCase(.endpointMethodChanged, edits: .sub("timeMethod", "GET", "POST")),
    RuleCase(.endpointPathChanged, edits: .sub("timePath", "/time", "/v2/time")),
    RuleCase(.weightChanged, edits: .sub("timeWeight", "1", "2")),
    RuleCase(.weightChanged, edits: .sub("range", "weight: 5", "weight: 6")),
    RuleCase(.weightChanged, edits: .sub("unfilled", "1", "2")),
    RuleCase(
        .weightChanged, edits: .line("accountWeight", "    weight: 5"), .delete("byParam"), .delete("ranges"), .delete("range"), .delete("rangeAbove"), reverse: true),
    // Parameters
    RuleCase(.parameterAdded, edits: .after("symbol", "      - {name: note, type: STRING}")),
    RuleCase(.parameterAddedRequired, edits: .after("symbol", "      - {name: note, type: STRING, required: true}")),
    RuleCase(.parameterRemoved, edits: .delete("limit")),
    RuleCase(.parameterBecameRequired, edits: .sub("quantity", "DECIMAL,", "DECIMAL, required: true,")),
    RuleCase(.parameterBecameOptional, edits: .sub("symbol", ", required: true", "")),
    RuleCase(.parameterTypeChanged, edits: .sub("limit", "INT", "LONG")),
    RuleCase(.parameterTypeChanged, edits: .sub("recvWindow", "LONG", "DECIMAL")),
    RuleCase(.parameterEncodingChanged, edits: .sub("quantity", "DECIMAL,", "DECIMAL, in: query,")),
    RuleCase(.parameterEncodingChanged, edits: .sub("ids", "maxItems", "arrayStyle: comma, maxItems")),
    RuleCase(.parameterDefaultChanged, edits: .sub("limit", "default: 100", "default: 500")),
    RuleCase(.parameterConstraintTightened, edits: .sub("quantity", "max: 1000", "max: 100")),
    RuleCase(.parameterConstraintTightened, edits: .sub("ids", "maxItems: 5", "maxItems: 3")),
    RuleCase(.parameterConstraintTightened, edits: .sub("side", "required: true", "required: true, values: [BUY]")),
    RuleCase(.parameterConstraintRelaxed, edits: .sub("ids", "maxItems: 5", "maxItems: 20")),
    RuleCase(.parameterConstraintRelaxed, edits: .sub("quantity", "min: 0.001, ", "")),
    RuleCase(.parameterConstraintRelaxed, edits: .sub("ids", "maxItems: 5", "maxItems: 5, nullable: true")),
    RuleCase(.signingParameterChanged, edits: .delete("signature")),
    // Rules
    RuleCase(.ruleAdded, edits: .after("require", "      - when: {type: MARKET}\n        require: [quantity]")),
    RuleCase(.ruleRemoved, edits: .after("require", "      - when: {type: MARKET}\n        require: [quantity]"), reverse: true),
    RuleCase(.ruleTightened, edits: .sub("require", "[price, quantity]", "[price, quantity, limit]")),
    RuleCase(.ruleRelaxed, edits: .sub("require", "[price, quantity]", "[price]")),
    RuleCase(.ruleAdded, .ruleRemoved, edits: .sub("require", "require: [price, quantity]", "forbid: [ids]")),
    // A new optional parameter and its rules (Binance's pegged orders): old requests never send it.
    RuleCase(
        .parameterAdded, .ruleAddedForNewParameters, edits: .after("symbol", "      - {name: peg, type: STRING}"),
        .after("require", "      - whenPresent: [peg]\n        require: [price]")),
    RuleCase(
        .parameterAdded, .ruleAddedForNewParameters, edits: .after("symbol", "      - {name: peg, type: STRING}"), .after("require", "      - exclusive: [peg, price]")),
    RuleCase(
        .parameterAdded, .ruleAdded, edits: .after("symbol", "      - {name: peg, type: STRING}"),
        .after("require", "      - when: {type: MARKET}\n        require: [peg]")),
    RuleCase(.parameterAdded, .ruleRelaxed, edits: .after("symbol", "      - {name: peg, type: STRING}"), .after("require", "        whenAbsent: [peg]")),
    RuleCase(.ruleAdded, .ruleRemoved, edits: .after("require", "        whenAbsent: [limit]")),
    // Responses
    RuleCase(.responseTypeChanged, edits: .sub("timeResponse", "LONG", "DECIMAL")),
    RuleCase(.responseTypeChanged, .exampleChanged, edits: .sub("timeResponse", "LONG", "STRING"), .sub("timeExample", "1499827319559", "\"1499827319559\"")),
    RuleCase(.responseTypeChanged, edits: .sub("RESULT", "OrderAck", "OrderFull")),
    RuleCase(.responseVariantAdded, edits: .after("FULL", "        MINI: OrderAck")),
    RuleCase(.responseVariantRemoved, edits: .delete("RESULT")),
    RuleCase(
        .responseTypeChanged, .parameterAdded, edits: .line("filtersResponse", "    response: {selectedBy: mode, variants: {BUY: ARRAY OF Filter}}"),
        .after("filtersSecurity", "    params: [{name: mode, type: Side}]")),
    RuleCase(.responseVariantDefaultChanged, edits: .sub("default", "ACK", "RESULT")),
    RuleCase(.errorBodyAdded, edits: .after("409", "        - {status: 418, type: Conflict}")),
    RuleCase(.errorBodyChanged, edits: .sub("409", "Conflict", "OrderFull")),
    RuleCase(.errorBodyChanged, edits: .after("409", "        - {status: 418, type: Conflict}"), reverse: true),
    RuleCase(.errorBodyAdded, .errorBodyChanged, edits: .sub("409", "409", "410")),
    // Models
    RuleCase(.modelAdded, edits: .after("LegacyNote", "  Extra:\n    fields: [{name: x, type: STRING}]")),
    RuleCase(.modelRemoved, edits: .delete("Legacy"), .delete("LegacyFields"), .delete("LegacyNote")),
    RuleCase(.modelRenamed, edits: .sub("Legacy", "Legacy:", "Heritage:")),
    RuleCase(.modelKindChanged, edits: .sub("positional", "positional:", "fields:")),
    RuleCase(.modelKindChanged, edits: .sub("discriminator", "filterType", "kind")),
    RuleCase(.modelVariantAdded, edits: .after("LOT", "      NOTIONAL: PriceFilter")),
    RuleCase(.modelVariantRemoved, edits: .delete("LOT")),
    RuleCase(.modelVariantChanged, edits: .sub("LOT", "LotFilter", "PriceFilter")),
    RuleCase(.tradingRuleAdded, edits: .after("PRICE_MIN", "        - {name: PRICE_STEP, fields: [price, stopPrice], step: minPrice}")),
    RuleCase(.tradingRuleRemoved, edits: .after("PRICE_MIN", "        - {name: PRICE_STEP, fields: [price], step: minPrice}"), reverse: true),
    RuleCase(.tradingRuleChanged, edits: .sub("PRICE_MIN", "min: minPrice", "max: minPrice")),
    RuleCase(.tradingRuleChanged, edits: .sub("PRICE_MIN", "{name: PRICE_MIN,", "{name: PRICE_MIN, message: Price too low,")),
    RuleCase(.positionalLayoutChanged, edits: .line("open", "      - {name: close, type: DECIMAL}"), .line("close", "      - {name: open, type: DECIMAL}")),
    RuleCase(.positionalLayoutChanged, .responseFieldAdded, edits: .after("openTime", "      - {name: high, type: DECIMAL}")),
    RuleCase(.responseFieldAdded, edits: .after("close", "      - {name: volume, type: DECIMAL}")),
    RuleCase(.responseFieldAdded, edits: .after("price", "      - {name: clientId, type: STRING, optional: true}")),
    RuleCase(.responseFieldRemoved, edits: .delete("price")),
    RuleCase(.responseFieldAdded, edits: .after("serverTime", "    - {name: requestId, type: STRING, optional: true}")),
    RuleCase(.responseFieldRemoved, edits: .after("serverTime", "    - {name: requestId, type: STRING, optional: true}"), reverse: true),
    RuleCase(.responseFieldBecameOptional, edits: .sub("orderId", "LONG}", "LONG, optional: true}")),
    RuleCase(.responseFieldBecameOptional, edits: .sub("orderId", "LONG}", "LONG, nullable: true}")),
    RuleCase(.responseFieldBecameRequired, edits: .sub("price", ", optional: true", "")),
    RuleCase(.responseFieldTypeChanged, edits: .sub("orderId", "LONG", "STRING")),
    RuleCase(.requestFieldAdded, edits: .after("limitPrice", "      - {name: trailing, type: DECIMAL, optional: true}")),
    RuleCase(.requestFieldAddedRequired, edits: .after("limitPrice", "      - {name: trailing, type: DECIMAL}")),
    RuleCase(.requestFieldRemoved, edits: .delete("limitPrice")),
    RuleCase(.requestFieldBecameRequired, edits: .sub("limitPrice", ", optional: true", "")),
    RuleCase(.requestFieldBecameOptional, edits: .sub("stopPrice", "DECIMAL}", "DECIMAL, optional: true}")),
    RuleCase(.requestFieldTypeChanged, edits: .sub("stopPrice", "DECIMAL", "STRING")),
    // Enums
    RuleCase(.enumAdded, edits: .after("Color", "  Shade: {values: [DARK, LIGHT]}")),
    RuleCase(.enumRemoved, edits: .delete("Color")),
    RuleCase(.enumRenamed, edits: .sub("Color", "Color:", "Colour:")),
    RuleCase(.requestEnumValueAdded, edits: .sub("Side", "SELL]", "SELL, BOTH]")),
    RuleCase(.requestEnumValueRemoved, edits: .sub("Side", ", SELL]", "]")),
    RuleCase(.responseEnumValueAdded, edits: .after("FILLED", "      - CANCELED")),
    RuleCase(.responseEnumValueRemoved, edits: .delete("FILLED")),
    RuleCase(.requestEnumValueAdded, .responseEnumValueAdded, edits: .sub("OrderType", "STOP]", "STOP, OCO]")),
    RuleCase(.requestEnumValueRemoved, .responseEnumValueRemoved, edits: .sub("OrderType", ", STOP]", "]")),
    // Errors
    RuleCase(.errorCodeAdded, edits: .after("BAD_SYMBOL", "  - {code: \"-2010\", name: REJECTED}")),
    RuleCase(.errorCodeRemoved, edits: .delete("BAD_SYMBOL")),
    RuleCase(.errorCodeRenamed, edits: .sub("BAD_SYMBOL", "BAD_SYMBOL", "INVALID_SYMBOL")),
    RuleCase(.errorCodeChanged, edits: .sub("BAD_SYMBOL", "-1121", "-1122")),
    RuleCase(.errorMessageAdded, edits: .after("duplicate", "      - {message: Order would trigger immediately.}")),
    RuleCase(.errorMessageAdded, edits: .after("duplicate", "  - name: filters\n    codes: [\"-1121\"]\n    messages: [{message: Filter failure.}]")),
    RuleCase(.errorMessageRemoved, edits: .delete("duplicate")),
    RuleCase(.errorMessageCodesChanged, edits: .sub("catalogCodes", "[\"-1000\"]", "[\"-1000\", \"-1121\"]")),
    // Anywhere
    RuleCase(.swiftNameChanged, edits: .sub("quantity", "DECIMAL,", "DECIMAL, swiftName: qty,")),
    RuleCase(.swiftNameChanged, edits: .sub("orderId", "LONG}", "LONG, swiftName: id}")),
    RuleCase(.swiftNameChanged, edits: .sub("Side", "[BUY, SELL]", "[BUY, {value: SELL, swiftName: sell2}]")),
    RuleCase(.becameDeprecated, edits: .after("timeWeight", "    deprecated: true")),
    RuleCase(.becameDeprecated, edits: .sub("quantity", "DECIMAL,", "DECIMAL, deprecated: true,")),
    RuleCase(.becameDeprecated, edits: .sub("price", "optional: true", "optional: true, deprecated: true")),
    RuleCase(.noLongerDeprecated, edits: .sub("limit", ", deprecated: true", "")),
    RuleCase(.descriptionChanged, edits: .sub("timeSummary", "Server time.", "The server's clock.")),
    RuleCase(.descriptionChanged, edits: .sub("title", "Demo Exchange", "Demo Exchange API")),
    RuleCase(.descriptionChanged, edits: .sub("quantity", "DECIMAL,", "DECIMAL, description: How much.,")),
    RuleCase(.exampleChanged, edits: .sub("timeExample", "1499827319559", "1499827319560")),
    RuleCase(.errataChanged, edits: .sub("why", "Every order counts.", "Each order counts.")),
    // No semantic change
    RuleCase(edits: .sub("description", "# @description", "# @description (a new comment)")),
    RuleCase(edits: .line("description", "description: >-\n  A small exchange\n  for diff tests.")),
    RuleCase(edits: .sub("timeExample", "{\"code\": \"0\", \"msg\": \"ok\", \"data\": 1499827319559}", "{\"data\": 1499827319559, \"msg\": \"ok\",   \"code\": \"0\"}")),
    RuleCase(edits: .sub("Side", "[BUY, SELL]", "[SELL, BUY]")),
    RuleCase(edits: .sub("require", "[price, quantity]", "[quantity, price]")),
]

@Suite struct DiffRuleTests {
    @Test func baseSpecLoadsCleanly() throws {
        _ = try loadSpec(baseSpec, file: "base.yaml")
        #expect(try diff(baseSpec, baseSpec).isEmpty)
    }

    @Test(arguments: ruleCases)
    func ruleFiresOnItsMinimalPair(_ testCase: RuleCase) throws {
        var edited = baseSpec
        for edit in testCase.edits {
            edited = try #require(edit.apply(to: edited), "edit does not apply: \(edit)")
        }
        let findings = testCase.reverse ? try diff(edited, baseSpec) : try diff(baseSpec, edited)
        #expect(Set(findings.map(\.rule)) == testCase.expected, "\(findings.map(\.description).joined(separator: "\n"))")
        for finding in findings {
            #expect(finding.location.file == "old.yaml" || finding.location.file == "new.yaml")
            #expect(finding.location.line > 0)
        }
    }

    @Test func everyRuleHasACase() {
        // spec-added and spec-removed come from comparing folders; DiffGitTests covers them.
        let covered = Set(ruleCases.flatMap(\.expected)).union([.specAdded, .specRemoved])
        let missing = DiffRule.allCases.filter { !covered.contains($0) }.map(\.rawValue)
        #expect(missing.isEmpty, "rules without a test case: \(missing)")
    }

    @Test func ruleIdsAreKebabCaseAndUnique() {
        let ids = DiffRule.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.range(of: #"^[a-z]+(-[a-z]+)*$"#, options: .regularExpression) != nil, "\(id)") }
    }
}
