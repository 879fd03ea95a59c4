import Foundation
import SpecModel
import Testing

/// The smallest valid spec; each case below breaks it in one way.
let header = """
    specgen: 1
    api: demo
    title: Demo
    module: Demo
    servers:
      - url: https://api.example.com
    security:
      NONE: {}
    enums:
      Side: {values: [BUY, SELL]}
      RespType: {values: [ACK, FULL]}
    models:
      Ack:
        fields:
          - {name: orderId, type: LONG}
          - {name: price, type: DECIMAL, optional: true}

    """

func diagnostics(_ yaml: String, errorsOnly: Bool = false) -> [String] {
    SpecLoader.load(yaml: yaml, file: "specs/demo.yaml").lintDiagnostics
        .filter { !errorsOnly || $0.severity == .error }
        .map(\.description)
}

struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    let name: String
    let endpoints: String
    let expected: [String]
    var testDescription: String { name }
}

let cases: [DiagnosticCase] = [
    DiagnosticCase(
        name: "unknown type",
        endpoints: """
            endpoints:
              order:
                method: POST
                path: /order
                security: NONE
                params:
                  - {name: side, type: Sid}
            """, expected: ["specs/demo.yaml:23:28: error: unknown type 'Sid'; did you mean 'Side'?"]),
    DiagnosticCase(
        name: "unknown enum reference in ARRAY OF",
        endpoints: """
            endpoints:
              order:
                method: GET
                path: /order
                security: NONE
                response: ARRAY OF Fill
            """, expected: ["specs/demo.yaml:22:15: error: unknown type 'Fill'"]),
    DiagnosticCase(
        name: "duplicate parameter",
        endpoints: """
            endpoints:
              order:
                method: POST
                path: /order
                security: NONE
                params:
                  - {name: side, type: Side}
                  - {name: side, type: Side}
            """, expected: ["specs/demo.yaml:24:16: error: duplicate parameter 'side' in endpoint 'order' (first at line 23)"]),
    DiagnosticCase(
        name: "duplicate endpoint id",
        endpoints: """
            endpoints:
              order:
                method: GET
                path: /a
                security: NONE
              order:
                method: GET
                path: /b
                security: NONE
            """, expected: ["specs/demo.yaml:22:3: error: duplicate key 'order' in one mapping (first at line 18)"]),
    DiagnosticCase(
        name: "rule names unknown parameter",
        endpoints: """
            endpoints:
              order:
                method: POST
                path: /order
                security: NONE
                params:
                  - {name: quantity, type: DECIMAL}
                rules:
                  - require: [qty]
            """, expected: ["specs/demo.yaml:25:19: error: rule names unknown parameter 'qty'"]),
    DiagnosticCase(
        name: "rule compares with a value the enum lacks",
        endpoints: """
            endpoints:
              order:
                method: POST
                path: /order
                security: NONE
                params:
                  - {name: side, type: Side}
                  - {name: price, type: DECIMAL}
                rules:
                  - when: {side: HOLD}
                    require: [price]
            """, expected: ["specs/demo.yaml:26:22: error: rule compares 'side' with 'HOLD', which is not a value of enum 'Side'"]),
    DiagnosticCase(
        name: "path parameter missing from the template",
        endpoints: """
            endpoints:
              cancel:
                method: DELETE
                path: /orders
                security: NONE
                params:
                  - {name: orderId, type: STRING, required: true, in: path}
            """, expected: ["specs/demo.yaml:23:16: error: path parameter 'orderId' is missing from the path template '/orders'"]),
    DiagnosticCase(
        name: "path template without parameter",
        endpoints: """
            endpoints:
              cancel:
                method: DELETE
                path: /orders/{orderId}
                security: NONE
            """, expected: ["specs/demo.yaml:20:11: error: path template names '{orderId}' but endpoint 'cancel' has no parameter 'orderId'"]),
    DiagnosticCase(
        name: "variant keyed by a value the selector enum lacks",
        endpoints: """
            endpoints:
              order:
                method: POST
                path: /order
                security: NONE
                params:
                  - {name: respType, type: RespType}
                response:
                  selectedBy: respType
                  variants: {ACK: Ack, RESULT: Ack}
            """, expected: ["specs/demo.yaml:26:28: error: response variant 'RESULT' is not a value of enum 'RespType' (the type of 'respType')"]),
    DiagnosticCase(
        name: "example with an unknown field",
        endpoints: """
            endpoints:
              order:
                method: GET
                path: /order
                security: NONE
                response: Ack
                examples:
                  - response: '{"orderId": 1, "qty": "1"}'
            """, expected: ["specs/demo.yaml:24:19: error: example does not fit 'Ack': unknown field 'qty' at $.qty (model 'Ack' has no such field)"]),
    DiagnosticCase(
        name: "example with a wrong type and a missing field",
        endpoints: """
            endpoints:
              order:
                method: GET
                path: /order
                security: NONE
                response: ARRAY OF Ack
                examples:
                  - response: '[{"orderId": 1, "price": 0.5}, {"price": true}]'
            """,
        expected: [
            "specs/demo.yaml:24:19: error: example does not fit 'ARRAY OF Ack': $[1].price should be a decimal (string or number), found a boolean",
            "specs/demo.yaml:24:19: error: example does not fit 'ARRAY OF Ack': missing required field 'orderId' at $[1] (model 'Ack')",
        ]),
    DiagnosticCase(
        name: "example that is not JSON",
        endpoints: """
            endpoints:
              ping:
                method: GET
                path: /ping
                security: NONE
                response: EMPTY
                examples:
                  - response: '{"a": 1,}'
            """, expected: ["specs/demo.yaml:24:19: error: response example is not valid JSON: expected a quoted member name at line 1, column 9"]),
    DiagnosticCase(
        name: "unknown key with suggestion, unknown security level",
        endpoints: """
            endpoints:
              ping:
                method: GET
                path: /ping
                security: NONNE
                parms: []
            """,
        expected: [
            "specs/demo.yaml:21:15: error: unknown security level 'NONNE'; did you mean 'NONE'?",
            "specs/demo.yaml:22:5: error: unknown key 'parms' in endpoint 'ping'; did you mean 'params'?",
        ]),
    DiagnosticCase(
        name: "wrong value kinds everywhere",
        endpoints: """
            endpoints:
              ping:
                method: FETCH
                path: [/ping]
                security: NONE
                weight: heavy
            """,
        expected: [
            "specs/demo.yaml:19:13: error: 'method' in endpoint 'ping' must be one of 'GET', 'POST', 'PUT', 'DELETE', found 'FETCH'",
            "specs/demo.yaml:20:11: error: 'path' in endpoint 'ping' must be a single value, found a list",
        ]),
    DiagnosticCase(
        name: "rule with two requirements",
        endpoints: """
            endpoints:
              order:
                method: POST
                path: /order
                security: NONE
                params:
                  - {name: side, type: Side}
                  - {name: price, type: DECIMAL}
                rules:
                  - {require: [price], forbid: [side]}
            """, expected: ["specs/demo.yaml:26:9: error: a rule of endpoint 'order' has more than one requirement (require, forbid); write one rule per requirement"]),
]

@Suite struct DiagnosticTests {
    @Test func validSpecHasNoDiagnostics() {
        let yaml =
            header + """
                endpoints:
                  order:
                    method: POST
                    path: /order
                    security: NONE
                    params:
                      - {name: side, type: Side, required: true}
                      - {name: respType, type: RespType}
                    response:
                      selectedBy: respType
                      variants: {ACK: Ack, FULL: Ack}
                    examples:
                      - {variant: ACK, response: '{"orderId": 28, "price": "0.00100000"}'}
                """
        #expect(diagnostics(yaml) == [])
    }

    @Test(arguments: cases) func diagnosticIsPinned(_ c: DiagnosticCase) {
        #expect(diagnostics(header + c.endpoints, errorsOnly: true) == c.expected)
    }

    @Test func everyProblemIsListedNotOnlyTheFirst() {
        let yaml =
            header + """
                endpoints:
                  a:
                    method: GET
                    path: /a
                    security: NOPE
                    response: Nothing
                  b:
                    method: GET
                    path: b
                    security: NONE
                    params:
                      - {name: x, type: Unknown}
                """
        #expect(
            diagnostics(yaml, errorsOnly: true) == [
                "specs/demo.yaml:21:15: error: unknown security level 'NOPE'; did you mean 'NONE'?",
                "specs/demo.yaml:22:15: error: unknown type 'Nothing'",
                "specs/demo.yaml:25:11: error: path 'b' must start with '/'",
                "specs/demo.yaml:28:25: error: unknown type 'Unknown'",
            ])
    }

    @Test func duplicateEnumValuesAndErrorCodes() {
        let yaml = """
            specgen: 1
            api: demo
            title: Demo
            module: Demo
            servers: [{url: https://x.example}]
            enums:
              Side: {values: [BUY, SELL, BUY]}
            errors:
              - {code: -1, name: A}
              - {code: -1, name: B}
            endpoints: {}
            """
        #expect(
            diagnostics(yaml) == [
                "specs/demo.yaml:7:3: warning: enum 'Side' is not used by any parameter or field",
                "specs/demo.yaml:7:30: error: duplicate value 'BUY' in enum 'Side' (first at line 7)",
                "specs/demo.yaml:10:12: error: duplicate error code '-1' in the error catalog (first at line 9)",
            ])
    }
}
