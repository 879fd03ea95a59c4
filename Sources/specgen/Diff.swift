import ArgumentParser
import Foundation
import SpecDiff
import SpecModel

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions of a spec, and what it breaks.",
        discussion: """
            Each side is a file path or a git revision and path (main:specs/binance-spot.yaml, read with git show).
            With --base REV, every spec under specs/ that changed since REV is compared with the working file;
            added and removed spec files are reported too. Rules and levels: docs/diff-rules.md.
            """)

    @Argument(help: "OLD and NEW specs; with --base, optional spec paths to limit the comparison to.")
    var specs: [String] = []

    @Option(help: ArgumentHelp("Compare every changed spec under specs/ with its version at this git revision.", valueName: "rev"))
    var base: String?

    @Option(help: "Output format: text, markdown or json.")
    var format: DiffFormat = .text

    @Option(help: ArgumentHelp("Exit with status 1 when a finding is at this level or above: breaking, warning or info.", valueName: "level"))
    var failOn: DiffLevel?

    @Option(help: ArgumentHelp("Leave out findings below this level.", valueName: "level"))
    var minLevel: DiffLevel = .info

    func validate() throws {
        if base == nil, specs.count != 2 { throw ValidationError("give OLD and NEW, or --base REV") }
    }

    func run() throws {
        let report: DiffReport
        do {
            if let base {
                report = try DiffRunner.compareChanged(since: base, only: specs)
            } else {
                report = try DiffRunner.compare(SpecInput.parse(specs[0]), SpecInput.parse(specs[1]))
            }
        } catch {
            if let partial = error.report, !partial.comparisons.isEmpty {
                print(partial.keeping(atLeast: minLevel).rendered(as: format), terminator: "")
            }
            for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
            throw ExitCode.failure
        }
        print(report.keeping(atLeast: minLevel).rendered(as: format), terminator: "")
        if let failOn, report.hasFindings(atLeast: failOn) { throw ExitCode.failure }
    }
}

extension DiffFormat: ExpressibleByArgument {}
extension DiffLevel: ExpressibleByArgument {}
