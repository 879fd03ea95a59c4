import SpecModel

/// One block of a document as both readers produce it. Inline text keeps the Markdown conventions the extraction
/// relies on: code as `` `code` ``, strong text as `**text**`, line breaks inside a cell as "\n".
public struct DocBlock: Sendable {
    public enum Kind: Sendable {
        case heading(level: Int, text: String)
        /// A line of running text (paragraphs are kept line by line).
        case text(String)
        case listItem(String)
        case table(DocTable)
        /// A code block; `language` is the fence's info string or the HTML class.
        case code(language: String?, text: String)
        case blank
    }

    public var kind: Kind
    public var at: SourceLocation

    public init(_ kind: Kind, at: SourceLocation) {
        self.kind = kind
        self.at = at
    }
}

/// A table: the header row and the body rows.
public struct DocTable: Sendable {
    public struct Cell: Sendable {
        public var text: String
        public var at: SourceLocation
    }

    public var header: [Cell]
    public var rows: [[Cell]]

    /// Header cells as plain lower-case words ("**Mandatory**" → "mandatory").
    public var headerWords: [String] { header.map { InlineText.plain($0.text).lowercased() } }
}
