import Foundation
import SpecDiff
import SpecModel
import Testing

/// Binance's docs change of 2025-06 → 2026-07 (specs/history/binance-spot-2025-06.yaml → specs/binance-spot.yaml):
/// the committed review artefact is what `specgen diff` prints today, and its levels are right for Swift users.
@Suite struct BinanceChangeReportTests {
    static let old = "specs/history/binance-spot-2025-06.yaml"
    static let new = "specs/binance-spot.yaml"
    static let reportPath = "docs/changes/binance-spot-2026-07.md"

    func report() throws -> DiffReport {
        try DiffRunner.compare(.file(Self.old), .file(Self.new), repository: GitRepository(directory: repositoryRoot))
    }

    @Test func committedReportIsCurrent() throws {
        let committed = try String(contentsOfFile: repositoryRoot + "/" + Self.reportPath, encoding: .utf8)
        let current = try report().rendered(as: .markdown)
        #expect(
            committed == current,
            "\(Self.reportPath) is stale; run `swift run specgen diff \(Self.old) \(Self.new) --format markdown > \(Self.reportPath)`")
    }

    @Test func levelsOfThisChange() throws {
        let findings = try report().findings
        func level(_ rule: DiffRule, containing text: String) -> DiffLevel? {
            findings.first { $0.rule == rule && $0.message.contains(text) }?.level
        }
        // The exchangeInfo flag rename breaks Swift code that reads `allowAmend`.
        #expect(level(.responseFieldRemoved, containing: "`allowAmend`") == .breaking)
        // recvWindow became a decimal: the Swift property's type changes.
        #expect(level(.parameterTypeChanged, containing: "`recvWindow`") == .breaking)
        // New endpoints and new optional parameters break nobody.
        #expect(level(.endpointAdded, containing: "`depth`") == .info)
        #expect(level(.parameterAdded, containing: "`pegPriceType`") == .info)
        #expect(!findings.contains { $0.rule == .endpointRemoved })
        // LIMIT gave `price` up to a rule that stands aside for pegged orders: old requests met it already.
        #expect(level(.ruleAddedForNewParameters, containing: "when notSent(pegPriceType) and type=[LIMIT") == .info)
        #expect(!findings.contains { $0.rule == .ruleAdded })
    }
}
