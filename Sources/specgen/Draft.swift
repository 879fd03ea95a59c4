import ArgumentParser
import Foundation
import SpecDocs
import SpecModel

struct Draft: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a first spec from API docs (Markdown or HTML), with # TODO where a person must decide.",
        discussion: """
            Every endpoint and parameter table the docs show is transcribed, with the enums, error codes and JSON \
            examples found. Security levels, response models, rules and the base URL are left as TODOs. The result \
            loads with `specgen lint`; its warnings point at what is still open.
            """)

    @Argument(help: "Documents to read (.md, .html).")
    var documents: [String]

    @Option(name: .shortAndLong, help: "Write the spec here instead of to standard output.")
    var output: String?

    func run() throws {
        let docs: DocModel
        do { docs = try DocReader.read(paths: documents) } catch {
            FileHandle.standardError.write(Data("\(error.file): error: \(error.reason)\n".utf8))
            throw ExitCode.failure
        }
        let yaml = SpecDrafter.draft(docs)
        if let output {
            try yaml.write(toFile: output, atomically: true, encoding: .utf8)
            let found = "\(docs.endpoints.count) endpoints, \(docs.enums.count) enum lists, \(docs.errors.count) error codes"
            FileHandle.standardError.write(Data("wrote \(output): \(found)\n".utf8))
        } else {
            print(yaml, terminator: "")
        }
    }
}
