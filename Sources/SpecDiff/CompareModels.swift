import SpecGenerator
import SpecModel

extension SpecComparer {
    /// Models by name; a model removed while another of the same shape is added counts as renamed.
    mutating func compareModels() {
        let models = Matched(old.models, new.models) { $0.name.value }
        var removed = models.removed
        var renamedFrom: [String: Model] = [:]
        for model in models.added {
            guard let index = removed.firstIndex(where: { Self.shape($0) == Self.shape(model) }) else { continue }
            renamedFrom[model.name.value] = removed.remove(at: index)
        }
        for model in removed {
            let name = model.name.value
            report(
                .modelRemoved, at: model.name.location, "model `\(name)` was removed\(TypeUsage.usedBy(name, oldUsage, newUsage))",
                swift: "type `\(Naming.type(name))` is removed")
        }
        let common = Dictionary(uniqueKeysWithValues: models.common.map { ($0.new.name.value, $0.old) })
        for model in new.models {
            let name = model.name.value
            if let before = common[name] {
                compareModel(before, model)
            } else if let before = renamedFrom[name] {
                report(
                    .modelRenamed, at: model.name.location, "model `\(before.name.value)` is now `\(name)` (same shape)",
                    swift: "`\(Naming.type(before.name.value))` is now `\(Naming.type(name))`")
                compareModel(before, model)
            } else if models.added.contains(where: { $0.name.value == name }) {
                report(.modelAdded, at: model.name.location, "model `\(name)` was added", swift: "new type `\(Naming.type(name))`")
            }
        }
    }

    /// A model's shape without its documentation, for spotting renames.
    static func shape(_ model: Model) -> String {
        func field(_ f: Field) -> String { "\(f.name.value):\(f.type.value):\(f.optional):\(f.nullable):\(f.swiftName ?? "")" }
        switch model.kind {
        case let .object(fields): return "object " + fields.map(field).sorted().joined(separator: ",")
        case let .positional(fields): return "positional " + fields.map(field).joined(separator: ",")
        case let .polymorphic(discriminator, variants):
            return "polymorphic \(discriminator.value) " + variants.map { "\($0.value.value)=\($0.model.value)" }.sorted().joined(separator: ",")
        }
    }

    private func kindName(_ kind: Model.Kind) -> String {
        switch kind {
        case .object: "an object"
        case .positional: "a positional array"
        case let .polymorphic(discriminator, _): "polymorphic on `\(discriminator.value)`"
        }
    }

    private mutating func compareModel(_ before: Model, _ now: Model) {
        let name = now.name.value
        let directions = TypeUsage.directions(of: name, oldUsage, newUsage).union(TypeUsage.directions(of: before.name.value, oldUsage, newUsage))
        let usedBy = TypeUsage.usedBy(name, oldUsage, newUsage)
        let owner = FieldOwner(label: "model `\(name)`", swiftType: Naming.type(name), directions: directions, usedBy: usedBy)
        switch (before.kind, now.kind) {
        case let (.object(a), .object(b)):
            compareFields(a, b, owner: owner, positional: false)
        case let (.positional(a), .positional(b)):
            compareFields(a, b, owner: owner, positional: true, at: now.name.location)
        case let (.polymorphic(discriminatorA, variantsA), .polymorphic(discriminatorB, variantsB)):
            if discriminatorA.value != discriminatorB.value {
                report(
                    .modelKindChanged, at: discriminatorB.location,
                    "model `\(name)`: discriminator is now `\(discriminatorB.value)` (was `\(discriminatorA.value)`)\(usedBy)")
            }
            compareModelVariants(variantsA, variantsB, model: name, usedBy: usedBy)
        default:
            report(.modelKindChanged, at: now.name.location, "model `\(name)` is now \(kindName(now.kind)) (was \(kindName(before.kind)))\(usedBy)")
        }
        compareTradingRules(before.tradingRules, now.tradingRules, model: name)
        describe("model `\(name)`", at: now.name.location, [("description", before.description, now.description)])
    }

    private mutating func compareModelVariants(_ a: [Model.Variant], _ b: [Model.Variant], model: String, usedBy: String) {
        func member(_ value: String) -> String { "`\(Naming.type(model)).\(SwiftNames.enumCase(value, swiftName: nil))`" }
        let variants = Matched(a, b) { $0.value.value }
        for variant in variants.removed {
            report(
                .modelVariantRemoved, at: variant.value.location, "model `\(model)`: variant `\(variant.value.value)` was removed\(usedBy)",
                swift: "\(member(variant.value.value)) is removed")
        }
        for variant in variants.added {
            report(
                .modelVariantAdded, at: variant.value.location, "model `\(model)`: variant `\(variant.value.value)` (\(variant.model.value)) was added\(usedBy)",
                swift: "new case \(member(variant.value.value))")
        }
        for (x, y) in variants.common where x.model.value != y.model.value {
            report(
                .modelVariantChanged, at: y.model.location, "model `\(model)`: variant `\(y.value.value)` is now \(y.model.value) (was \(x.model.value))\(usedBy)",
                swift: "\(member(y.value.value)) now carries `\(Naming.type(y.model.value))` (was `\(Naming.type(x.model.value))`)")
        }
    }
}
