import Foundation
import SpecModel

/// One `specgen generate`: load every spec, render every file in memory, then write (or check). Nothing is written
/// unless every spec loads and renders, so a failed run leaves the output directory exactly as it was.
public struct GenerationRun: Sendable {
    public var specPaths: [String]
    public var output: String
    /// Loads the templates; `prepare` runs it while the specs load.
    public var templates: @Sendable () throws -> TemplateSet
    /// Write files straight into `output` instead of `output/<Module>/` (one spec; the build plugin's layout).
    public var flat: Bool

    public init(
        specPaths: [String], output: String, templates: @escaping @autoclosure @Sendable () throws -> TemplateSet, flat: Bool = false
    ) {
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
        let (templateResult, loaded) = load()
        for result in loaded {
            outcome.errors += result.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
        let templateSet: TemplateSet
        do { templateSet = try templateResult.get() } catch {
            outcome.errors.append("error: \(error)")
            return outcome
        }
        var files: [GeneratedFile] = []
        for result in loaded {
            guard let spec = result.spec, !result.hasErrors else { continue }
            // The build plugin's layout holds the Swift sources only: a build has no use for the DocC page.
            let kinds = flat ? ModuleFile.swiftSources : ModuleFile.allCases
            do { files += try Generator.files(for: spec, templates: templateSet, only: kinds, everyFile: flat) } catch { outcome.errors.append("\(error)") }
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

    /// The templates and every spec, loaded side by side (one per core); the specs in `specPaths` order.
    private func load() -> (Result<TemplateSet, any Error>, [SpecLoader.Result]) {
        let templateSlot = ResultSlots<TemplateSet>(count: 1)
        let specSlots = ResultSlots<SpecLoader.Result>(count: specPaths.count)
        DispatchQueue.concurrentPerform(iterations: specPaths.count + 1) { index in
            if index == specPaths.count {
                templateSlot[0] = Result { try templates() }
            } else {
                specSlots[index] = .success(SpecLoader.load(path: specPaths[index]))
            }
        }
        let loadedTemplates = templateSlot[0] ?? .failure(TemplateSet.LoadError(description: "the templates were not loaded"))
        return (loadedTemplates, (try? specSlots.values()) ?? [])
    }

    /// Prepares and, when everything rendered, writes the changed files.
    public func run() throws -> Outcome {
        let outcome = prepare()
        if outcome.errors.isEmpty { try OutputWriter(root: output).apply(outcome.plan) }
        return outcome
    }
}
