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

    /// The wrap written plainly, recounting each line as it grows: what `wrap` must equal.
    static func plainWrap(_ text: String, width: Int) -> [String] {
        let indent = String(repeating: " ", count: SwiftText.listMarkerLength(text))
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = indent + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    @Test("wrapping counts characters, not bytes, and equals the plain recounting wrap")
    func wrapMatchesPlainWrap() {
        let words = ["a", "order", "é", "e\u{301}", "🇯🇵", "👩‍💻", "-", "12.", "", "averyveryverylongwordthatdoesnotfitonaline", "x", "\r\n", "a\nb"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let width = Int.random(in: 1...30, using: &generator)
            #expect(SwiftText.wrap(text, width: width) == Self.plainWrap(text, width: width), "\(text) at \(width)")
        }
        #expect(SwiftText.wrap("é é é", width: 3) == ["é é", "é"])
    }

    @Test("splitting plain ASCII by bytes equals splitting by characters")
    func splitsAsCharactersDo() {
        let texts = ["", "a", "a b", "  a  b  ", "a\n\nb\n", "é b", "a \u{301}b", "x\r\ny", "\n"]
        for text in texts {
            for separator: Character in [" ", "\n"] {
                for omitting in [true, false] {
                    let pieces = SwiftText.split(text, at: separator, omittingEmpty: omitting, plain: SwiftText.isPlainASCII(text))
                    #expect(pieces == text.split(separator: separator, omittingEmptySubsequences: omitting))
                }
            }
        }
    }
}
