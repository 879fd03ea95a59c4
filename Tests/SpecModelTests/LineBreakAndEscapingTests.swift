import Foundation
import Testing

@testable import SpecModel

/// Issue 14: positions agree with libyaml's line breaks, and no value quoted in a diagnostic can forge a line or
/// reach the terminal as a control sequence.
@Suite struct LineBreakTests {
    func load(_ data: Data) -> [String] {
        SpecLoader.load(data: data, file: "specs/bad.yaml").diagnostics.map(\.description)
    }

    func load(_ text: String) -> [String] { load(Data(text.utf8)) }

    static let breaks = ["LF": "\n", "CR": "\r", "CRLF": "\r\n", "NEL": "\u{85}", "LS": "\u{2028}", "PS": "\u{2029}"]

    /// The fuzzer's smallest crash: a duplicate key in a file whose lines end in CR (and its CRLF twin).
    @Test func duplicateKeyWithCRLineEndingsDoesNotCrash() {
        let expected = ["specs/bad.yaml:3:3: error: duplicate key 'AvgPrice' in one mapping (first at line 2)"]
        #expect(load("\r  AvgPrice:\r  AvgPrice:") == expected)
        #expect(load("\r\n  AvgPrice:\r\n  AvgPrice:") == expected)
    }

    @Test(arguments: ["LF", "CR", "CRLF", "NEL", "LS", "PS"])
    func duplicateKeyIsFoundOnItsLine(_ name: String) throws {
        let br = try #require(Self.breaks[name])
        let text = ["specgen: 1", "api: demo", "title: T", "api: again", ""].joined(separator: br)
        #expect(load(text) == ["specs/bad.yaml:4:1: error: duplicate key 'api' in one mapping (first at line 2)"])
    }

    /// A line break inside an earlier quoted value moves every later line, as libyaml counts them.
    @Test(arguments: ["NEL", "LS", "PS", "CR"])
    func breakInsideAnEarlierValueCountsAsALine(_ name: String) throws {
        let br = try #require(Self.breaks[name])
        let text = "specgen: 1\ntitle: \"one\(br)two\"\napi: demo\napi: again\n"
        #expect(load(text) == ["specs/bad.yaml:5:1: error: duplicate key 'api' in one mapping (first at line 4)"])
    }

    @Test func invalidUTF8AndNULAreFoundOnCRLines() {
        var bytes = Array("specgen: 1\rapi: d".utf8)
        bytes += [0xC3, 0x28]
        #expect(load(Data(bytes)) == ["specs/bad.yaml:2:7: error: file is not valid UTF-8 text"])
        #expect(load("specgen: 1\r\n\u{2028}x\0") == ["specs/bad.yaml:3:2: error: file contains NUL bytes; is it a binary file?"])
    }

    @Test func deepIndentationIsFoundOnCRLines() {
        let text = "specgen: 1\rx:\r" + String(repeating: " ", count: 600) + "y: 1\r"
        #expect(load(text) == ["specs/bad.yaml:3:1: error: nesting deeper than 64 levels"])
    }

    @Test func lineIndexAgreesWithLibyaml() {
        let index = LineIndex("a\rb\r\nc\nd\u{85}é\u{2028}f\u{2029}")
        #expect(index.lineCount == 7)
        #expect((1...7).map(index.lineText) == ["a", "b", "c", "d", "é", "f", ""])
        // Columns count Unicode scalars: "é" is two bytes, one column.
        let offsetOfF = "a\rb\r\nc\nd\u{85}é\u{2028}".utf8.count
        #expect(index.location(ofByteOffset: offsetOfF, file: "x") == SourceLocation(file: "x", line: 6, column: 1))
        #expect(index.location(ofByteOffset: offsetOfF - 3, file: "x") == SourceLocation(file: "x", line: 5, column: 2))
        #expect(index.location(ofByteOffset: 1_000, file: "x").line == 7)
    }
}

@Suite struct EscapingTests {
    static let hostile: [(raw: String, shown: String)] = [
        ("a\nspecs/x.yaml:1:1: error: forged", #"a\nspecs/x.yaml:1:1: error: forged"#),
        ("cr\rreturn", #"cr\rreturn"#),
        ("tab\there", #"tab\there"#),
        ("\u{1B}[31mred\u{1B}[0m", #"\u{1B}[31mred\u{1B}[0m"#),
        ("\u{1B}]0;title\u{07}", #"\u{1B}]0;title\u{7}"#),
        ("csi\u{9B}2J", #"csi\u{9B}2J"#),
        ("nel\u{85}ls\u{2028}ps\u{2029}", #"nel\u{85}ls\u{2028}ps\u{2029}"#),
        ("bidi\u{202E}txt.exe\u{2066}", #"bidi\u{202E}txt.exe\u{2066}"#),
        ("nul\0del\u{7F}", #"nul\u{0}del\u{7F}"#),
        ("plain ünïcödé and emoji 👍", "plain ünïcödé and emoji 👍"),
    ]

    @Test func escapedShowsEveryControlVisibly() {
        for (raw, shown) in Self.hostile { #expect(Diagnostic.escaped(raw) == shown) }
    }

    /// A key holding a newline and an ANSI escape: one diagnostic, one line, nothing raw.
    @Test func hostileKeyCannotForgeALineOrColourTheTerminal() {
        let yaml = "specgen: 1\n\"x\\nspecs/demo.yaml:1:1: error: forged \\e[31m\": 1\n"
        let found = SpecLoader.load(yaml: yaml, file: "specs/demo.yaml").diagnostics.map(\.description)
        let unknown = found.filter { $0.contains("unknown key") }
        #expect(unknown == [#"specs/demo.yaml:2:1: error: unknown key 'x\nspecs/demo.yaml:1:1: error: forged \u{1B}[31m' in the spec"#])
        #expect(found.allSatisfy { !$0.unicodeScalars.contains(where: SpecFuzzTests.isRaw) })
    }

    @Test func fileNamesAreEscapedToo() {
        let location = SourceLocation(file: "specs/a\n\u{1B}[2Jb.yaml", line: 1, column: 1)
        #expect(Diagnostic(.error, "m", at: location).description == #"specs/a\n\u{1B}[2Jb.yaml:1:1: error: m"#)
    }

    @Test func decodedDiagnosticsAreEscaped() throws {
        let json = #"{"file": "f", "line": 1, "column": 1, "severity": "error", "message": "a\nb"}"#
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: Data(json.utf8))
        #expect(decoded.description == #"f:1:1: error: a\nb"#)
    }
}
