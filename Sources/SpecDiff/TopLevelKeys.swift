import Foundation
import SpecModel

/// Where the top-level keys of a spec file are (`errorFormat:` on line 93), for sections the model keeps no
/// location for. Found by a line scan: top-level keys of a block mapping start at column 1.
struct TopLevelKeys {
    private var lines: [String: Int] = [:]
    let file: String

    init(text: String?, file: String) {
        self.file = file
        guard let text else { return }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let first = line.first, first != " ", first != "#", first != "-", let colon = line.firstIndex(of: ":") else { continue }
            var key = line[..<colon].trimmingCharacters(in: .whitespaces)
            if key.count >= 2, let q = key.first, q == "\"" || q == "'", key.last == q { key = String(key.dropFirst().dropLast()) }
            if lines[key] == nil { lines[key] = index + 1 }
        }
    }

    /// The key's line, or the top of the file.
    func location(of key: String) -> SourceLocation {
        SourceLocation(file: file, line: lines[key] ?? 1, column: 1)
    }
}
