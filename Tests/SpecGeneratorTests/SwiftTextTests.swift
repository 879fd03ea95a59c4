import Testing

@testable import SpecGenerator

@Suite("Doc comment text")
struct SwiftTextTests {
    @Test(
        "list markers are recognised as Markdown writes them",
        arguments: [
            ("- item", 2), ("* item", 2), ("1. first", 3), ("12. twelfth", 4), ("-item", 0), ("1.5 units", 0), ("1.", 0), ("", 0),
            ("text - not a list", 0), ("+ plus is not used by the specs", 0),
        ])
    func listMarker(text: String, length: Int) {
        #expect(SwiftText.listMarkerLength(text) == length)
    }

    @Test("trimming removes spaces, tabs and line breaks at both ends only")
    func trims() {
        #expect(SwiftText.trimmed("  \t a  b \n") == "a  b")
        #expect(SwiftText.trimmed(" \u{2028}\r\n ") == "")
        #expect(SwiftText.trimmed("") == "")
        #expect(SwiftText.trimmed("x") == "x")
    }

    @Test("a list item's continuation lines are indented under its text")
    func wrapsListItems() {
        let words = Array(repeating: "word", count: 30).joined(separator: " ")
        let lines = SwiftText.wrap("10. " + words, width: 40)
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    word") })
        #expect(lines.allSatisfy { $0.count <= 40 })
    }
}
