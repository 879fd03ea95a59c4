import ArgumentParser
import Foundation
import SpecExport
import SpecModel

/// `specgen export openapi`: writes a spec as an OpenAPI 3.1 document.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a spec in another format.",
        subcommands: [OpenAPI.self])

    struct OpenAPI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi",
            abstract: "Write a spec as OpenAPI 3.1 YAML; what OpenAPI cannot say is kept in x- extensions.")

        @Argument(help: "The spec file.")
        var spec: String

        @Option(name: .shortAndLong, help: "Output file (default: standard output).")
        var output: String?

        func run() throws {
            let result = SpecLoader.load(path: spec)
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            }
            guard let loaded = result.spec, !result.hasErrors else { throw ExitCode.failure }
            let text = try OpenAPIExporter(spec: loaded).yaml()
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
