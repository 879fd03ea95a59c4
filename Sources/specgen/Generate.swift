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

    func run() throws {
        let paths = specs.isEmpty ? SpecFiles.all(under: "specs") : specs
        guard !paths.isEmpty else { throw ValidationError("no specs given and none found in specs/") }
        let templateSet: TemplateSet
        do { templateSet = try TemplateSet.load(overrides: templates) } catch { fail("\(error)") }

        var files: [GeneratedFile] = []
        var failed = false
        for path in paths {
            let result = SpecLoader.load(path: path)
            for diagnostic in result.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
            guard let spec = result.spec, !result.hasErrors else {
                failed = true
                continue
            }
            do { files += try Generator.files(for: spec, templates: templateSet) } catch {
                printError("\(error)")
                failed = true
            }
        }
        if failed { fail("generation failed; \(output)/ was left as it was") }

        let writer = OutputWriter(root: output)
        let modules = Array(Set(files.map { String($0.path.split(separator: "/")[0]) })).sorted()
        let plan = writer.plan(files, modules: modules)
        if check {
            for file in plan.changed { print("stale: \(output)/\(file.path)") }
            for path in plan.removed { print("extra: \(output)/\(path)") }
            if !plan.isUpToDate {
                printError("\(output)/ is out of date; run `swift run specgen generate`")
                throw ExitCode.failure
            }
            if !quiet { print("\(output)/ is up to date (\(files.count) files)") }
            return
        }
        do { try writer.apply(plan) } catch { fail("cannot write \(output)/: \(error)") }
        if !quiet {
            for file in plan.changed { print("wrote \(output)/\(file.path)") }
            for path in plan.removed { print("removed \(output)/\(path)") }
            print("\(plan.changed.count) changed, \(plan.unchanged.count) unchanged, \(plan.removed.count) removed")
        }
    }

    func printError(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    func fail(_ message: String) -> Never {
        printError("error: \(message)")
        Generate.exit(withError: ExitCode.failure)
    }
}
