import Foundation
import SpecModel

extension DocComparer {
    // MARK: Enums

    /// Values of an ENUM-definitions section (or of a response field) that the matching spec enum lacks; a section
    /// that matches no spec enum is a new enum.
    mutating func compareEnums() {
        for docEnum in docs.enums {
            let target: EnumDef?
            if let key = docEnum.endpoint {
                guard let group = groups[key] else { continue }
                target = fieldEnum(docEnum.names.first ?? "", in: group)
                guard target != nil else { continue }
            } else {
                target = matchingEnum(docEnum)
            }
            guard let def = target else {
                reportNewEnum(docEnum)
                continue
            }
            let known = def.values.map(\.value.value)
            let values = docEnum.values.isEmpty ? docEnum.runTogetherValues.map { Self.split($0, by: known) } ?? [] : docEnum.values
            for value in values where !known.contains(value.value) {
                report(
                    DocFinding(
                        .enumValueMissing, "the docs list value '\(value.value)' under \"\(docEnum.title)\", which enum '\(def.name.value)' lacks",
                        doc: value.at, spec: def.name.location, paths: ["enums.\(def.name.value)"], subjects: [value.value]))
            }
        }
    }

    /// An enum group the spec has no enum for, named by its heading ("Expiry Reasons" → `ExpiryReason`).
    mutating func reportNewEnum(_ docEnum: DocEnum) {
        let values = docEnum.values.map(\.value)
        let sample = values.prefix(4).joined(separator: ", ") + (values.count > 4 ? ", …" : "")
        let name = Self.enumNames(docEnum.title).last ?? docEnum.title
        let closest =
            closestEnum(values).map { c in
                "; the closest, '\(c.def.name.value)', shares \(c.shared) of its \(values.count) values and has \(c.specOnly) the docs do not list"
            } ?? ""
        report(
            DocFinding(
                .enumMissing, "the docs define the enum \"\(docEnum.title)\" (\(sample)), which the spec lacks (a new enum, such as \(name))\(closest)",
                doc: docEnum.at, paths: ["enums.\(name)"], subjects: [docEnum.title, name]))
    }

    /// The spec enum an ENUM-definitions section describes: by name ("Order side" → OrderSide, "Order types" →
    /// OrderType), by the parameters or response fields its title names ("(side)"), else by values, when the
    /// section and the enum mostly agree (`ValueOverlap.agrees`). Sharing a few common words is no match: "Execution
    /// types" shares NEW, CANCELED, REJECTED and EXPIRED with OrderStatus, yet is an enum of its own.
    func matchingEnum(_ docEnum: DocEnum) -> EnumDef? {
        let names = Set(Self.enumNames(docEnum.title).map { $0.lowercased() })
        if let def = spec.enums.first(where: { names.contains($0.name.value.lowercased()) }) { return def }
        if let def = enumOfNamed(docEnum.names) { return def }
        guard let closest = closestEnum(docEnum.values.map(\.value)), closest.agrees else { return nil }
        return closest.def
    }

    /// "Order types" → ["OrderTypes", "OrderType"]: the title in UpperCamelCase, and its singular.
    static func enumNames(_ title: String) -> [String] {
        let name = InlineText.upperCamel(title)
        return name.count > 1 && name.hasSuffix("s") && !name.hasSuffix("ss") ? [name, String(name.dropLast())] : [name]
    }

    /// The enum most parameters and response fields named `names` have ("(side)" → OrderSide).
    func enumOfNamed(_ names: [String]) -> EnumDef? {
        guard !names.isEmpty else { return nil }
        let fields = spec.models.flatMap { model -> [Field] in
            switch model.kind {
            case let .object(fields), let .positional(fields): fields
            case .polymorphic: []
            }
        }
        let types =
            spec.endpoints.flatMap(\.params).filter { names.contains($0.name.value) }.map(\.type.value)
            + fields.filter { names.contains($0.name.value) }.map(\.type.value)
        var votes: [String: Int] = [:]
        for ref in types.flatMap(\.referencedNames) where spec.enumDef(named: ref) != nil { votes[ref, default: 0] += 1 }
        guard let (best, _) = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { return nil }
        return spec.enumDef(named: best)
    }

    /// The spec enum sharing most of `values`, if any shares one.
    func closestEnum(_ values: [String]) -> ValueOverlap? {
        let overlaps = spec.enums.map { ValueOverlap(def: $0, docs: Set(values)) }
        guard let top = overlaps.max(by: { $0.shared < $1.shared }), top.shared > 0 else { return nil }
        return top
    }

    /// The enum of a response field named `field` in the models an endpoint group answers with.
    func fieldEnum(_ field: String, in group: [Endpoint]) -> EnumDef? {
        var queue = group.compactMap(\.response).flatMap { r in [r.type?.value].compactMap { $0 } + r.variants.map(\.type.value) }.flatMap(\.referencedNames)
        var seen: Set<String> = []
        while let name = queue.first {
            queue.removeFirst()
            guard seen.insert(name).inserted, let model = spec.model(named: name) else { continue }
            for f in model.fields {
                let refs = f.type.value.referencedNames
                if f.name.value == field, let e = refs.compactMap({ spec.enumDef(named: $0) }).first { return e }
                queue += refs
            }
        }
        return nil
    }

    // MARK: Errors

    /// Codes the docs head that the spec lacks or names otherwise; spec codes the docs' list does not have.
    mutating func compareErrors() {
        for error in docs.errors {
            guard let specError = spec.errors.first(where: { $0.code.value == error.code }) else {
                let label = error.name ?? error.message.map { "\"\($0)\"" } ?? ""
                report(
                    DocFinding(
                        .errorMissing, "error \(error.code) \(label) is documented, but the spec's errors lack code \(error.code)",
                        doc: error.at, paths: ["errors"], subjects: [error.code] + [error.name].compactMap { $0 }))
                continue
            }
            if let name = error.name, name != specError.name.value {
                report(
                    DocFinding(
                        .errorRenamed, "error \(error.code) is \(name) in the docs, \(specError.name.value) in the spec",
                        doc: error.at, spec: specError.name.location,
                        paths: ["errors.\(specError.name.value)", "errors.\(error.code)"], subjects: [name, error.code]))
            }
        }
        guard let firstError = docs.errors.first, spec.docs.contains(where: { checkedFile($0.file) != nil }) else { return }
        let documented = Set(docs.errors.map(\.code))
        for specError in spec.errors where !documented.contains(specError.code.value) {
            report(
                DocFinding(
                    .errorUndocumented, "spec error \(specError.code.value) \(specError.name.value) is not among the docs' error codes",
                    doc: firstError.at, spec: specError.code.location,
                    paths: ["errors.\(specError.name.value)", "errors.\(specError.code.value)"], subjects: [specError.name.value, specError.code.value]))
        }
    }
}

/// How a docs enum group's values compare with a spec enum's.
struct ValueOverlap {
    let def: EnumDef
    /// Values both have, values only the docs list, values only the spec's enum has.
    let shared: Int, docsOnly: Int, specOnly: Int

    init(def: EnumDef, docs: Set<String>) {
        let spec = Set(def.values.map(\.value.value))
        self.def = def
        shared = docs.intersection(spec).count
        docsOnly = docs.subtracting(spec).count
        specOnly = spec.subtracting(docs).count
    }

    /// The group is this enum when the shared values outnumber those only one side has, or when it lists a part of
    /// the enum (two values at least, so one common word is no match).
    var agrees: Bool { shared > docsOnly + specOnly || (docsOnly == 0 && shared >= 2) }
}
