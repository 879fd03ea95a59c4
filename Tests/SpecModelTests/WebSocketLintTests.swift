import Foundation
import SpecModel
import Testing

/// Issue 18: the WebSocket API, its methods and the market streams load with their locations, and lint lists every
/// problem in them.
@Suite struct WebSocketLintTests {
    /// A valid spec with a WebSocket API and streams; `replacing` swaps one text for another to break it.
    static func spec(replacing changes: [(String, String)] = []) -> String {
        var text = """
            specgen: 1
            api: demo
            title: Demo
            module: Demo
            servers:
              - url: https://api.example.com
            security:
              NONE: {}
              SIGNED: {apiKey: true, signed: true}
            errorFormat:
              code: {field: code, type: INT}
              message: msg
            enums:
              Interval: {values: [1m, 1h]}
            models:
              Ack: {fields: [{name: orderId, type: LONG}]}
              Report: {fields: [{name: count, type: INT}]}
              Kline: {fields: [{name: e, type: STRING}, {name: t, type: LONG}]}
              Event:
                discriminator: e
                variants: {kline: Kline}
            endpoints:
              order:
                method: POST
                path: /api/order
                security: SIGNED
                params:
                  - {name: symbol, type: STRING, required: true}
                  - {name: signature, type: STRING}
                response: Ack
                webSocket:
                  method: order.place
                  omitParams: [signature]
                  params: [{name: clientTag, type: STRING}]
                  examples:
                    - response: '{"id": 1, "status": 200, "result": {"orderId": 5}, "rateLimits": [{"count": 1}]}'
            webSocketAPI:
              servers: [{url: "wss://ws.example.com/v1"}]
              request: {id: id, method: method, params: params}
              response: {id: id, status: status, result: result, error: error, rateLimits: {field: rateLimits, type: Report}}
              apiKeyParam: apiKey
              events:
                event: event
                payload: Event
                examples: [{payload: '{"event": {"e": "kline", "t": 1}}'}]
              methods:
                session.status:
                  security: NONE
                  response: Ack
                  examples:
                    - response: '{"id": "a", "status": 400, "error": {"code": -1, "msg": "no"}}'
            streams:
              servers: [{url: "wss://stream.example.com"}]
              raw: /ws/<streamName>
              combined: {path: "/stream?streams=<streamNames>", stream: stream, data: data}
              eventType: e
              definitions:
                kline:
                  name: "<symbol>@kline_<interval>"
                  variables:
                    - {name: symbol, type: STRING, case: lower}
                    - {name: interval, type: Interval, values: [1m]}
                  payload: Kline
                  event: kline
                  examples: [{payload: '{"e": "kline", "t": 1}'}]

            """
        for (old, new) in changes {
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    static func diagnostics(_ changes: [(String, String)]) -> [String] {
        SpecLoader.load(yaml: spec(replacing: changes), file: "ws.yaml").diagnostics.map(\.description)
    }

    @Test func validSpecLoadsWithItsParts() throws {
        let result = SpecLoader.load(yaml: Self.spec(), file: "ws.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let spec = try #require(result.spec)
        let order = try #require(spec.endpoint(id: "order"))
        #expect(order.webSocket?.method.value == "order.place")
        let view = try #require(spec.webSocketView(of: order))
        // REST's parameters without `signature`, the WebSocket-only one, and the API key (SIGNED has apiKey).
        #expect(view.params.map(\.name.value) == ["symbol", "clientTag", "apiKey"])
        #expect(spec.webSocketAPI?.method(named: "session.status")?.security.value == "NONE")
        let kline = try #require(spec.streams?.definition(id: "kline"))
        #expect(kline.templateVariables == ["symbol", "interval"])
        #expect(kline.variables.first?.letterCase == .lower)
        #expect(kline.name.location.line == 59)
    }

    @Test func scalarTwinNamesOnlyTheMethod() throws {
        let full = Self.spec()
        let start = try #require(full.range(of: "    webSocket:\n"))
        let end = try #require(full.range(of: "webSocketAPI:\n"))
        let yaml = full.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "    webSocket: order.place\n")
        let result = SpecLoader.load(yaml: yaml, file: "ws.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let spec = try #require(result.spec)
        #expect(spec.endpoints.first?.webSocket?.method.value == "order.place")
        // No omitted parameters now: REST's, then the API key the SIGNED level implies (signature is listed already).
        #expect(spec.webSocketView(of: spec.endpoints[0])?.params.map(\.name.value) == ["symbol", "signature", "apiKey"])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let changes: [(String, String)]
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "duplicate method name", changes: [("session.status:", "order.place:")],
            expected: ["ws.yaml:47:5: error: duplicate method 'order.place' in the WebSocket API (first at line 32)"]),
        Case(
            name: "omitted parameter unknown", changes: [("omitParams: [signature]", "omitParams: [signatur]")],
            expected: [
                "ws.yaml:33:20: error: webSocket.omitParams names unknown parameter 'signatur'; did you mean 'signature'?"
            ]),
        Case(
            name: "extra parameter repeats REST", changes: [("{name: clientTag, type: STRING}", "{name: symbol, type: STRING}")],
            expected: ["ws.yaml:34:23: error: WebSocket parameter 'symbol' is a parameter of endpoint 'order' already"]),
        Case(
            name: "undeclared template variable", changes: [("<symbol>@kline_<interval>", "<symbol>@kline_<interval>@<zone>")],
            expected: ["ws.yaml:59:13: error: stream name '<symbol>@kline_<interval>@<zone>' uses '<zone>' but stream 'kline' declares no variable 'zone'"]),
        Case(
            name: "unused variable", changes: [("<symbol>@kline_<interval>", "<symbol>@kline")],
            expected: ["ws.yaml:62:18: error: variable 'interval' of stream 'kline' is not in its name '<symbol>@kline'"]),
        Case(
            name: "variable value not in enum", changes: [("values: [1m]", "values: [2m]")],
            expected: ["ws.yaml:62:53: error: value '2m' of variable 'interval' is not in enum 'Interval'"]),
        Case(
            name: "undefined payload model", changes: [("payload: Kline\n", "payload: Klines\n")],
            expected: ["ws.yaml:63:16: error: unknown type 'Klines'; did you mean 'Kline'?"]),
        Case(
            name: "event field missing from payload", changes: [("eventType: e", "eventType: type")],
            expected: ["ws.yaml:64:14: error: stream 'kline' names event 'kline', but its payload 'Kline' has no field 'type'"]),
        Case(
            name: "stream server not a WebSocket URL", changes: [("wss://stream.example.com", "https://stream.example.com")],
            expected: [
                "ws.yaml:53:19: error: server URL 'https://stream.example.com' must be an absolute ws or wss URL with a host, such as wss://stream.example.com"
            ]),
        Case(
            name: "raw path without the stream name", changes: [("raw: /ws/<streamName>", "raw: /ws/")],
            expected: ["ws.yaml:54:8: error: streams.raw '/ws/' must hold '<streamName>'"]),
        Case(
            name: "answer example with a wrong result", changes: [("{\"orderId\": 5}", "{\"orderId\": \"x\"}")],
            expected: ["ws.yaml:36:21: error: example does not fit the WebSocket answer: $.result.orderId should be a whole number, found a string"]),
        Case(
            name: "answer example with an unknown envelope field", changes: [("\"rateLimits\": [{\"count\": 1}]", "\"limits\": []")],
            expected: ["ws.yaml:36:21: error: example does not fit the WebSocket answer: unknown field 'limits' at $.limits"]),
        Case(
            name: "error example lacking the message", changes: [("\"msg\": \"no\"", "\"message\": \"no\"")],
            expected: ["ws.yaml:51:21: error: error example lacks 'msg' of the error format"]),
        Case(
            name: "event example that does not fit", changes: [("{\"event\": {\"e\": \"kline\", \"t\": 1}}", "{\"event\": {\"e\": \"kline\"}, \"x\": 1}")],
            expected: [
                "ws.yaml:45:26: error: event example has unknown field 'x'; expected 'event'",
                "ws.yaml:45:26: error: example does not fit 'Event': missing required field 't' at $.event (model 'Kline')",
            ]),
        Case(
            name: "unknown security level of a method", changes: [("security: NONE\n      response", "security: NOPE\n      response")],
            expected: ["ws.yaml:48:17: error: unknown security level 'NOPE'; did you mean 'NONE'?"]),
        Case(
            name: "unknown key", changes: [("apiKeyParam: apiKey", "apiKeyParameter: apiKey")],
            expected: ["ws.yaml:41:3: error: unknown key 'apiKeyParameter' in webSocketAPI; did you mean 'apiKeyParam'?"]),
    ]

    @Test(arguments: cases) func lintListsEveryProblem(_ c: Case) {
        #expect(Self.diagnostics(c.changes) == c.expected)
    }

    @Test func twinWithoutAWebSocketAPIIsAnError() {
        let yaml = Self.spec().components(separatedBy: "webSocketAPI:")[0]
        let diagnostics = SpecLoader.load(yaml: yaml, file: "ws.yaml").diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(diagnostics == ["ws.yaml:32:7: error: endpoint 'order' names a WebSocket method, but the spec has no 'webSocketAPI' section"])
    }

    @Test func errataMayPointIntoTheWebSocketParts() {
        let paths = ["webSocketAPI.methods.session.status", "streams.definitions.kline.variables.symbol", "endpoints.order.webSocket.params.clientTag"]
        let spec = SpecLoader.load(yaml: Self.spec(), file: "ws.yaml").spec
        for path in paths { #expect(spec.map { SpecPath.exists(path, in: $0) } == true, "\(path)") }
        #expect(spec.map { SpecPath.exists("webSocketAPI.methods.session.nothing", in: $0) } == false)
        #expect(spec.map { SpecPath.exists("streams.definitions.trade", in: $0) } == false)
    }
}
