import Foundation
import Mustache

/// The mustache templates. The built-in ones are compiled into the binary (`Templates/`), so `specgen` works
/// wherever it is copied; `--templates DIR`, then `$SPECGEN_TEMPLATES`, override them file by file.
public struct TemplateSet: Sendable {
    /// Every template: one per `ModuleFile`, then the partials they share; each can be overridden.
    public static let names = ModuleFile.allCases.map(\.rawValue) + BuiltInTemplates.partials.keys.sorted()
    /// The built-in templates' text by name: the starting point for an override.
    public static var builtIn: [String: String] { BuiltInTemplates.byName }

    let library: MustacheLibrary
    /// Where each template came from, for messages: a file path, or `built-in`.
    public let sources: [String: String]

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Loads the templates: a file in `overrides`, else in `$SPECGEN_TEMPLATES`, else the built-in one.
    public static func load(overrides: String? = nil) throws -> TemplateSet {
        let environment = ProcessInfo.processInfo.environment["SPECGEN_TEMPLATES"].flatMap { $0.isEmpty ? nil : $0 }
        let directories = [("templates directory", overrides), ("SPECGEN_TEMPLATES directory", environment)]
            .compactMap { label, path in path.map { (label, $0) } }
        for (label, path) in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LoadError(description: "\(label) '\(path)' does not exist")
            }
        }
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for name in names {
            let files = directories.map { ($0.1 as NSString).appendingPathComponent("\(name).mustache") }
            let text: String
            if let path = files.first(where: FileManager.default.fileExists(atPath:)) {
                text = try String(contentsOfFile: path, encoding: .utf8)
                sources[name] = path
            } else if let builtIn = BuiltInTemplates.byName[name] {
                text = builtIn
                sources[name] = "built-in"
            } else {
                throw LoadError(description: "template '\(name).mustache' is neither built in nor in \(files)")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw LoadError(description: "\(sources[name] ?? name): cannot parse template \(name): \(error)")
            }
        }
        return TemplateSet(library: library, sources: sources)
    }

    func render(_ context: some Encodable, template name: String) -> String {
        render(converted: RenderValue.convert(context), template: name)
    }

    /// Renders a context already made of dictionaries and arrays (or any `MustacheParent`).
    func render(converted context: Any, template name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
