import ArgumentParser
import Foundation
import SpecModel

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check specs and print every problem, compiler-style.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Argument(help: "Spec files (default: every .yaml file under specs/).")
    var files: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let paths = files.isEmpty ? SpecFiles.all(under: "specs", recursive: true) : files
        guard !paths.isEmpty else { throw ValidationError("no spec files given and none found under specs/") }
        var diagnostics: [Diagnostic] = []
        for path in paths { diagnostics += SpecLoader.load(path: path).lintDiagnostics }
        switch format {
        case .text:
            for d in diagnostics { FileHandle.standardError.write(Data("\(d)\n".utf8)) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            print("\(paths.count) spec\(paths.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(diagnostics), as: UTF8.self))
        }
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) { throw ExitCode.failure }
    }
}
