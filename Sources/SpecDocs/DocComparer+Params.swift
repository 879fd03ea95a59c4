import Foundation
import SpecModel

extension DocComparer {
    /// Parameters missing on either side (a pair at the same row is a rename), another type, another mandatory
    /// flag, and values the docs list that the spec does not allow.
    mutating func compareParams(_ doc: DocEndpoint, _ params: [DocParam], _ group: [Endpoint]) {
        let first = group[0]
        var specParams: [Parameter] = []
        for endpoint in group {
            for p in endpoint.params where !specParams.contains(where: { $0.name.value == p.name.value }) { specParams.append(p) }
        }
        let docNames = Set(params.map(\.name))
        let specNames = Set(specParams.map(\.name.value))
        var missing = params.filter { !specNames.contains($0.name) }
        var extra = specParams.filter { !docNames.contains($0.name.value) }
        // A documented row without a spec counterpart, where the spec has an unmatched row at the same position.
        for m in missing {
            guard let row = params.firstIndex(where: { $0.name == m.name }), row < first.params.count else { continue }
            let old = first.params[row]
            guard let e = extra.firstIndex(where: { $0.name.value == old.name.value }) else { continue }
            report(
                DocFinding(
                    .paramRenamed, "\(doc.key): the docs name parameter '\(m.name)' where endpoint '\(first.id.value)' has '\(old.name.value)'",
                    doc: m.at, spec: old.name.location, paths: paths(group, old.name.value), subjects: [m.name, old.name.value]))
            extra.remove(at: e)
            missing.removeAll { $0.name == m.name }
        }
        for m in missing {
            let what = [m.type, m.mandatory.map { $0 ? "mandatory" : "optional" }].compactMap { $0 }.joined(separator: ", ")
            report(
                DocFinding(
                    .paramMissing,
                    "\(doc.key): parameter '\(m.name)'\(what.isEmpty ? "" : " (\(what))") is documented, but endpoint '\(first.id.value)' does not have it",
                    doc: m.at, spec: first.id.location, paths: ["endpoints.\(first.id.value).params"] + paths(group, m.name), subjects: [m.name]))
        }
        let table = params.first?.at ?? doc.location
        for x in extra {
            report(
                DocFinding(
                    .paramExtra, "\(doc.key): endpoint '\(owner(group, x.name.value))' has parameter '\(x.name.value)', which the docs do not list",
                    doc: table, spec: x.name.location, paths: paths(group, x.name.value), subjects: [x.name.value]))
        }
        for p in params {
            let matches = group.compactMap { $0.param(named: p.name) }
            guard let specParam = matches.first else { continue }
            if let type = p.type, !matches.contains(where: { typeAgrees(type, $0) }) {
                report(
                    DocFinding(
                        .paramType, "\(doc.key): parameter '\(p.name)' is \(type) in the docs, \(TypeWords.describe(specParam)) in the spec",
                        doc: p.at, spec: specParam.type.location, paths: paths(group, p.name), subjects: [p.name],
                        aspects: ["type", type, specParam.type.value.description] + [specParam.docsType].compactMap { $0 }))
            }
            // Required only when every spec endpoint of the group requires it (a second form may leave it out).
            let required = group.allSatisfy { $0.param(named: p.name)?.required == true }
            if let mandatory = p.mandatory, mandatory != required, !(mandatory && group.allSatisfy { Self.requiredWithOthers(p.name, in: $0) }) {
                report(
                    DocFinding(
                        .paramMandatory,
                        "\(doc.key): parameter '\(p.name)' is \(mandatory ? "mandatory" : "optional") in the docs, \(required ? "required" : "optional") in the spec",
                        doc: p.at, spec: specParam.name.location, paths: paths(group, p.name), subjects: [p.name],
                        aspects: ["required", "mandatory", "optional"]))
            }
            compareValues(doc, p, matches, group)
        }
    }

    func typeAgrees(_ word: String, _ param: Parameter) -> Bool {
        TypeWords.agrees(word, with: param, in: spec) || (typeWordsOrDocsType && TypeWords.matches(TypeWords.normalize(word), param.type.value, spec))
    }

    /// True when an unconditional rule requires one of a set of parameters that holds `name` ("orderId or
    /// origClientOrderId"): the docs mark such a set mandatory as a whole.
    static func requiredWithOthers(_ name: String, in endpoint: Endpoint) -> Bool {
        endpoint.rules.contains { rule in
            switch rule.requirement {
            case let .requireOneOf(names), let .requireAnyOf(names): rule.condition.isEmpty && names.contains { $0.value == name }
            default: false
            }
        }
    }

    /// `endpoints.X.params.name` for every endpoint of the group that has the parameter.
    func paths(_ group: [Endpoint], _ name: String) -> [String] {
        let owners = group.filter { $0.param(named: name) != nil }
        return (owners.isEmpty ? [group[0]] : owners).map { "endpoints.\($0.id.value).params.\(name)" }
    }

    func owner(_ group: [Endpoint], _ name: String) -> String {
        group.first { $0.param(named: name) != nil }?.id.value ?? group[0].id.value
    }

    /// The values a spec parameter allows: its `values`, else its enum's values; nil when it is not restricted.
    func allowedValues(_ param: Parameter) -> (values: [String], enumName: String?)? {
        if !param.values.isEmpty { return (param.values.map(\.text), nil) }
        let name = param.type.value.referencedNames.first { spec.enumDef(named: $0) != nil }
        guard let name, let def = spec.enumDef(named: name) else { return nil }
        return (def.values.map(\.value.value), name)
    }

    mutating func compareValues(_ doc: DocEndpoint, _ p: DocParam, _ matches: [Parameter], _ group: [Endpoint]) {
        guard let specParam = matches.first, let (allowed, enumName) = allowedValues(specParam) else { return }
        let values = p.values.isEmpty ? p.runTogetherValues.map { Self.split($0, by: allowed) } ?? [] : p.values
        let whose = enumName.map { "enum '\($0)'" } ?? "the spec's values of '\(p.name)'"
        for value in values where !allowed.contains(value.value) {
            report(
                DocFinding(
                    .enumValueMissing, "\(doc.key): the docs list value '\(value.value)' for parameter '\(p.name)', which \(whose) lacks",
                    doc: value.at, spec: specParam.name.location,
                    paths: paths(group, p.name) + (enumName.map { ["enums.\($0)"] } ?? []), subjects: [value.value]))
        }
    }

    /// Splits a run-together list (`GtcIocFokGtdDay`) at capitals, joining pieces that form one of the spec's
    /// values (`StopOrder`), so only a value the spec lacks stands alone.
    static func split(_ run: DocValue, by known: [String]) -> [DocValue] {
        let tokens = ParamValues.splitRunTogether(run.value)
        var parts: [String] = []
        var i = 0
        while i < tokens.count {
            var end = i + 1
            for j in stride(from: tokens.count, to: i, by: -1) where known.contains(tokens[i..<j].joined()) {
                end = j
                break
            }
            parts.append(tokens[i..<end].joined())
            i = end
        }
        return parts.map { DocValue(value: $0, at: run.at) }
    }
}
