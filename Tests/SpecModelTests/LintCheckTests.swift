import Foundation
import SpecModel
import Testing

/// Issue 14: specs lint used to accept. Each case changes one line of a valid spec; the errors are pinned.
struct LintCase: CustomTestStringConvertible, Sendable {
    let name: String
    let changes: [String: String]
    let expected: [String]
    var testDescription: String { name }

    /// A valid spec with `changes` substituted for its placeholders.
    var yaml: String {
        let defaults = [
            "MODULE": "Demo", "URL": "https://api.example.com", "DEFAULT": "5000", "MAX": "60000", "INTERVAL": "MINUTE",
            "NUM": "1", "LIMIT": "6000", "PATH": "/api/v3/order/{orderId}", "WEIGHT": "1", "PARAM": "{name: limit, type: INT, min: 1, max: 1000, default: 500}",
            "STATUS": "400",
        ]
        var text = """
            specgen: 1
            api: demo
            title: Demo
            module: MODULE
            servers:
              - url: URL
            security:
              NONE: {}
            auth:
              recvWindow: {param: recvWindow, default: DEFAULT, max: MAX}
            rateLimits:
              limiters:
                - {type: RAW_REQUESTS, interval: INTERVAL, intervalNum: NUM, limit: LIMIT}
            models:
              Ack: {fields: [{name: orderId, type: LONG}]}
            endpoints:
              order:
                method: POST
                path: PATH
                security: NONE
                weight: WEIGHT
                params:
                  - {name: orderId, type: LONG, required: true}
                  - PARAM
                response:
                  type: Ack
                  errorBodies: [{status: STATUS, type: Ack}]

            """
        for (key, value) in defaults { text = text.replacingOccurrences(of: key, with: changes[key] ?? value) }
        return text
    }
}

let lintCases: [LintCase] = [
    LintCase(
        name: "server URL that is not a URL", changes: ["URL": "not a url"],
        expected: [
            "specs/demo.yaml:6:10: error: server URL 'not a url' must be an absolute http or https URL with a host, such as https://api.example.com"
        ]),
    LintCase(
        name: "server URL with an unclosed brace", changes: ["URL": "https://{host"],
        expected: [
            "specs/demo.yaml:6:10: error: server URL 'https://{host' has a '{' that is never closed"
        ]),
    LintCase(
        name: "server URL without a host", changes: ["URL": "https:///v3"],
        expected: [
            "specs/demo.yaml:6:10: error: server URL 'https:///v3' must be an absolute http or https URL with a host, such as https://api.example.com"
        ]),
    LintCase(
        name: "path with an unclosed brace", changes: ["PATH": "/api/{"],
        expected: [
            "specs/demo.yaml:19:11: error: path '/api/{' has a '{' that is never closed"
        ]),
    LintCase(
        name: "path without placeholders with a bad percent-escape", changes: ["PATH": "/api/%zz"],
        expected: [
            "specs/demo.yaml:19:11: error: path '/api/%zz' has a '%' that is not followed by two hex digits"
        ]),
    LintCase(
        name: "path with a bad percent-escape", changes: ["PATH": "/%zz/{orderId}"],
        expected: [
            "specs/demo.yaml:19:11: error: path '/%zz/{orderId}' has a '%' that is not followed by two hex digits"
        ]),
    LintCase(
        name: "path with a space", changes: ["PATH": "'/p ing/{orderId}'"],
        expected: [
            "specs/demo.yaml:19:11: error: path '/p ing/{orderId}' has a space, which a URL path cannot hold; percent-encode it or make it a parameter"
        ]),
    LintCase(
        name: "negative weight", changes: ["WEIGHT": "-1"],
        expected: [
            "specs/demo.yaml:21:13: error: a weight must be between 0 and 100000, found -1"
        ]),
    LintCase(
        name: "weight of Int64.max", changes: ["WEIGHT": "9223372036854775807"],
        expected: [
            "specs/demo.yaml:21:13: error: a weight must be between 0 and 100000, found 9223372036854775807"
        ]),
    LintCase(
        name: "intervalNum of Int64.max", changes: ["NUM": "9223372036854775807"],
        expected: [
            "specs/demo.yaml:13:59: error: 'intervalNum' must be between 1 and 1000, found 9223372036854775807"
        ]),
    LintCase(
        name: "rate limit of Int64.max", changes: ["LIMIT": "9223372036854775807"],
        expected: [
            "specs/demo.yaml:13:69: error: a rate limit must be between 1 and 100000000, found 9223372036854775807"
        ]),
    LintCase(
        name: "unknown rate limit interval", changes: ["INTERVAL": "FORTNIGHT"],
        expected: [
            "specs/demo.yaml:13:38: error: rate limiter interval must be one of SECOND, MINUTE, HOUR, DAY, found 'FORTNIGHT'"
        ]),
    LintCase(
        name: "min above max", changes: ["PARAM": "{name: limit, type: INT, min: 10, max: 5}"],
        expected: [
            "specs/demo.yaml:24:48: error: max 5 of parameter 'limit' is below its min 10"
        ]),
    LintCase(
        name: "default outside min and max", changes: ["PARAM": "{name: limit, type: DECIMAL, min: 0.5, max: 2, default: 3}"],
        expected: [
            "specs/demo.yaml:24:65: error: default 3 of parameter 'limit' is above its max 2"
        ]),
    LintCase(
        name: "max that does not fit 64 bits", changes: ["PARAM": "{name: limit, type: LONG, max: 99999999999999999999}"],
        expected: [
            "specs/demo.yaml:24:40: error: max '99999999999999999999' of parameter 'limit' is not a whole number that fits 64 bits"
        ]),
    LintCase(
        name: "recvWindow default above its max", changes: ["DEFAULT": "70000"],
        expected: [
            "specs/demo.yaml:10:44: error: recvWindow default 70000 is above its max 60000"
        ]),
    LintCase(
        name: "negative recvWindow max", changes: ["MAX": "-5"],
        expected: [
            "specs/demo.yaml:10:55: error: a recvWindow must be between 1 and 3600000, found -5"
        ]),
    LintCase(
        name: "error status of Int64.max", changes: ["STATUS": "9223372036854775807"],
        expected: [
            "specs/demo.yaml:27:30: error: an HTTP status must be between 100 and 599, found 9223372036854775807"
        ]),
    LintCase(
        name: "module Swift", changes: ["MODULE": "Swift"],
        expected: [
            "specs/demo.yaml:4:9: error: module 'Swift' would shadow the module of that name that generated clients use; choose another"
        ]),
    LintCase(
        name: "module ClientRuntime", changes: ["MODULE": "ClientRuntime"],
        expected: [
            "specs/demo.yaml:4:9: error: module 'ClientRuntime' would shadow the module of that name that generated clients use; choose another"
        ]),
    LintCase(name: "module keyword", changes: ["MODULE": "Protocol"], expected: ["specs/demo.yaml:4:9: error: module 'Protocol' is a Swift keyword"]),
    LintCase(
        name: "module not an identifier", changes: ["MODULE": "my-api"],
        expected: [
            "specs/demo.yaml:4:9: error: module 'my-api' must be an UpperCamelCase Swift identifier"
        ]),
    LintCase(
        name: "model named like its module", changes: ["MODULE": "Ack"],
        expected: [
            "specs/demo.yaml:15:3: error: type 'Ack' has the name of its module, which would hide the module in Swift"
        ]),
    // What `specgen generate` refuses, lint refuses with the same message (Spec.requestParameterProblem).
    LintCase(
        name: "model-typed request parameter", changes: ["PARAM": "{name: order, type: Ack}"],
        expected: [
            "specs/demo.yaml:24:29: error: the generator cannot express a model-typed parameter ('Ack') in a request"
        ]),
    LintCase(
        name: "ARRAY OF model request parameter", changes: ["PARAM": "{name: orders, type: ARRAY OF Ack}"],
        expected: [
            "specs/demo.yaml:24:30: error: the generator cannot express parameter type 'ARRAY OF Ack' in a request"
        ]),
    LintCase(
        name: "JSON request parameter", changes: ["PARAM": "{name: payload, type: JSON}"],
        expected: [
            "specs/demo.yaml:24:31: error: the generator cannot express parameter type 'JSON' in a request"
        ]),
    LintCase(
        name: "MAP request parameter", changes: ["PARAM": "{name: extra, type: MAP OF STRING}"],
        expected: [
            "specs/demo.yaml:24:29: error: the generator cannot express parameter type 'MAP OF STRING' in a request"
        ]),
]

@Suite struct LintCheckTests {
    @Test func baseSpecIsClean() {
        #expect(diagnostics(LintCase(name: "base", changes: [:], expected: []).yaml) == [])
    }

    @Test(arguments: lintCases) func lintRefuses(_ c: LintCase) {
        #expect(diagnostics(c.yaml, errorsOnly: true) == c.expected)
    }

    /// Every bound sits in one table, and the real venues' numbers are inside it.
    @Test func limitsAcceptRealValuesAndRefuseOverflowingOnes() {
        #expect(SpecLimit.weight.problem(40) == nil)
        #expect(SpecLimit.recvWindow.problem(60_000) == nil)
        #expect(SpecLimit.rateLimit.problem(200_000) == nil)
        for limit in [SpecLimit.weight, .intervalNum, .rateLimit, .unfilledOrderCount, .maxItems, .recvWindow, .httpStatus] {
            #expect(limit.problem(Int.max) != nil)
            #expect(limit.problem(Int.min) != nil)
        }
    }
}
