import Foundation
import SpecModel
import Testing

/// Whatever a spec file holds, the loader answers with diagnostics: no crash, hang or stack trace.
@Suite struct BadInputTests {
    func load(_ data: Data) -> [String] {
        SpecLoader.load(data: data, file: "specs/bad.yaml").diagnostics.map(\.description)
    }

    func load(_ text: String) -> [String] { load(Data(text.utf8)) }

    @Test func emptyFile() {
        #expect(load("") == ["specs/bad.yaml:1:1: error: spec is empty"])
        #expect(load("  \n\n# only a comment\n") == ["specs/bad.yaml:1:1: error: spec is empty"])
    }

    @Test func yamlSyntaxErrorAtItsLineAndColumn() {
        let found = load("specgen: 1\napi: demo\ntitle: [unclosed\nmodule: X\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("specs/bad.yaml:4:") == true)
        #expect(found.first?.contains("error: YAML syntax error:") == true)
    }

    @Test func binaryJunk() {
        var generator = SystemRandomNumberGenerator()
        let junk = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let found = load(junk)
        #expect(found.count == 1)
        #expect(found.first?.contains(": error: ") == true)
    }

    @Test func nonUTF8BytesReportedWhereTheyAre() {
        var bytes = Array("specgen: 1\napi: d".utf8)
        bytes += [0xC3, 0x28]  // an invalid two-byte sequence
        bytes += Array("emo\n".utf8)
        #expect(load(Data(bytes)) == ["specs/bad.yaml:2:7: error: file is not valid UTF-8 text"])
    }

    @Test func nulBytes() {
        #expect(load("specgen: 1\n\0\0") == ["specs/bad.yaml:2:1: error: file contains NUL bytes; is it a binary file?"])
    }

    @Test func fiftyMegabyteFile() {
        let line = Data("- {name: padding, type: STRING, description: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'}\n".utf8)
        var data = Data(capacity: 50 << 20)
        while data.count < 50 << 20 { data.append(line) }
        #expect(load(data) == ["specs/bad.yaml:1:1: error: file is 50.0 MB; specs are limited to 8 MB"])
    }

    @Test func tenThousandDeepNesting() {
        let flow = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(load("specgen: 1\nx: \(flow)\n") == ["specs/bad.yaml:2:1: error: nesting deeper than 64 levels"])
        // Block nesting: 1,000 levels already take half a megabyte of indentation.
        let block = (0..<1_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(load(block).first?.contains("error: nesting deeper than 64 levels") == true)
    }

    @Test func nestingJustBelowTheScanLimitStillLoadsSafely() {
        // Deep enough to pass the cheap pre-scan, so the parse itself has to cope.
        let flow = String(repeating: "[", count: 250) + String(repeating: "]", count: 250)
        let found = load("specgen: 1\napi: demo\ntitle: T\nmodule: M\nservers: \(flow)\nendpoints: {}\n")
        #expect(found.contains { $0.contains("error:") })
    }

    @Test func aliasExpansionBomb() {
        var yaml = "specgen: 1\napi: demo\ntitle: T\nmodule: M\nservers: [{url: https://x.example}]\n"
        yaml += "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<12 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(i): &a\(i) [\(refs)]\n"
        }
        yaml += "endpoints:\n  x:\n    method: GET\n    path: /x\n    security: NONE\n    examples:\n      - request: *a11\n"
        let found = load(yaml)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.contains("error:") || $0.contains("warning:") })
    }

    @Test func duplicateKeys() {
        let found = load("specgen: 1\napi: demo\napi: other\n")
        #expect(found == ["specs/bad.yaml:3:1: error: duplicate key 'api' in one mapping (first at line 2)"])
    }

    @Test func wrongTypesEverywhere() {
        let yaml = """
            specgen: one
            api: [demo]
            title: {a: b}
            module: 7
            servers: hello
            enums: [1, 2]
            models: {M: {fields: 3}}
            endpoints:
              e: 12
            """
        let found = load(yaml)
        #expect(found.filter { $0.contains(": error: ") }.count == 8)
        #expect(found.allSatisfy { $0.hasPrefix("specs/bad.yaml:") })
        #expect(found.contains("specs/bad.yaml:1:10: error: 'specgen' in the spec must be a whole number, found 'one'"))
        #expect(found.contains("specs/bad.yaml:9:6: error: endpoint 'e' must be a mapping, found '12'"))
    }

    @Test func topLevelIsNotAMapping() {
        #expect(load("- a\n- b\n") == ["specs/bad.yaml:1:1: error: the spec must be a mapping, found a list"])
        #expect(load("just text\n") == ["specs/bad.yaml:1:1: error: the spec must be a mapping, found 'just text'"])
    }

    @Test func missingFile() {
        let found = SpecLoader.load(path: "/nonexistent/spec.yaml").diagnostics
        #expect(found.count == 1)
        #expect(found.first?.location.line == 1)
    }
}
