import Foundation
import SpecModel
import Testing

/// Each spec loads without errors, and its counts are pinned, so a silently dropped endpoint, parameter row, enum
/// value, model, error code, message, rule, example or erratum fails here. Change a number only with the spec.
@Suite struct SpecCountsTests {
    struct Counts: Equatable, CustomTestStringConvertible, Sendable {
        var file: String
        var endpoints, parameters, enums, enumValues, models, errorCodes, messages, rules, examples, errata: Int
        var testDescription: String { file }
    }

    static let expected: [Counts] = [
        Counts(
            file: "binance-spot.yaml", endpoints: 48, parameters: 447, enums: 28, enumValues: 150, models: 107, errorCodes: 106, messages: 59, rules: 129, examples: 79,
            errata: 69),
        Counts(
            file: "binance-jex-spot.yaml", endpoints: 23, parameters: 76, enums: 10, enumValues: 50, models: 27, errorCodes: 0, messages: 0, rules: 0, examples: 27,
            errata: 15),
        Counts(file: "dfx-spot.yaml", endpoints: 16, parameters: 52, enums: 5, enumValues: 29, models: 13, errorCodes: 4, messages: 4, rules: 5, examples: 2, errata: 13),
        Counts(
            file: "b2trader-frontoffice.yaml", endpoints: 5, parameters: 17, enums: 6, enumValues: 22, models: 6, errorCodes: 0, messages: 0, rules: 4, examples: 6,
            errata: 7),
        Counts(
            file: "history/binance-spot-2025-06.yaml", endpoints: 29, parameters: 285, enums: 20, enumValues: 104, models: 57, errorCodes: 94, messages: 50, rules: 74,
            examples: 44, errata: 39),
        Counts(
            file: "history/dfx-spot-2024-11.yaml", endpoints: 16, parameters: 50, enums: 5, enumValues: 29, models: 13, errorCodes: 4, messages: 4, rules: 5, examples: 9,
            errata: 13),
    ]

    /// No spec has warnings (Binance's `ExecutionType` is used by the user data stream's `ExecutionReport` since issue 18).
    static let expectedWarnings: [String: [String]] = [:]

    static let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("specs")

    @Test(arguments: expected) func specLoadsCleanAndKeepsItsCounts(_ expected: Counts) throws {
        let result = SpecLoader.load(path: Self.specs.appendingPathComponent(expected.file).path)
        #expect(result.diagnostics.map(\.description) == Self.expectedWarnings[expected.file, default: []].map { Self.specs.path + "/" + $0 })
        let spec = try #require(result.spec)
        let actual = Counts(
            file: expected.file, endpoints: spec.endpoints.count,
            parameters: spec.endpoints.map(\.params.count).reduce(0, +), enums: spec.enums.count,
            enumValues: spec.enums.map(\.values.count).reduce(0, +), models: spec.models.count,
            errorCodes: spec.errors.count, messages: spec.messageCatalogs.map(\.messages.count).reduce(0, +),
            rules: spec.endpoints.map(\.rules.count).reduce(0, +), examples: spec.endpoints.map(\.examples.count).reduce(0, +),
            errata: spec.errata.count)
        #expect(actual == expected)
    }

    @Test func everySpecInTheFolderIsPinned() {
        let onDisk = SpecFiles.all(under: Self.specs.path, recursive: true).map { String($0.dropFirst(Self.specs.path.count + 1)) }
        #expect(onDisk == Self.expected.map(\.file).sorted())
    }
}

/// Binance's 2026-07 docs: 48 REST endpoints; 104 error-code headings plus -1010 and -2038, which the docs name only
/// in the message table's heading (errata); 20 filter types, each a variant of the polymorphic `Filter` model.
@Suite struct BinanceSpotCoverageTests {
    @Test func filterTypesAreAllVariants() throws {
        let spec = try #require(SpecLoader.load(path: SpecCountsTests.specs.appendingPathComponent("binance-spot.yaml").path).spec)
        let filter = try #require(spec.models.first { $0.name.value == "Filter" })
        guard case let .polymorphic(_, variants) = filter.kind else {
            Issue.record("Filter is not polymorphic")
            return
        }
        #expect(variants.count == 20)
        let filterType = try #require(spec.enums.first { $0.name.value == "FilterType" })
        #expect(Set(filterType.values.map(\.value.value)) == Set(variants.map(\.value.value)))
        #expect(spec.endpoints.count == 48)
        #expect(spec.errors.count == 106)
    }
}
