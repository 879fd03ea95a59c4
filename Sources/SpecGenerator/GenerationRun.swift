import Foundation
import SpecModel

/// One `specgen generate`: load every spec, render every file in memory, then write (or check). Nothing is written
/// unless every spec loads and renders, so a failed run leaves the output directory exactly as it was.
public struct GenerationRun {
    public var specPaths: [String]
    public var output: String
    public var templates: TemplateSet
    /// Write files straight into `output` instead of `output/<Module>/` (one spec; the build plugin's layout).
    public var flat: Bool

    public init(specPaths: [String], output: String, templates: TemplateSet, flat: Bool = false) {
        self.specPaths = specPaths
        self.output = output
        self.templates = templates
        self.flat = flat
    }

    public struct Outcome {
        /// Every error found in the specs or while rendering; non-empty means nothing was written.
        public var errors: [String] = []
        public var plan = OutputWriter.Plan()
        public var fileCount = 0
    }

    /// Loads and renders; on success returns the plan against `output` without writing anything.
    public func prepare() -> Outcome {
        var outcome = Outcome()
        if flat, specPaths.count != 1 { outcome.errors.append("error: --flat takes exactly one spec") }
        var files: [GeneratedFile] = []
        for path in specPaths {
            let result = SpecLoader.load(path: path)
            outcome.errors += result.diagnostics.filter { $0.severity == .error }.map(\.description)
            guard let spec = result.spec, !result.hasErrors else { continue }
            // The build plugin's layout holds the Swift sources only: a build has no use for the DocC page.
            let kinds = flat ? ModuleFile.swiftSources : ModuleFile.allCases
            do { files += try Generator.files(for: spec, templates: templates, only: kinds, everyFile: flat) } catch { outcome.errors.append("\(error)") }
        }
        guard outcome.errors.isEmpty else { return outcome }
        var modules = Set(files.map { String($0.path.split(separator: "/")[0]) }).sorted()
        if flat {
            files = files.map { GeneratedFile(path: String($0.path.split(separator: "/").last!), contents: $0.contents) }
            modules = []
        }
        outcome.plan = OutputWriter(root: output).plan(files, modules: modules)
        outcome.fileCount = files.count
        return outcome
    }

    /// Prepares and, when everything rendered, writes the changed files.
    public func run() throws -> Outcome {
        let outcome = prepare()
        if outcome.errors.isEmpty { try OutputWriter(root: output).apply(outcome.plan) }
        return outcome
    }
}
