import ArgumentParser
import Foundation
import SpecModel
import SpecTraffic

struct CheckTraffic: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-traffic",
        abstract: "Compare recorded responses with the spec and report what the docs forgot to say.",
        discussion: """
            Inputs are JSON Lines as RecordingTransport's ExchangeJournal writes them (one exchange per line) or HAR \
            files exported by a browser or proxy. Each request is matched to an endpoint by method and path; each \
            2XX response is compared with the endpoint's response type (the variant its parameters select, or the \
            best fit): unknown and missing fields, enum values the spec lacks, other JSON types, and endpoints the \
            spec lacks. Levels: a difference that fails the generated decoder is breaking; one it survives is a \
            warning (unknown enum values, decimals as numbers, unknown endpoints) or info (unknown fields).
            """)

    @Argument(help: "Recorded traffic: .jsonl files or .har files.")
    var inputs: [String]

    @Option(help: "The spec to check against.")
    var spec: String

    @Option(help: "Output format: text, markdown or json.")
    var format: DiffFormat = .text

    @Option(help: ArgumentHelp("Exit with status 1 when a finding is at this level or above: breaking, warning or info.", valueName: "level"))
    var failOn: DiffLevel?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one recorded traffic file") }
    }

    func run() throws {
        let loaded = SpecLoader.load(path: spec)
        guard let specValue = loaded.spec, !loaded.hasErrors else {
            for d in loaded.diagnostics where d.severity == .error { FileHandle.standardError.write(Data("\(d)\n".utf8)) }
            throw ExitCode.failure
        }
        var exchanges: [RecordedExchange] = []
        var failed = false
        for input in inputs {
            do { exchanges += try TrafficReader.read(path: input) } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
        let report = TrafficCheck.run(exchanges, spec: specValue)
        print(report.rendered(as: format), terminator: "")
        if let failOn, report.hasFindings(atLeast: failOn) { throw ExitCode.failure }
    }
}
