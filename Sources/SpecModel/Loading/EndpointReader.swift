import Yams

extension SpecReader {
    func readEndpoint(_ id: Located<String>, _ node: Node) -> Endpoint? {
        let keys = [
            "summary", "description", "method", "path", "security", "weight", "unfilledOrderCount", "dataSource",
            "deprecated", "source", "request", "params", "rules", "response", "examples", "notes", "webSocket",
        ]
        let what = "endpoint '\(id.value)'"
        guard let r = MappingReader(node, ctx, what: what, allowed: keys) else { return nil }
        let method: HTTPMethod? = r.oneOf("method", required: true)
        guard let path = r.string("path", required: true), let security = r.string("security", required: true), let method else { return nil }
        let source = readSource(r, owner: what)
        var options = Endpoint.RequestOptions()
        if let n = r["request"], let o = MappingReader(n, ctx, what: "request of \(what)", allowed: ["encoding", "wrapper", "contentType"]) {
            options = Endpoint.RequestOptions(encoding: o.oneOf("encoding"), wrapper: o.text("wrapper"), contentType: o.text("contentType"))
        }
        return Endpoint(
            id: id, summary: r.text("summary"), description: r.text("description"), method: method, path: path,
            security: security, weight: r["weight"].flatMap { readWeight($0, owner: what) },
            unfilledOrderCount: r.int("unfilledOrderCount", limit: .unfilledOrderCount), dataSource: r.text("dataSource"),
            deprecated: r.bool("deprecated") ?? false, source: source, request: options,
            params: r.list("params").compactMap { readParameter($0, owner: what) },
            rules: r.list("rules").compactMap { readRule($0, owner: what) },
            response: r["response"].flatMap { readResponse($0, owner: what) },
            examples: r.list("examples").compactMap { readExample($0, owner: what) },
            notes: r.strings("notes", lenient: true).map(\.value), webSocket: r["webSocket"].flatMap { readWebSocketTwin($0, owner: what) })
    }

    func readParameter(_ node: Node, owner: String) -> Parameter? {
        let keys = [
            "name", "type", "required", "in", "description", "default", "min", "max", "values", "arrayStyle",
            "maxItems", "nullable", "docsType", "swiftName", "deprecated",
        ]
        guard let r = MappingReader(node, ctx, what: "a parameter of \(owner)", allowed: keys), let name = r.string("name", required: true),
            let type = r.string("type", required: true).flatMap({ readType($0) })
        else { return nil }
        let values = r.list("values", lenient: true).compactMap { n in r.scalarText(n, key: "values").map { ScalarValue(text: $0.value, location: $0.location) } }
        return Parameter(
            name: name, type: type, required: r.bool("required") ?? false, location: r.oneOf("in"),
            description: r.text("description"), defaultValue: r.scalar("default"), min: r.scalar("min"), max: r.scalar("max"),
            values: values, arrayStyle: r.oneOf("arrayStyle"), maxItems: r.int("maxItems", limit: .maxItems), nullable: r.bool("nullable") ?? false,
            docsType: r.text("docsType"), swiftName: r.text("swiftName"), deprecated: r.bool("deprecated") ?? false)
    }

    static let conditionKeys = ["when", "whenPresent", "whenAbsent"]
    static let requirementKeys = ["require", "requireOneOf", "requireAnyOf", "forbid", "exclusive", "requireValue"]

    func readCondition(_ r: MappingReader) -> Condition {
        var condition = Condition()
        if let when = r["when"] { condition.equals = readEquals(when, what: "'when' of \(r.what)") }
        condition.present = r.strings("whenPresent", lenient: true)
        condition.absent = r.strings("whenAbsent", lenient: true)
        return condition
    }

    /// `{param: value}` or `{param: [values]}`.
    func readEquals(_ node: Node, what: String) -> [Condition.Equals] {
        guard case let .mapping(mapping) = node else {
            ctx.error("\(what) must be a mapping of parameter to value, found \(node.kindDescription)", at: node)
            return []
        }
        return mapping.compactMap { key, value in
            guard let name = key.scalar?.string else { return nil }
            let nodes: [Node] = if case let .sequence(s) = value { Array(s) } else { [value] }
            let values = nodes.compactMap { n -> ScalarValue? in
                guard case let .scalar(s) = n else {
                    ctx.error("values in \(what) must be single values", at: n)
                    return nil
                }
                return ScalarValue(text: s.string, location: ctx.location(of: n))
            }
            return Condition.Equals(param: Located(name, at: ctx.location(of: key)), values: values)
        }
    }

    func readRule(_ node: Node, owner: String) -> Rule? {
        let what = "a rule of \(owner)"
        guard let r = MappingReader(node, ctx, what: what, allowed: Self.conditionKeys + Self.requirementKeys + ["description", "error", "docs"]) else { return nil }
        let given = Self.requirementKeys.filter { r[$0] != nil }
        guard given.count == 1 else {
            let list = Self.requirementKeys.joined(separator: ", ")
            ctx.error(
                given.isEmpty
                    ? "\(what) needs one requirement (\(list))"
                    : "\(what) has more than one requirement (\(given.joined(separator: ", "))); write one rule per requirement", at: node)
            return nil
        }
        let requirement: Rule.Requirement
        switch given[0] {
        case "require": requirement = .require(r.strings("require", lenient: true))
        case "requireOneOf": requirement = .requireOneOf(r.strings("requireOneOf"))
        case "requireAnyOf": requirement = .requireAnyOf(r.strings("requireAnyOf"))
        case "forbid": requirement = .forbid(r.strings("forbid", lenient: true))
        case "exclusive": requirement = .exclusive(r.strings("exclusive"))
        default: requirement = .requireValue(readEquals(r["requireValue"]!, what: "'requireValue' of \(what)"))
        }
        return Rule(
            condition: readCondition(r), requirement: requirement, description: r.text("description"), error: r.text("error"), docs: r.text("docs"), location: r.location)
    }

    func readWeight(_ node: Node, owner: String) -> Weight? {
        if case .scalar = node {
            guard let weight = node.int else {
                ctx.error("weight of \(owner) must be a whole number or a mapping, found \(node.kindDescription)", at: node)
                return nil
            }
            return ctx.checked(weight, .weight, at: node).map(Weight.fixed)
        }
        let keys = ["cases", "default", "byParam", "byCount", "ranges", "perItem", "cap", "description"]
        guard let r = MappingReader(node, ctx, what: "weight of \(owner)", allowed: keys) else { return nil }
        if let param = r.string("byParam") {
            rejectKeys(["byCount", "perItem", "cap", "cases", "default"], in: r, kind: "'byParam'", owner: owner)
            return .byParam(param, ranges: readRanges(r, owner: owner, required: true))
        }
        if let param = r.string("byCount") { return readCountWeight(r, param: param, owner: owner) }
        rejectKeys(["ranges", "perItem", "cap"], in: r, kind: "'cases'", owner: owner)
        let cases = readCases(r, owner: owner, required: true)
        guard let fallback = r.int("default", required: true, limit: .weight) else { return nil }
        return .cases(cases, default: fallback)
    }

    /// `byCount: symbols` with `ranges` (a table of item counts) or `perItem` (and an optional `cap`).
    func readCountWeight(_ r: MappingReader, param: Located<String>, owner: String) -> Weight? {
        let cases = readCases(r, owner: owner, required: false)
        let absent = r.int("default", limit: .weight)
        switch (r["ranges"], r.int("perItem", limit: .weight)) {
        case (_?, _?):
            ctx.error("weight of \(owner) counts '\(param.value)' by 'ranges' or by 'perItem', not both", at: r.node)
            return nil
        case (_?, nil):
            if let cap = r["cap"] { ctx.error("'cap' in weight of \(owner) belongs with 'perItem', not 'ranges'", at: cap) }
            return .byCount(CountWeight(param: param, scale: .ranges(readRanges(r, owner: owner, required: true)), cases: cases, absent: absent))
        case let (nil, each?):
            return .byCount(CountWeight(param: param, scale: .perItem(each, cap: r.int("cap", limit: .weight)), cases: cases, absent: absent))
        case (nil, nil):
            ctx.error("weight of \(owner) counts '\(param.value)' but gives neither 'ranges' nor 'perItem'", at: r.node)
            return nil
        }
    }

    func readRanges(_ r: MappingReader, owner: String, required: Bool) -> [Weight.Range] {
        r.list("ranges", required: required).compactMap { n -> Weight.Range? in
            guard let rr = MappingReader(n, ctx, what: "a weight range of \(owner)", allowed: ["max", "weight"]),
                let weight = rr.int("weight", required: true, limit: .weight)
            else { return nil }
            return Weight.Range(max: rr.int("max"), weight: weight)
        }
    }

    func readCases(_ r: MappingReader, owner: String, required: Bool) -> [Weight.Case] {
        r.list("cases", required: required).compactMap { n -> Weight.Case? in
            guard let c = MappingReader(n, ctx, what: "a weight case of \(owner)", allowed: Self.conditionKeys + ["weight"]),
                let weight = c.int("weight", required: true, limit: .weight)
            else { return nil }
            return Weight.Case(condition: readCondition(c), weight: weight)
        }
    }

    /// Keys that belong to another kind of weight are errors, not silently ignored.
    func rejectKeys(_ keys: [String], in r: MappingReader, kind: String, owner: String) {
        for key in keys {
            if let node = r[key] { ctx.error("'\(key)' does not belong in a \(kind) weight (\(owner))", at: node) }
        }
    }

    func readResponse(_ node: Node, owner: String) -> Response? {
        let what = "response of \(owner)"
        if case let .scalar(scalar) = node {
            guard let type = readType(Located(scalar.string, at: ctx.location(of: node))) else { return nil }
            return Response(type: type, location: ctx.location(of: node))
        }
        guard let r = MappingReader(node, ctx, what: what, allowed: ["type", "description", "selectedBy", "variants", "defaults", "errorBodies"]) else { return nil }
        var response = Response(
            type: r.string("type").flatMap { readType($0) }, description: r.text("description"), selectedBy: r.string("selectedBy"), location: r.location)
        if let n = r["variants"], let vr = MappingReader(n, ctx, what: "variants of \(what)", allowed: nil) {
            response.variants = vr.entries.compactMap { entry in
                guard let text = vr.scalarText(entry.value, key: entry.key), let type = readType(text) else { return nil }
                return Response.Variant(key: Located(entry.key, at: ctx.location(of: entry.keyNode)), type: type)
            }
        }
        response.defaults = r.list("defaults").compactMap { n in
            guard let d = MappingReader(n, ctx, what: "a variant default of \(owner)", allowed: Self.conditionKeys + ["variant"]),
                let variant = d.string("variant", required: true)
            else { return nil }
            return Response.VariantDefault(condition: readCondition(d), variant: variant)
        }
        response.errorBodies = r.list("errorBodies").compactMap { n in
            guard let e = MappingReader(n, ctx, what: "an error body of \(owner)", allowed: ["status", "type", "description"]),
                let status = e.int("status", required: true, limit: .httpStatus), let type = e.string("type", required: true).flatMap({ readType($0) })
            else { return nil }
            return Response.ErrorBody(status: status, type: type, description: e.text("description"))
        }
        if response.type == nil, response.variants.isEmpty {
            ctx.error("\(what) needs 'type' or 'variants'", at: node)
        }
        if response.selectedBy == nil, !response.variants.isEmpty, response.defaults.isEmpty {
            ctx.error("\(what) has variants but neither 'selectedBy' nor 'defaults' to choose one", at: node)
        }
        return response
    }

    func readExample(_ node: Node, owner: String) -> Example? {
        guard let r = MappingReader(node, ctx, what: "an example of \(owner)", allowed: ["name", "variant", "status", "request", "response", "description"]) else {
            return nil
        }
        var example = Example(
            name: r.text("name"), variant: r.string("variant"), status: r.int("status", limit: .httpStatus), request: [], response: r.string("response"),
            location: r.location)
        if let request = r["request"] {
            switch request {
            case .scalar: example.requestBody = r.string("request")
            case let .mapping(mapping):
                example.request = mapping.compactMap { key, value in
                    guard let name = key.scalar?.string, let text = value.scalar?.string else {
                        ctx.error("request parameters of an example must be name: value pairs", at: value)
                        return nil
                    }
                    return (name, text)
                }
            default: ctx.error("'request' of an example must be a mapping of parameters or a JSON body", at: request)
            }
        }
        if example.response == nil, example.request.isEmpty, example.requestBody == nil {
            ctx.error("an example of \(owner) needs 'request' or 'response'", at: node)
        }
        return example
    }
}
