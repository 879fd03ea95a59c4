import Foundation
import Testing
import Yams

@testable import SpecModel

/// The loader's own composer over libyaml's events: what Yams' composer gave the readers, and every duplicate key.
@Suite struct YAMLComposerTests {
    func compose(_ text: String) -> (root: Node?, messages: [String]) {
        let (root, diagnostics) = YAMLComposer.compose(text, file: "f.yaml")
        return (root, diagnostics.map(\.description))
    }

    /// `Mark` is built by layout (its initializer is internal to Yams): line and column must land where they belong.
    @Test func marksCarryLineAndColumn() throws {
        let root = try #require(compose("a:\n  bb:\n    - x\n").root)
        #expect(root.mark?.line == 1 && root.mark?.column == 1)
        let inner = try #require(root["a"]?["bb"])
        #expect(inner.mark?.line == 3 && inner.mark?.column == 5)
        let item = try #require(inner.sequence?.first)
        #expect(item.mark?.line == 3 && item.mark?.column == 7)
        #expect(MemoryLayout<Mark>.size == 2 * MemoryLayout<Int>.size)
    }

    @Test func everyDuplicateKeyIsReportedWhereItsSecondCopyIs() {
        let (root, messages) = compose("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
        #expect(root == nil)
        #expect(
            messages == [
                "f.yaml:4:3: error: duplicate key 'c' in one mapping (first at line 3)",
                "f.yaml:5:1: error: duplicate key 'a' in one mapping (first at line 1)",
            ])
    }

    /// A mapping of more than 16 keys looks keys up in a dictionary: duplicates before and after it is built.
    @Test func duplicatesInALargeMapping() {
        let keys = (1...40).map { "k\($0): \($0)" }
        let text = (keys[0..<10] + ["k3: again"] + keys[10...] + ["k30: again", "k1: third"]).joined(separator: "\n") + "\n"
        #expect(
            compose(text).messages == [
                "f.yaml:11:1: error: duplicate key 'k3' in one mapping (first at line 3)",
                "f.yaml:42:1: error: duplicate key 'k30' in one mapping (first at line 31)",
                "f.yaml:43:1: error: duplicate key 'k1' in one mapping (first at line 1)",
            ])
        #expect(compose(keys.joined(separator: "\n")).root?.mapping?.count == 40)
    }

    @Test func onlyPlainYAML11BooleansAreBool() throws {
        let root = try #require(compose("a: yes\nb: \"yes\"\nc: !!str yes\nd: Off\ne: yess\n").root)
        #expect(root["a"]?.bool == true)
        #expect(root["b"]?.bool == nil)
        #expect(root["c"]?.bool == nil)
        #expect(root["d"]?.bool == false)
        #expect(root["e"]?.bool == nil)
        #expect(root["b"]?.string == "yes")
        #expect(root["b"]?.scalar?.style == .doubleQuoted)
    }

    @Test func aliasesRepeatTheAnchoredNode() throws {
        let root = try #require(compose("x: &shared {k: v}\ny: *shared\n").root)
        #expect(root["y"]?["k"]?.string == "v")
        let scalars = try #require(compose("a: &word hello\nb: *word\nc: [&n 1, *n]\n").root)
        #expect(scalars["b"]?.string == "hello")
        #expect(scalars["c"]?.sequence?.map(\.string) == ["1", "1"])
        #expect(compose("y: *missing\n").messages == ["f.yaml:1:4: error: YAML syntax error: found undefined alias"])
    }

    @Test func syntaxErrorsAndSecondDocumentsAreDiagnostics() {
        #expect(compose("a: [1, 2\n").messages.first?.hasPrefix("f.yaml:2:1: error: YAML syntax error: did not find expected ',' or ']'") == true)
        #expect(compose("a: 1\n---\nb: 2\n").messages == ["f.yaml:2:1: error: YAML syntax error: expected a single document in the stream, but found another document"])
        #expect(compose("# only a comment\n").root == nil)
        #expect(compose("# only a comment\n").messages.isEmpty)
    }

    /// The same tree as Yams' own composer (values, resolved tags, styles and positions) for every spec in the
    /// repository and for the YAML forms a spec might use.
    @Test func sameTreeAsYamsComposer() throws {
        let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("specs")
        var texts = try FileManager.default.contentsOfDirectory(atPath: specs.path).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { try String(contentsOf: specs.appendingPathComponent($0), encoding: .utf8) }
        #expect(texts.count >= 4)
        texts += [
            "a: &x {k: [1, 'two', \"three\"]}\nb: *x\nc: !!str yes\nd: |\n  block\n  text\ne: >-\n  folded\n  text\n",
            "- yes\n- No\n- ~\n- null\n- 0x1F\n- 1.5e3\n- ''\n-\n- [a, {b: c}]\n",
            "\r\nkey: value\r\nother:\r\n  - 1\r\n  - on\r\n",
        ]
        for text in texts {
            let ours = try #require(compose(text).root)
            let theirs = try #require(try Yams.compose(yaml: text, YAMLSource.scalarTags))
            #expect(ours == theirs)
            #expect(Array(Self.differences(ours, theirs, at: "").prefix(5)) == [])
        }
    }

    /// Where two trees differ in what `==` does not compare: positions and styles.
    static func differences(_ a: Node, _ b: Node, at path: String) -> [String] {
        var found: [String] = []
        if a.mark?.line != b.mark?.line || a.mark?.column != b.mark?.column {
            found.append("\(path): mark \(String(describing: a.mark)) vs \(String(describing: b.mark))")
        }
        switch (a, b) {
        case let (.scalar(x), .scalar(y)):
            if x.style != y.style { found.append("\(path): style \(x.style) vs \(y.style)") }
        case let (.mapping(x), .mapping(y)):
            for ((ka, va), (kb, vb)) in zip(x, y) {
                found += differences(ka, kb, at: path + "/key")
                found += differences(va, vb, at: path + "/" + (ka.string ?? "?"))
            }
        case let (.sequence(x), .sequence(y)):
            for (index, (ia, ib)) in zip(x, y).enumerated() { found += differences(ia, ib, at: path + "/\(index)") }
        default:
            found.append("\(path): different kinds")
        }
        return found
    }
}
