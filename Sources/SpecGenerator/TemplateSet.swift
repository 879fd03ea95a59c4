import Foundation
import Mustache

/// The mustache templates, found without being told: `--templates DIR` overrides them file by file; otherwise
/// `$SPECGEN_TEMPLATES`, the `templates/` folder of the SpecGen checkout this binary was built from, or
/// `./templates`.
public struct TemplateSet: Sendable {
    /// The fixed templates; each renders one file of a generated module.
    public static let names = ["Enums", "Models", "Requests", "Client", "Errors", "Schemas"]

    let library: MustacheLibrary
    /// Where each template came from, for messages.
    public let sources: [String: String]

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Loads the default templates, with `overrides` (a directory) replacing any of them by file name.
    public static func load(overrides: String? = nil) throws -> TemplateSet {
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        let base = defaultDirectory()
        for name in names {
            let candidates = [overrides, base].compactMap { $0 }.map { ($0 as NSString).appendingPathComponent("\(name).mustache") }
            guard let path = candidates.first(where: FileManager.default.fileExists(atPath:)) else {
                throw LoadError(description: "template '\(name).mustache' not found (looked in: \(candidates.map { ($0 as NSString).deletingLastPathComponent }.joined(separator: ", ")))")
            }
            let text = try String(contentsOfFile: path, encoding: .utf8)
            do {
                try library.register(text, named: name)
            } catch {
                throw LoadError(description: "\(path): cannot parse template: \(error)")
            }
            sources[name] = path
        }
        if let overrides, !FileManager.default.fileExists(atPath: overrides) {
            throw LoadError(description: "templates directory '\(overrides)' does not exist")
        }
        return TemplateSet(library: library, sources: sources)
    }

    static func defaultDirectory() -> String? {
        if let env = ProcessInfo.processInfo.environment["SPECGEN_TEMPLATES"] { return env }
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates").path
        if FileManager.default.fileExists(atPath: checkout) { return checkout }
        return FileManager.default.fileExists(atPath: "templates") ? "templates" : nil
    }

    func render(_ context: Any, template name: String) -> String {
        library.render(RenderValue.convert(context), withTemplate: name) ?? ""
    }
}
