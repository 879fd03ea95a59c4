import Foundation
import SpecModel

/// Reads documents into one `DocModel`: `.html`/`.htm` files (or text starting with `<`) through libxml2, everything
/// else as Markdown.
public enum DocReader {
    /// An unreadable document.
    public struct ReadError: Error, CustomStringConvertible {
        public var file: String
        public var reason: String
        public var description: String { "\(file): \(reason)" }
    }

    /// Reads the files at `paths` (shown in findings as given).
    public static func read(paths: [String]) throws(ReadError) -> DocModel {
        var documents: [(String, String)] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw ReadError(file: path, reason: "cannot read the file") }
            documents.append((path, String(decoding: data, as: UTF8.self)))
        }
        return read(documents: documents)
    }

    /// Reads documents given as (file name, text) pairs.
    public static func read(documents: [(file: String, text: String)]) -> DocModel {
        var model = DocModel()
        for (file, text) in documents {
            let (blocks, title) = isHTML(file: file, text: text) ? HTMLReader.read(text, file: file) : MarkdownReader.read(text, file: file)
            model.files.append(file)
            if model.title == nil { model.title = title }
            model = DocExtractor.extract(blocks, into: model)
        }
        return model
    }

    static func isHTML(file: String, text: String) -> Bool {
        let lower = file.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return true }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return false }
        return text.drop { $0.isWhitespace }.hasPrefix("<")
    }
}
