import ArgumentParser
import SpecGenerator

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate Swift clients from specs into Generated/<Module>/.",
        discussion:
            "Writes only changed files; a run that fails leaves the output as it was. With --check nothing is written: stale files are listed and the exit code is 1.")

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
        var command = GenerateCommand()
        command.specs = specs
        command.output = output
        command.templates = templates
        command.check = check
        command.quiet = quiet
        command.flat = flat
        guard command.run() else { throw ExitCode.failure }
    }
}
