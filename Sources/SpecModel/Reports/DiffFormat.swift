/// How a report is printed.
public enum DiffFormat: String, Sendable, CaseIterable {
    /// Compiler-style lines, the Swift effect indented below, and a summary line.
    case text
    /// A table per level, ready to paste as a pull-request comment.
    case markdown
    /// The stable JSON schema documented in docs/diff-rules.md.
    case json
}
