import Foundation
import SpecModel

extension DocComparer {
    /// Each JSON example of an endpoint's section must parse and fit the spec: a request example may only send the
    /// endpoint's parameters, a response example must fit one of its response types (or an error body). Examples
    /// the spec keeps verbatim are skipped (`specgen lint` checks those).
    mutating func compareExamples(_ doc: DocEndpoint, _ group: [Endpoint]) {
        let examplePaths = group.map { "endpoints.\($0.id.value).examples" }
        for example in doc.examples {
            guard let json = example.json else {
                report(
                    DocFinding(
                        .exampleInvalid, "\(doc.key): the docs' example is not valid JSON (\(example.parseError ?? "unreadable"))",
                        doc: example.at, spec: group[0].id.location, paths: examplePaths))
                continue
            }
            if isKept(json, group) { continue }
            let keys = requestKeys(json, doc, group)
            switch example.kind {
            case .request:
                checkRequest(doc, keys ?? [], example, group)
            case .response:
                checkResponse(doc, json, example, group)
            case .unknown:
                if let keys, !keys.isEmpty, keys.allSatisfy({ name in group.contains { $0.param(named: name) != nil } }) { continue }
                checkResponse(doc, json, example, group)
            }
        }
    }

    /// True when a spec example of the group has the same JSON.
    func isKept(_ json: JSONDocument, _ group: [Endpoint]) -> Bool {
        group.contains { endpoint in
            endpoint.examples.contains { example in
                [example.response?.value, example.requestBody?.value].compactMap { $0 }.contains { (try? JSONDocument.parse($0)) == json }
            }
        }
    }

    /// The member names of a request body, unwrapped from its wrapper object (`{"order": {…}}`).
    func requestKeys(_ json: JSONDocument, _ doc: DocEndpoint, _ group: [Endpoint]) -> [String]? {
        guard case let .object(members) = json else { return nil }
        let wrappers = Set(group.compactMap(\.request.wrapper) + [doc.wrapper].compactMap { $0 })
        if members.count == 1, wrappers.contains(members[0].key), case let .object(inner) = members[0].value { return inner.map(\.key) }
        return members.map(\.key)
    }

    mutating func checkRequest(_ doc: DocEndpoint, _ keys: [String], _ example: DocExample, _ group: [Endpoint]) {
        for key in keys where !group.contains(where: { $0.param(named: key) != nil }) {
            report(
                DocFinding(
                    .exampleUnknownParam, "\(doc.key): the request example sends '\(key)', which endpoint '\(group[0].id.value)' does not have",
                    doc: example.at, spec: group[0].id.location, paths: group.map { "endpoints.\($0.id.value).examples" } + paths(group, key), subjects: [key]))
        }
    }

    mutating func checkResponse(_ doc: DocEndpoint, _ json: JSONDocument, _ example: DocExample, _ group: [Endpoint]) {
        var best: [ExampleFit.Problem]?
        for endpoint in group {
            guard let response = endpoint.response else { continue }
            for type in [response.type?.value].compactMap({ $0 }) + response.variants.map(\.type.value) {
                var fit = ExampleFit(spec: spec)
                fit.checkBody(json, against: type)
                if fit.problems.isEmpty { return }
                if best == nil || fit.problems.count < best!.count { best = fit.problems }
            }
            for body in response.errorBodies {
                var fit = ExampleFit(spec: spec)
                fit.check(json, body.type.value, path: "$")
                if fit.problems.isEmpty { return }
            }
        }
        if isPlainError(json) { return }
        guard let problems = best else { return }
        let base = group.map { "endpoints.\($0.id.value).examples" } + group.map { "endpoints.\($0.id.value).response" }
        for problem in problems {
            report(
                DocFinding(
                    .exampleMismatch, "\(doc.key): the docs' example does not fit the spec: \(problem.message)",
                    doc: example.at, spec: group[0].response?.location, paths: base + [problem.specPath].compactMap { $0 },
                    subjects: [problem.subject].compactMap { $0 }))
        }
    }

    /// A bare error body of the spec's error format (`{"code": -1145, "msg": "…"}`).
    func isPlainError(_ json: JSONDocument) -> Bool {
        guard case let .codeMessage(codeField, _, messageField) = spec.errorFormat, case let .object(members) = json else { return false }
        let keys = Set(members.map(\.key))
        guard keys.contains(codeField), keys.contains(messageField) else { return false }
        if let envelope = spec.envelope, case let .string(code)? = json[envelope.code], code == envelope.success { return false }
        return keys.isSubset(of: [codeField, messageField])
    }
}
