import Foundation
import SpecModel

/// `specgen generate` as a value: the options and what a run prints. Shared by the `specgen` command and the
/// plugins' minimal `specgen-generate` executable, so both behave the same.
public struct GenerateCommand: Sendable {
    /// Spec files; empty means every spec under `specs/`.
    public var specs: [String] = []
    public var output = "Generated"
    /// A directory of `.mustache` files overriding the built-in templates file by file.
    public var templates: String?
    /// Write nothing; list stale files and fail if any.
    public var check = false
    /// Print errors only.
    public var quiet = false
    /// Write one spec's files straight into `output` (the build plugin's layout).
    public var flat = false

    public init() {}

    /// Runs the generation, printing to standard output and errors to standard error; `false` means failure.
    public func run() -> Bool {
        let paths = specs.isEmpty ? SpecFiles.all(under: "specs") : specs
        guard !paths.isEmpty else { return fail("no specs given and none found in specs/") }
        let generation = GenerationRun(specPaths: paths, output: output, templates: try TemplateSet.load(overrides: templates), flat: flat)
        let outcome: GenerationRun.Outcome
        do { outcome = check ? generation.prepare() : try generation.run() } catch {
            return fail("cannot write \(output)/: \(error)")
        }
        guard outcome.errors.isEmpty else {
            outcome.errors.forEach(Self.printError)
            return fail("generation failed; \(output)/ was left as it was")
        }
        let plan = outcome.plan
        if check {
            plan.changed.forEach { print("stale: \(output)/\($0.path)") }
            plan.removed.forEach { print("extra: \(output)/\($0)") }
            guard plan.isUpToDate else { return fail("\(output)/ is out of date; run `swift run specgen generate`") }
            if !quiet { print("\(output)/ is up to date (\(outcome.fileCount) files)") }
            return true
        }
        if !quiet {
            plan.changed.forEach { print("wrote \(output)/\($0.path)") }
            plan.removed.forEach { print("removed \(output)/\($0)") }
            print("\(plan.changed.count) changed, \(plan.unchanged.count) unchanged, \(plan.removed.count) removed")
        }
        return true
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    private func fail(_ message: String) -> Bool {
        Self.printError("error: \(message)")
        return false
    }
}
