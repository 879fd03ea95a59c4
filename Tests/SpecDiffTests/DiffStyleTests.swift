import Foundation
import SpecDiff
import SpecModel
import Testing

/// Order, comments, whitespace and YAML style never make a finding.
@Suite struct DiffStyleTests {
    let fixtures = repositoryRoot + "/Tests/SpecDiffTests/Fixtures"

    @Test func restyledRealSpecHasNoFindings() throws {
        // dfx-spot-restyled.yaml is dfx-spot-original.yaml through restyle.py: keys reversed, unordered lists
        // reversed, flow ↔ block, multi-line text double-quoted, comments dropped.
        let report = try DiffRunner.compare(.file(fixtures + "/dfx-spot-original.yaml"), .file(fixtures + "/dfx-spot-restyled.yaml"))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.description).joined(separator: "\n"))")
    }

    @Test func restyledSideGivesTheSameFindings() throws {
        let history = repositoryRoot + "/specs/history/dfx-spot-2024-11.yaml"
        func key(_ f: DiffFinding) -> String { "\(f.rule.rawValue)|\(f.message)|\(f.swiftEffect ?? "")" }
        let plain = try DiffRunner.compare(.file(history), .file(fixtures + "/dfx-spot-original.yaml")).findings.map(key).sorted()
        let restyled = try DiffRunner.compare(.file(history), .file(fixtures + "/dfx-spot-restyled.yaml")).findings.map(key).sorted()
        #expect(!plain.isEmpty)
        #expect(plain == restyled)
    }

    @Test func handwrittenStyles() throws {
        let block = """
            # A comment that goes away.
            specgen: 1
            api: tiny
            title: Tiny
            module: Tiny
            description: |
              Two lines
              of text.
            servers:
              - url: https://tiny.example
            security:
              NONE: {}
            enums:
              Side:
                values:
                  - BUY
                  - {value: SELL, description: Sell.}
            models:
              Ack:
                fields:
                  - name: id
                    type: LONG
                  - name: side
                    type: Side
                    optional: true
            endpoints:
              order:
                method: POST
                path: /order
                security: NONE
                params:
                  - name: side
                    type: Side
                    required: true
                  - {name: note, type: STRING}
                rules:
                  - whenPresent: [note]
                    require: [side]
                response: Ack
              ping: {method: GET, path: /ping, security: NONE, response: EMPTY}
            """
        let flow = """
            endpoints:
              ping:
                response: EMPTY
                security: NONE
                path: "/ping"
                method: GET
              order: {response: Ack, rules: [{require: [side], whenPresent: [note]}], params: [{name: note, type: STRING}, {required: true, type: Side, name: side}], security: NONE, path: /order, method: POST}   # flow
            models: {Ack: {fields: [{optional: true, type: Side, name: side}, {name: id, type: LONG}]}}
            enums:
              Side: {values: [{description: "Sell.", value: SELL}, BUY]}
            security: {NONE: {}}
            servers: [{url: 'https://tiny.example'}]
            description: >
              Two lines of
              text.
            module: "Tiny"
            title: Tiny
            api: 'tiny'
            specgen: 1
            """
        #expect(try diff(block, flow).isEmpty)
    }
}
