import Foundation
import SpecDocs
import SpecModel
import Testing

/// check-docs on filter definitions and enum groups, with sections cut from Binance's 2026-07 filters.md and
/// enums.md against a small spec whose gaps are deliberate.
@Suite("Docs: filter definitions and enum groups")
struct DocsDefinitionTests {
    let spec = DocsPaths.fixtureSpec("binance-2026-07-cut-spec.yaml")

    /// Findings as "kind line name" for exact comparison.
    func found(_ fixture: String, spec: Spec) throws -> [String] {
        let file = DocsPaths.fixture(fixture)
        let result = DocCheck.run(try DocReader.read(paths: [file]), spec: spec)
        #expect(result.findings.allSatisfy { $0.doc.file == file })
        return result.findings.map { "\($0.kind.rawValue) \($0.doc.line) \($0.subjects.first ?? "")" }
    }

    func line(_ text: String, _ fixture: String) -> Int { DocsPaths.line(of: text, in: DocsPaths.fixture(fixture)) }

    @Test("Each filter section is read: its type, group, fields and their lines")
    func filtersAreRead() throws {
        let fixture = "binance-2026-07-filters-cut.md"
        let docs = try DocReader.read(paths: [DocsPaths.fixture(fixture)])
        #expect(docs.filters.map(\.type) == ["PRICE_FILTER", "LOT_SIZE", "MAX_NUM_ORDER_AMENDS", "MAX_NUM_ORDER_LISTS", "EXCHANGE_MAX_NUM_ORDERS", "MAX_ASSET"])
        #expect(docs.filters.map(\.group) == ["Symbol filters", "Symbol filters", "Symbol filters", "Symbol filters", "Exchange Filters", "Asset Filters"])
        #expect(Set(docs.filters.map(\.key)) == ["filterType"])
        let asset = try #require(docs.filters.last)
        #expect(asset.fields.map(\.value) == ["asset", "limit"])
        #expect(asset.fields.map(\.at.line) == [line(#""asset": "USDC""#, fixture), line(#""limit": "42.00000000""#, fixture)])
        #expect(asset.at.line == line("### MAX_ASSET", fixture))
        // A filter section is not an enum list, even when its list items are single words (USDCBNB, BNBUSDC).
        #expect(docs.enums.isEmpty)
    }

    @Test("Filter types, fields and field types are checked against the filter models and FilterType")
    func filtersAgainstSpec() throws {
        let fixture = "binance-2026-07-filters-cut.md"
        let l = { line($0, fixture) }
        #expect(
            try found(fixture, spec: spec)
                == [
                    "filter-field-extra \(l(#""filterType": "PRICE_FILTER""#) - 1) priceScale",
                    "filter-undocumented \(l("### PRICE_FILTER")) MAX_NUM_ALGO_ORDERS",
                    "filter-field-missing \(l(#""stepSize": "0.00100000""#)) stepSize",
                    "filter-missing \(l("### MAX_NUM_ORDER_LISTS")) MAX_NUM_ORDER_LISTS",
                    "enum-value-missing \(l("### MAX_ASSET")) MAX_ASSET",
                    "example-mismatch \(l(#""limit": "42.00000000""#)) limit",
                ].sortedByLine())
    }

    @Test("A missing filter names the model and the enum that lack it")
    func missingFilterMessage() throws {
        let result = DocCheck.run(try DocReader.read(paths: [DocsPaths.fixture("binance-2026-07-filters-cut.md")]), spec: spec)
        let missing = try #require(result.findings.first { $0.kind == .filterMissing })
        #expect(missing.message == "symbol filter MAX_NUM_ORDER_LISTS is documented, but model 'Filter' has no variant for it and enum 'FilterType' lacks the value")
        #expect(missing.specPaths == ["models.Filter.variants.MAX_NUM_ORDER_LISTS", "enums.FilterType.MAX_NUM_ORDER_LISTS"])
        #expect(missing.spec?.file == "Fixtures/binance-2026-07-cut-spec.yaml")
    }

    @Test("The whole real filters.md against a spec lacking two filters reports exactly those two")
    func wholeFiltersFile() throws {
        let fixture = "binance-2026-07-filters.md"
        let docs = try DocReader.read(paths: [DocsPaths.fixture(fixture)])
        #expect(docs.filters.count == 20)
        #expect(docs.filters.filter { $0.group == "Exchange Filters" }.count == 4)
        #expect(
            try found(fixture, spec: DocsPaths.fixtureSpec("binance-2026-07-filters-spec.yaml")) == [
                "filter-missing \(line("### MAX_NUM_ORDER_LISTS", fixture)) MAX_NUM_ORDER_LISTS",
                "filter-missing \(line("### MAX_ASSET", fixture)) MAX_ASSET",
            ])
    }

    @Test("New enum groups are new enums; groups matching by name, (field) or values report missing values")
    func enumGroups() throws {
        let fixture = "binance-2026-07-enums-cut.md"
        let l = { line($0, fixture) }
        #expect(
            try found(fixture, spec: spec) == [
                "enum-value-missing \(l("* `BREAK`")) BREAK",  // Symbol status → SymbolStatus, by name
                "enum-value-missing \(l("* `LIMIT_MAKER`")) LIMIT_MAKER",  // Order types (orderTypes, type) → OrderKind, by `type`
                "enum-value-missing \(l("* `TRANSFER`")) TRANSFER",  // STP Modes → SelfTradePreventionMode, by values
                "enum-missing \(l("## Execution types:")) Execution types",
                "enum-missing \(l("## Execution Rules")) Execution Rules",
                "enum-missing \(l("## Expiry Reasons")) Expiry Reasons",
            ])
    }

    @Test("A new group that shares common values with an enum says so, and is named by its heading")
    func newEnumMessage() throws {
        let result = DocCheck.run(try DocReader.read(paths: [DocsPaths.fixture("binance-2026-07-enums-cut.md")]), spec: spec)
        let execution = try #require(result.findings.first { $0.subjects.first == "Execution types" })
        #expect(
            execution.message == """
                the docs define the enum "Execution types" (NEW, CANCELED, REPLACED, REJECTED, …), which the spec lacks (a new enum, such as \
                ExecutionType); the closest, 'OrderStatus', shares 4 of its 7 values and has 5 the docs do not list
                """)
        // Only an erratum on that enum explains it; one elsewhere under `enums` that mentions TRADE does not.
        #expect(execution.specPaths == ["enums.ExecutionType"])
        #expect(!result.findings.contains { $0.kind == .enumValueMissing && $0.specPaths == ["enums.OrderStatus"] })
    }
}

extension [String] {
    /// Findings are reported in line order; "kind line name" strings sorted the same way.
    func sortedByLine() -> [String] {
        sorted { (Int($0.split(separator: " ")[1]) ?? 0, $0) < (Int($1.split(separator: " ")[1]) ?? 0, $1) }
    }
}
