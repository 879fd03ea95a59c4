import Foundation
import SpecModel

extension DocComparer {
    // MARK: Enums

    /// Values of an ENUM-definitions section (or of a response field) that the matching spec enum lacks.
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
                let sample = docEnum.values.prefix(4).map(\.value).joined(separator: ", ")
                report(DocFinding(
                    .enumMissing, "the docs list values under \"\(docEnum.title)\" (\(sample)\(docEnum.values.count > 4 ? ", …" : "")), which match no enum of the spec",
                    doc: docEnum.at, paths: ["enums"], subjects: docEnum.values.map(\.value)))
                continue
            }
            let known = def.values.map(\.value.value)
            let values = docEnum.values.isEmpty ? docEnum.runTogetherValues.map { Self.split($0, by: known) } ?? [] : docEnum.values
            for value in values where !known.contains(value.value) {
                report(DocFinding(
                    .enumValueMissing, "the docs list value '\(value.value)' under \"\(docEnum.title)\", which enum '\(def.name.value)' lacks",
                    doc: value.at, spec: def.name.location, paths: ["enums.\(def.name.value)"], subjects: [value.value]))
            }
        }
    }

    /// The spec enum an ENUM-definitions section describes: by name ("Order side" → OrderSide), by the parameter
    /// names in its title ("(side)"), else the enum sharing most values.
    func matchingEnum(_ docEnum: DocEnum) -> EnumDef? {
        let name = InlineText.upperCamel(docEnum.title).lowercased()
        if let def = spec.enums.first(where: { $0.name.value.lowercased() == name }) { return def }
        var votes: [String: Int] = [:]
        for endpoint in spec.endpoints {
            for param in endpoint.params where docEnum.names.contains(param.name.value) {
                for ref in param.type.value.referencedNames where spec.enumDef(named: ref) != nil { votes[ref, default: 0] += 1 }
            }
        }
        if let (best, _) = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { return spec.enumDef(named: best) }
        let values = Set(docEnum.values.map(\.value))
        let scored = spec.enums.map { def in (def, def.values.filter { values.contains($0.value.value) }.count) }
        guard let top = scored.max(by: { $0.1 < $1.1 }), top.1 > 0 else { return nil }
        return top.0
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
                report(DocFinding(
                    .errorMissing, "error \(error.code) \(label) is documented, but the spec's errors lack code \(error.code)",
                    doc: error.at, paths: ["errors"], subjects: [error.code] + [error.name].compactMap { $0 }))
                continue
            }
            if let name = error.name, name != specError.name.value {
                report(DocFinding(
                    .errorRenamed, "error \(error.code) is \(name) in the docs, \(specError.name.value) in the spec",
                    doc: error.at, spec: specError.name.location,
                    paths: ["errors.\(specError.name.value)", "errors.\(error.code)"], subjects: [name, error.code]))
            }
        }
        guard let firstError = docs.errors.first, spec.docs.contains(where: { checkedFile($0.file) != nil }) else { return }
        let documented = Set(docs.errors.map(\.code))
        for specError in spec.errors where !documented.contains(specError.code.value) {
            report(DocFinding(
                .errorUndocumented, "spec error \(specError.code.value) \(specError.name.value) is not among the docs' error codes",
                doc: firstError.at, spec: specError.code.location,
                paths: ["errors.\(specError.name.value)", "errors.\(specError.code.value)"], subjects: [specError.name.value, specError.code.value]))
        }
    }
}
