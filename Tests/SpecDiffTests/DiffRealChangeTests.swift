import SpecDiff
import SpecModel
import Testing

/// DFX's documented change of 2025-01-08: specs/history/dfx-spot-2024-11.yaml → specs/dfx-spot.yaml.
@Suite struct DiffRealChangeTests {
    let repository = GitRepository(directory: repositoryRoot)

    func findings() throws -> [DiffFinding] {
        try DiffRunner.compare(.file("specs/history/dfx-spot-2024-11.yaml"), .file("specs/dfx-spot.yaml"), repository: repository).findings
    }

    struct Pin: Hashable, CustomStringConvertible {
        var rule: DiffRule
        var file: String
        var message: String
        var swift: String?
        var description: String { "\(file): [\(rule.rawValue)] \(message) | \(swift ?? "-")" }
    }

    @Test func pinnedFindings() throws {
        let new = "specs/dfx-spot.yaml", old = "specs/history/dfx-spot-2024-11.yaml"
        let expected: [Pin] = [
            // The single cancel's id used to come back at the top level, and the batch cancel said `success`.
            Pin(rule: .responseFieldRemoved, file: old, message: "envelope: field `success` was removed"),
            Pin(rule: .responseFieldRemoved, file: old, message: "envelope: field `orderId` was removed"),
            // Trade history gained a time range.
            Pin(
                rule: .parameterAdded, file: new, message: "endpoint `trades`: optional parameter `startTime` (LONG) was added",
                swift: "`DFXSpotClient.trades`: new optional parameter `startTime: Int64?`"),
            Pin(
                rule: .parameterAdded, file: new, message: "endpoint `trades`: optional parameter `endTime` (LONG) was added",
                swift: "`DFXSpotClient.trades`: new optional parameter `endTime: Int64?`"),
            // Create order: the id is a number now.
            Pin(
                rule: .responseTypeChanged, file: new, message: "endpoint `createOrder`: response type is now LONG (was STRING)",
                swift: "`DFXSpotClient.createOrder` now returns `Int64` (was `String`)"),
            // Single cancel returns a list of per-order results.
            Pin(
                rule: .responseTypeChanged, file: new, message: "endpoint `cancelOrder`: response type is now ARRAY OF CancelResult (was JSON)",
                swift: "`DFXSpotClient.cancelOrder` now returns `[CancelResult]` (was `JSONValue`)"),
            // Batch cancel takes 20 ids instead of 5.
            Pin(rule: .parameterConstraintRelaxed, file: new, message: "endpoint `batchCancelOrders`: parameter `orderIds`: maxItems is now 20 (was 5)"),
            // The 2025-12 docs dropped the examples that showed these fields, so they are no longer guaranteed.
            Pin(
                rule: .responseFieldBecameOptional, file: new, message: "model `SymbolInfo`: field `priceLimitRate` may now be absent (used by `symbols`)",
                swift: "`SymbolInfo.priceLimitRate`: is now `ExactDecimal?`"),
            Pin(
                rule: .responseFieldBecameOptional, file: new,
                message: "model `Order`: field `stopStatus` may now be absent (used by `finishedOrders`, `getOrder` and `openOrders`)",
                swift: "`Order.stopStatus`: is now `String?`"),
            Pin(
                rule: .responseFieldBecameOptional, file: new,
                message: "model `Order`: field `failedReason` may now be absent (used by `finishedOrders`, `getOrder` and `openOrders`)",
                swift: "`Order.failedReason`: is now `String?`"),
            // The per-order result: numeric id, client order id.
            Pin(
                rule: .responseFieldAdded, file: new,
                message: "model `CancelResult`: optional field `clientOrderId` (STRING) was added (used by `batchCancelOrders` and `cancelOrder`)",
                swift: "new property `CancelResult.clientOrderId: String?`"),
            Pin(
                rule: .responseFieldTypeChanged, file: new,
                message: "model `CancelResult`: field `orderId`: type is now LONG (was STRING) (used by `batchCancelOrders` and `cancelOrder`)",
                swift: "`CancelResult.orderId`: is now `Int64` (was `String`)"),
        ]
        let documentary: Set<DiffRule> = [.descriptionChanged, .exampleChanged, .errataChanged]
        let found = try findings()
        let pinned = found.filter { !documentary.contains($0.rule) }.map { Pin(rule: $0.rule, file: $0.location.file, message: $0.message, swift: $0.swiftEffect) }
        #expect(pinned == expected, "\(pinned.map(\.description).joined(separator: "\n"))")
        #expect(found.filter { $0.level == .breaking }.count == 8)
        #expect(!found.contains { $0.level == .warning })
    }

    @Test func documentaryFindings() throws {
        let found = try findings()
        let messages = Set(found.map(\.message))
        for message in [
            "endpoint `batchCancelOrders`: summary, source, notes and response description changed",
            "endpoint `createOrder`: examples: `limit order`, `market order` and `created` removed",
            "endpoint `cancelOrder`: examples: `cancelled` changed",
            "erratum at `endpoints.cancelOrder.response` was removed",
            "erratum at `endpoints.createOrder.response` changed",
        ] {
            #expect(messages.contains(message), "missing: \(message)")
        }
    }

    @Test func locationsPointIntoTheRightFile() throws {
        let new = try #require(SpecLoader.load(path: repositoryRoot + "/specs/dfx-spot.yaml", displayPath: "specs/dfx-spot.yaml").spec)
        let found = try findings()
        let createOrder = try #require(found.first { $0.rule == .responseTypeChanged && $0.message.contains("createOrder") })
        #expect(createOrder.location == new.endpoint(id: "createOrder")?.response?.type?.location)
        let maxItems = try #require(found.first { $0.rule == .parameterConstraintRelaxed })
        #expect(maxItems.location == new.endpoint(id: "batchCancelOrders")?.param(named: "orderIds")?.name.location)
    }

    @Test func reverseDirectionBreaksTheOtherWay() throws {
        let found = try DiffRunner.compare(.file("specs/dfx-spot.yaml"), .file("specs/history/dfx-spot-2024-11.yaml"), repository: repository).findings
        let rules = Set(found.map(\.rule))
        #expect(
            rules.isSuperset(of: [
                .responseTypeChanged, .responseFieldRemoved, .parameterRemoved, .parameterConstraintTightened, .responseFieldTypeChanged, .responseFieldAdded,
            ]))
    }
}
