import Foundation
import SpecGenerator
import SpecModel
import Testing

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The header every snippet spec shares; the snippet adds enums, models and endpoints.
let snippetHeader = """
    specgen: 1
    api: demo
    title: Demo
    module: Demo
    servers: [{url: https://api.example.com}]
    security:
      NONE: {}
      TRADE: {apiKey: true, signed: true}
    auth:
      apiKey: {header: X-KEY}
      signing: {schemes: [hmacSHA256], signatureParam: signature, payload: queryThenBody}
      timestamp: {param: timestamp}

    """

/// Generates the module for a snippet and returns one of its files.
func generated(_ snippet: String, file: String, templates: TemplateSet? = nil) throws -> String {
    let result = SpecLoader.load(yaml: snippetHeader + snippet, file: "demo.yaml")
    let errors = result.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty, let spec = result.spec else { throw SnippetError(description: errors.map(\.description).joined(separator: "\n")) }
    let files = try Generator.files(for: spec, templates: templates ?? TemplateSet.load())
    return try #require(files.first { $0.path == "Demo/\(file).swift" }).contents
}

/// The declaration that starts with `start` (e.g. `public enum Side`), through its closing brace at column 0.
func declaration(_ start: String, in source: String) -> String {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.firstIndex(where: { $0.hasPrefix(start) }) else { return "<no declaration '\(start)'>" }
    var begin = first
    while begin > 0, lines[begin - 1].hasPrefix("///") { begin -= 1 }
    let end = lines[first...].firstIndex { $0 == "}" } ?? lines.count - 1
    return lines[begin...end].joined(separator: "\n")
}

/// Expects equal text; on a mismatch the message is a line diff, not two walls of text.
func expectSame(_ actual: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(a.count, e.count) {
        let left = i < e.count ? String(e[i]) : nil
        let right = i < a.count ? String(a[i]) : nil
        if left != right {
            if let left { diff.append("- \(left)") }
            if let right { diff.append("+ \(right)") }
        }
    }
    Issue.record("generated code differs (- expected, + actual):\n\(diff.prefix(40).joined(separator: "\n"))", sourceLocation: sourceLocation)
}

struct SnippetError: Error, CustomStringConvertible {
    let description: String
}
