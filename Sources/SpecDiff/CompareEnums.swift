import SpecGenerator
import SpecModel

extension SpecComparer {
    /// Enums by name, values by wire value. An enum used in requests and in responses gets both considerations:
    /// requests break when a value goes, responses do not when one comes (generated enums are open).
    mutating func compareEnums() {
        let enums = Matched(old.enums, new.enums) { $0.name.value }
        var removed = enums.removed
        var renamedFrom: [String: EnumDef] = [:]
        for def in enums.added {
            guard let index = removed.firstIndex(where: { Self.values(of: $0) == Self.values(of: def) }) else { continue }
            renamedFrom[def.name.value] = removed.remove(at: index)
        }
        for def in removed {
            let name = def.name.value
            report(
                .enumRemoved, at: def.name.location, "enum `\(name)` was removed\(TypeUsage.usedBy(name, oldUsage, newUsage))",
                swift: "type `\(Naming.type(name))` is removed")
        }
        let common = Dictionary(uniqueKeysWithValues: enums.common.map { ($0.new.name.value, $0.old) })
        for def in new.enums {
            let name = def.name.value
            if let before = common[name] {
                compareEnum(before, def)
            } else if let before = renamedFrom[name] {
                report(
                    .enumRenamed, at: def.name.location, "enum `\(before.name.value)` is now `\(name)` (same values)",
                    swift: "`\(Naming.type(before.name.value))` is now `\(Naming.type(name))`")
                compareEnum(before, def)
            } else if enums.added.contains(where: { $0.name.value == name }) {
                report(.enumAdded, at: def.name.location, "enum `\(name)` was added", swift: "new type `\(Naming.type(name))`")
            }
        }
    }

    private static func values(of def: EnumDef) -> [String] { def.values.map(\.value.value).sorted() }

    private mutating func compareEnum(_ before: EnumDef, _ now: EnumDef) {
        let name = now.name.value
        let type = Naming.type(name)
        let directions = TypeUsage.directions(of: name, oldUsage, newUsage).union(TypeUsage.directions(of: before.name.value, oldUsage, newUsage))
        let usedBy = TypeUsage.usedBy(name, oldUsage, newUsage)
        func member(_ value: EnumDef.Value) -> String { "`\(type).\(SwiftNames.enumCase(value.value.value, swiftName: value.swiftName))`" }
        let values = Matched(before.values, now.values) { $0.value.value }
        for value in values.removed {
            let message = "enum `\(name)`: value `\(value.value.value)` was removed\(usedBy)"
            if directions.contains(.request) {
                report(.requestEnumValueRemoved, at: value.value.location, message, swift: "\(member(value)) is removed; calls that send it no longer compile")
            }
            if directions.contains(.response) {
                report(.responseEnumValueRemoved, at: value.value.location, message, swift: "\(member(value)) is removed; code that matches on it no longer compiles")
            }
        }
        for value in values.added {
            let message = "enum `\(name)`: value `\(value.value.value)` was added\(usedBy)"
            if directions.contains(.request) {
                report(.requestEnumValueAdded, at: value.value.location, message, swift: "new case \(member(value))")
            }
            if directions.contains(.response) {
                report(
                    .responseEnumValueAdded, at: value.value.location,
                    message + "; not breaking: generated enums are open, so older clients decode it as `.unknown(\"\(value.value.value)\")`",
                    swift: "new case \(member(value))")
            }
        }
        for (a, b) in values.common {
            let owner = "enum `\(name)`: value `\(b.value.value)`"
            if member(a) != member(b) {
                report(
                    .swiftNameChanged, at: b.value.location,
                    "\(owner): Swift name is now `\(SwiftNames.enumCase(b.value.value, swiftName: b.swiftName))` (was `\(SwiftNames.enumCase(a.value.value, swiftName: a.swiftName))`)",
                    swift: "\(member(a)) is now \(member(b))")
            }
            deprecation(owner, old: a.deprecated, new: b.deprecated, at: b.value.location, swift: member(b))
            describe(owner, at: b.value.location, [("description", a.description, b.description)])
        }
        describe("enum `\(name)`", at: now.name.location, [("description", before.description, now.description)])
    }
}
