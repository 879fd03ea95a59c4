import Foundation
import SpecModel

/// One generated source file, relative to the output directory (`BinanceSpot/Enums.swift`).
public struct GeneratedFile: Hashable, Sendable {
    public let path: String
    public let contents: String
}

/// Spec → Swift source files. Pure: nothing is written here.
public enum Generator {
    /// The files of the module generated from `spec`, in a fixed order with fixed names.
    public static func files(for spec: Spec, templates: TemplateSet) throws -> [GeneratedFile] {
        let translator = Translator(spec: spec)
        let contexts: [(String, Any)] = [
            ("Enums", translator.enums()),
            ("Models", translator.models()),
            ("Requests", try translator.requests()),
            ("Client", translator.client()),
            ("Errors", translator.errors()),
        ]
        return contexts.map { name, context in
            let text = templates.render(context, template: name)
            return GeneratedFile(path: "\(spec.module.value)/\(name).swift", contents: tidy(text))
        }
    }

    /// Trailing spaces removed, runs of blank lines collapsed, exactly one final newline.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.reversed().drop(while: { $0 == " " || $0 == "\t" })
            let clean = Substring(String(trimmed.reversed()))
            if clean.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(clean)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
