import ArgumentParser
import Foundation
import SpecGenerator
import SpecModel

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate Swift clients from specs into Generated/<Module>/.",
        discussion: "Writes only changed files; a run that fails leaves the output as it was. With --check nothing is written: stale files are listed and the exit code is 1.")

    @Option(name: .customLong("spec"), help: "A spec file (repeatable; default: every .yaml file in specs/).")
    var specs: [String] = []

    @Option(help: "Output directory.")
    var output = "Generated"

    @Option(help: "A directory of .mustache templates overriding the built-in ones file by file.")
    var templates: String?

    @Flag(help: "Write nothing; list stale files and exit 1 if any.")
    var check = false

    @Flag(name: .shortAndLong, help: "Only print errors.")
    var quiet = false

    @Flag(help: "Write the files of a single spec straight into --output (the build plugin's layout).")
    var flat = false

    func run() throws {
        let paths = specs.isEmpty ? SpecFiles.all(under: "specs") : specs
        guard !paths.isEmpty else { throw ValidationError("no specs given and none found in specs/") }
        let templateSet: TemplateSet
        do { templateSet = try TemplateSet.load(overrides: templates) } catch { return fail("\(error)") }

        let generation = GenerationRun(specPaths: paths, output: output, templates: templateSet, flat: flat)
        let outcome: GenerationRun.Outcome
        do { outcome = check ? generation.prepare() : try generation.run() } catch {
            return fail("cannot write \(output)/: \(error)")
        }
        guard outcome.errors.isEmpty else {
            outcome.errors.forEach(printError)
            return fail("generation failed; \(output)/ was left as it was")
        }
        let plan = outcome.plan
        if check {
            plan.changed.forEach { print("stale: \(output)/\($0.path)") }
            plan.removed.forEach { print("extra: \(output)/\($0)") }
            guard plan.isUpToDate else { return fail("\(output)/ is out of date; run `swift run specgen generate`") }
            if !quiet { print("\(output)/ is up to date (\(outcome.fileCount) files)") }
            return
        }
        if !quiet {
            plan.changed.forEach { print("wrote \(output)/\($0.path)") }
            plan.removed.forEach { print("removed \(output)/\($0)") }
            print("\(plan.changed.count) changed, \(plan.unchanged.count) unchanged, \(plan.removed.count) removed")
        }
    }

    func printError(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    func fail(_ message: String) {
        printError("error: \(message)")
        Generate.exit(withError: ExitCode.failure)
    }
}
