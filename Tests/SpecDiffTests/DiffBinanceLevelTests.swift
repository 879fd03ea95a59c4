import SpecDiff
import SpecModel
import Testing

/// The kinds of change between Binance's 2025-06 and 2026-07 docs (issue 12), each as a minimal edit of the base
/// spec, and the level the change must have for people who use the generated Swift client.
@Suite struct DiffBinanceLevelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let level: DiffLevel
        let edits: [Edit]
        let reverse: Bool

        init(_ name: String, _ level: DiffLevel, _ edits: Edit..., reverse: Bool = false) {
            self.name = name
            self.level = level
            self.edits = edits
            self.reverse = reverse
        }

        var testDescription: String { "\(level.rawValue): \(name)" }
    }

    static let peg = Edit.after("symbol", "      - {name: pegPriceType, type: STRING}")

    static let cases: [Case] = [
        Case("a response field renamed (allowAmend → amendAllowed)", .breaking, .sub("orderId", "name: orderId", "name: amendAllowed")),
        Case("a parameter's type LONG → DECIMAL (recvWindow: Int64 → Decimal)", .breaking, .sub("recvWindow", "LONG", "DECIMAL")),
        Case("a new optional parameter (pegPriceType)", .info, peg),
        Case("a new optional parameter with a rule on it", .info, peg, .after("require", "      - whenPresent: [pegPriceType]\n        require: [price]")),
        Case("a rule that stands aside for a new parameter (price optional when pegged)", .info, peg, .after("require", "        whenAbsent: [pegPriceType]")),
        Case("a new required parameter", .breaking, .after("symbol", "      - {name: pegPriceType, type: STRING, required: true}")),
        Case("a new endpoint", .info, .line("time", "  ping: {method: GET, path: /ping, security: NONE, response: EMPTY}\n  time:")),
        Case("a new enum", .info, .after("Color", "  ExpiryReason: {values: [NONE, REJECTED]}")),
        Case("a new value of an enum sent in requests", .info, .sub("Side", "SELL]", "SELL, BOTH]")),
        Case("a new value of an enum in responses (open enums)", .info, .after("FILLED", "      - EXPIRED_IN_MATCH")),
        Case("a new error code", .info, .after("BAD_SYMBOL", "  - {code: \"-1135\", name: INVALID_JSON}")),
        Case("a new filter type", .info, .after("LOT", "      MAX_ASSET: PriceFilter")),
        Case(
            "a weight that becomes parameter-dependent", .warning, .line("accountWeight", "    weight: 5"), .delete("byParam"), .delete("ranges"), .delete("range"),
            .delete("rangeAbove"), reverse: true),
    ]

    @Test(arguments: cases)
    func level(_ c: Case) throws {
        var edited = baseSpec
        for edit in c.edits { edited = try #require(edit.apply(to: edited), "edit does not apply: \(edit)") }
        let findings = c.reverse ? try diff(edited, baseSpec) : try diff(baseSpec, edited)
        #expect(!findings.isEmpty)
        #expect(findings.map(\.level).max() == c.level, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test("A renamed field reads as one property gone and one added, in Swift names")
    func renameSwiftEffects() throws {
        let edited = try #require(Edit.sub("orderId", "name: orderId", "name: amendAllowed").apply(to: baseSpec))
        let findings = try diff(baseSpec, edited)
        #expect(findings.map(\.rule) == [.responseFieldRemoved, .responseFieldAdded])
        #expect(findings.compactMap(\.swiftEffect) == ["`OrderAck.orderId` is removed", "new property `OrderAck.amendAllowed: Int64`"])
    }
}
