import Foundation
import SpecModel

extension DocComparer {
    // MARK: Filters

    /// Filter definitions against the spec's polymorphic models with the same discriminator (`Filter` on
    /// `filterType`) and the enum the variants' discriminator field has (`FilterType`): types the spec lacks, types
    /// the docs no longer define, and each filter's fields against its variant model.
    mutating func compareFilters() {
        for filter in docs.filters {
            let models = polymorphicModels(filter.key)
            let typeEnum = discriminatorEnum(filter.key, models)
            let enumLacks = typeEnum.map { def in !def.values.contains { $0.value.value == filter.type } } ?? false
            let enumPath = typeEnum.map { "enums.\($0.name.value).\(filter.type)" }
            let what = Self.filterLabel(filter)
            guard let (model, variant) = models.lazy.compactMap({ m in m.variants.first { $0.value.value == filter.type }.map { (m.model, $0) } }).first else {
                let owner = preferredModel(for: filter, models)
                let enumNote = typeEnum.map { enumLacks ? " and enum '\($0.name.value)' lacks the value" : " (enum '\($0.name.value)' has the value)" } ?? ""
                let where_ = owner.map { "model '\($0.name.value)' has no variant for it\(enumNote)" } ?? "the spec has no polymorphic model on '\(filter.key)'"
                report(
                    DocFinding(
                        .filterMissing, "\(what) is documented, but \(where_)", doc: filter.at, spec: owner?.name.location,
                        paths: [owner.map { "models.\($0.name.value).variants.\(filter.type)" } ?? "models", enumLacks ? enumPath : nil].compactMap { $0 },
                        subjects: [filter.type]))
                continue
            }
            if enumLacks, let def = typeEnum, let enumPath {
                report(
                    DocFinding(
                        .enumValueMissing, "\(what) is documented and model '\(model.name.value)' has it, but enum '\(def.name.value)' lacks the value",
                        doc: filter.at, spec: def.name.location, paths: [enumPath], subjects: [filter.type]))
            }
            guard let target = spec.model(named: variant.model.value), case let .object(fields) = target.kind else { continue }
            compareFilterFields(filter, target, fields)
        }
        reportUndocumentedFilters()
    }

    /// "symbol filter PRICE_FILTER", "filter MAX_ASSET".
    static func filterLabel(_ filter: DocFilter) -> String {
        let group = filter.group.map { InlineText.words($0).first { $0 != "filters" && $0 != "filter" } ?? "" } ?? ""
        return (group.isEmpty ? "filter" : "\(group) filter") + " \(filter.type)"
    }

    /// Example members the variant model lacks, model fields the example lacks, and values of the wrong type.
    mutating func compareFilterFields(_ filter: DocFilter, _ model: Model, _ fields: [Field]) {
        let name = model.name.value, what = Self.filterLabel(filter)
        for field in filter.fields {
            guard let specField = fields.first(where: { $0.name.value == field.value }) else {
                report(
                    DocFinding(
                        .filterFieldMissing, "\(what): the docs' example has field '\(field.value)', which model '\(name)' lacks",
                        doc: field.at, spec: model.name.location, paths: ["models.\(name).fields.\(field.value)"], subjects: [field.value]))
                continue
            }
            var fit = ExampleFit(spec: spec)
            fit.check(filter.example[field.value] ?? .null, specField.type.value, path: "$.\(field.value)", nullable: specField.nullable, owner: (name, field.value))
            for problem in fit.problems {
                report(
                    DocFinding(
                        .exampleMismatch, "\(what): the docs' example does not fit the spec: \(problem.message)", doc: field.at, spec: specField.type.location,
                        paths: [problem.specPath ?? "models.\(name).fields.\(field.value)"], subjects: [problem.subject ?? field.value]))
            }
        }
        let documented = Set(filter.fields.map(\.value) + [filter.key])
        for field in fields where !documented.contains(field.name.value) {
            report(
                DocFinding(
                    .filterFieldExtra, "\(what): model '\(name)' has field '\(field.name.value)', which the docs' example lacks",
                    doc: filter.exampleAt, spec: field.name.location, paths: ["models.\(name).fields.\(field.name.value)"], subjects: [field.name.value]))
        }
    }

    /// Variants of the spec's filter models that no checked document defines, when the documents define filters.
    mutating func reportUndocumentedFilters() {
        guard let first = docs.filters.first else { return }
        let documented = Set(docs.filters.map(\.type))
        for key in Set(docs.filters.map(\.key)).sorted() {
            for (model, variants) in polymorphicModels(key) {
                for variant in variants where !documented.contains(variant.value.value) {
                    report(
                        DocFinding(
                            .filterUndocumented, "model '\(model.name.value)' has variant \(variant.value.value), which the docs define no filter for",
                            doc: first.at, spec: variant.value.location, paths: ["models.\(model.name.value).variants.\(variant.value.value)"],
                            subjects: [variant.value.value]))
                }
            }
        }
    }

    /// The spec's polymorphic models whose discriminator is `key`.
    func polymorphicModels(_ key: String) -> [(model: Model, variants: [Model.Variant])] {
        spec.models.compactMap { model in
            if case let .polymorphic(discriminator, variants) = model.kind, discriminator.value == key { (model, variants) } else { nil }
        }
    }

    /// The enum the variants' discriminator field is typed with (`filterType: FilterType`).
    func discriminatorEnum(_ key: String, _ models: [(model: Model, variants: [Model.Variant])]) -> EnumDef? {
        for variant in models.flatMap(\.variants) {
            guard let target = spec.model(named: variant.model.value), case let .object(fields) = target.kind,
                let field = fields.first(where: { $0.name.value == key })
            else { continue }
            if let def = field.type.value.referencedNames.lazy.compactMap({ spec.enumDef(named: $0) }).first { return def }
        }
        return nil
    }

    /// The model a missing filter belongs to: the one named after its group ("Asset Filters" → `AssetFilter`), else
    /// the first.
    func preferredModel(for filter: DocFilter, _ models: [(model: Model, variants: [Model.Variant])]) -> Model? {
        let name = filter.group.map { InlineText.upperCamel($0).lowercased() }
        return models.first { m in name.map { [m.model.name.value.lowercased(), m.model.name.value.lowercased() + "s"].contains($0) } ?? false }?.model
            ?? models.first?.model
    }
}
