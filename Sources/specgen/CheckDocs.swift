import ArgumentParser
import Foundation
import SpecDocs
import SpecModel

struct CheckDocs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-docs",
        abstract: "Read API docs (Markdown or HTML) and report what the spec is missing or states differently.",
        discussion: """
            Endpoints are matched by method and path; parameters, types, mandatory flags, enum values, error codes and \
            JSON examples are compared. Differences covered by the spec's errata (matched by their `at` path) are not \
            reported. Findings point at the docs' line, with the spec's place as a note.
            """)

    enum FailOn: String, ExpressibleByArgument { case finding, none }

    @Argument(help: "Documents to read (.md, .html).")
    var documents: [String]

    @Option(help: "The spec to check.")
    var spec: String

    @Option(help: "Output format: text, markdown or json.")
    var format: DocCheckFormat = .text

    @Option(help: ArgumentHelp("Exit with status 1 when there is a finding (finding) or never (none).", valueName: "finding|none"))
    var failOn: FailOn = .finding

    func run() throws {
        let loaded = SpecLoader.load(path: spec)
        guard let specValue = loaded.spec else {
            for d in loaded.diagnostics { FileHandle.standardError.write(Data("\(d)\n".utf8)) }
            throw ExitCode.failure
        }
        if loaded.hasErrors {
            let n = loaded.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("\(spec): warning: the spec has \(n) lint error\(n == 1 ? "" : "s") (see specgen lint); checking anyway\n".utf8))
        }
        let docs: DocModel
        do { docs = try DocReader.read(paths: documents) } catch {
            FileHandle.standardError.write(Data("\(error.file): error: \(error.reason)\n".utf8))
            throw ExitCode.failure
        }
        let result = DocCheck.run(docs, spec: specValue)
        print(result.rendered(as: format), terminator: "")
        if failOn == .finding, !result.findings.isEmpty { throw ExitCode.failure }
    }
}

extension DocCheckFormat: ExpressibleByArgument {}
