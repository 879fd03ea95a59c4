extension SpecValidator {
    mutating func checkEndpoint(_ endpoint: Endpoint) {
        let owner = "endpoint '\(endpoint.id.value)'"
        checkSecurity(endpoint.security)
        if let problem = FormChecks.pathProblem(endpoint.path.value) { error(problem, at: endpoint.path.location) }
        reportDuplicates(endpoint.params.map(\.name), what: "parameter", in: owner)
        let templated = endpoint.pathTemplateNames
        for name in templated where endpoint.param(named: name) == nil {
            error("path template names '{\(name)}' but \(owner) has no parameter '\(name)'", at: endpoint.path.location)
        }
        for param in endpoint.params {
            checkParam(param)
            if param.location == .path, !templated.contains(param.name.value) {
                error("path parameter '\(param.name.value)' is missing from the path template '\(endpoint.path.value)'", at: param.name.location)
            }
            if param.location == .body || param.location == nil, endpoint.method == .GET, endpoint.request.encoding == .json {
                error("GET \(owner) cannot send a JSON body", at: param.name.location)
            }
        }
        for rule in endpoint.rules { checkRule(rule, in: endpoint) }
        if let weight = endpoint.weight { checkWeight(weight, in: endpoint) }
        if let response = endpoint.response { checkResponse(response, in: endpoint) }
        for example in endpoint.examples { checkExample(example, in: endpoint) }
    }

    /// What a parameter must be wherever it is declared: a known type, sane bounds, values of its enum.
    mutating func checkParam(_ param: Parameter) {
        checkType(param.type)
        checkNumericBounds(param)
        checkEnumValues(param.values, of: param.type.value, owner: "parameter '\(param.name.value)'")
    }

    mutating func checkEnumValues(_ values: [ScalarValue], of type: TypeRef, owner: String) {
        guard let enumDef = enumDef(of: type) else { return }
        for value in values where !enumDef.values.contains(where: { $0.value.value == value.text }) {
            error("value '\(value.text)' of \(owner) is not in enum '\(enumDef.name.value)'", at: value.location)
        }
    }

    func enumDef(of type: TypeRef) -> EnumDef? {
        switch type {
        case let .named(name): spec.enumDef(named: name)
        case let .array(element): enumDef(of: element)
        default: nil
        }
    }

    mutating func checkParamName(_ name: Located<String>, in endpoint: Endpoint, role: String) {
        guard endpoint.param(named: name.value) == nil else { return }
        let hint = closest(to: name.value, in: endpoint.params.map(\.name.value)).map { "; did you mean '\($0)'?" } ?? ""
        error("\(role) names unknown parameter '\(name.value)'\(hint)", at: name.location)
    }

    mutating func checkCondition(_ condition: Condition, in endpoint: Endpoint, role: String) {
        for name in condition.params { checkParamName(name, in: endpoint, role: role) }
        for equals in condition.equals { checkValues(equals, in: endpoint, role: role) }
    }

    mutating func checkValues(_ equals: Condition.Equals, in endpoint: Endpoint, role: String) {
        guard let param = endpoint.param(named: equals.param.value) else { return }
        if let enumDef = enumDef(of: param.type.value) {
            for value in equals.values where !enumDef.values.contains(where: { $0.value.value == value.text }) {
                error("\(role) compares '\(param.name.value)' with '\(value.text)', which is not a value of enum '\(enumDef.name.value)'", at: value.location)
            }
        } else if param.type.value == .boolean {
            for value in equals.values where !["true", "false"].contains(value.text) {
                error("\(role) compares boolean '\(param.name.value)' with '\(value.text)'", at: value.location)
            }
        }
    }

    mutating func checkRule(_ rule: Rule, in endpoint: Endpoint) {
        checkCondition(rule.condition, in: endpoint, role: "rule")
        for name in rule.requirement.params { checkParamName(name, in: endpoint, role: "rule") }
        if case let .requireValue(equals) = rule.requirement {
            for e in equals { checkValues(e, in: endpoint, role: "rule") }
        }
        switch rule.requirement {
        case let .requireOneOf(p), let .requireAnyOf(p), let .exclusive(p):
            if p.count < 2 { error("'\(rule.requirement.keyword)' needs at least two parameters", at: rule.location) }
        default: break
        }
        if let code = rule.error, !spec.errors.isEmpty, !spec.errors.contains(where: { $0.code.value == code }) {
            warning("rule answers with error \(code), which the error catalog lacks", at: rule.location)
        }
    }

    mutating func checkWeight(_ weight: Weight, in endpoint: Endpoint) {
        switch weight {
        case .fixed: break
        case let .cases(cases, _):
            for c in cases { checkCondition(c.condition, in: endpoint, role: "weight case") }
        case let .byParam(param, ranges):
            checkParamName(param, in: endpoint, role: "weight")
            checkRanges(ranges, at: param.location)
        case let .byCount(count):
            checkCountWeight(count, in: endpoint)
        }
    }

    mutating func checkRanges(_ ranges: [Weight.Range], at location: SourceLocation) {
        let bounds = ranges.compactMap(\.max)
        if bounds != bounds.sorted() || Set(bounds).count != bounds.count || ranges.dropLast().contains(where: { $0.max == nil }) {
            error("weight ranges must be in increasing order, with the open range last", at: location)
        }
        if ranges.contains(where: { $0.weight < 0 || ($0.max ?? 0) < 0 }) {
            error("weight ranges must not be negative", at: location)
        }
    }

    func isArray(_ type: TypeRef) -> Bool {
        if case .array = type { return true }
        return false
    }

    /// The counted parameter must be an array; the scale must be well formed.
    mutating func checkCountWeight(_ count: CountWeight, in endpoint: Endpoint) {
        let location = count.param.location
        checkParamName(count.param, in: endpoint, role: "weight")
        if let param = endpoint.param(named: count.param.value), !isArray(param.type.value) {
            error("weight counts the items of '\(count.param.value)', which is not an array parameter", at: location)
        }
        for c in count.cases { checkCondition(c.condition, in: endpoint, role: "weight case") }
        if count.cases.contains(where: { $0.weight < 0 }) || (count.absent ?? 0) < 0 {
            error("weights must not be negative", at: location)
        }
        switch count.scale {
        case let .ranges(ranges):
            if ranges.isEmpty { error("weight by the count of '\(count.param.value)' needs at least one range", at: location) }
            checkRanges(ranges, at: location)
        case let .perItem(each, cap):
            if each <= 0 { error("'perItem' must be a positive weight, found \(each)", at: location) }
            if let cap, cap < each { error("'cap' (\(cap)) must be at least 'perItem' (\(each))", at: location) }
        }
    }

    mutating func checkResponse(_ response: Response, in endpoint: Endpoint) {
        response.type.map { checkType($0) }
        response.errorBodies.forEach { checkType($0.type) }
        reportDuplicates(response.variants.map(\.key), what: "variant", in: "response of endpoint '\(endpoint.id.value)'")
        response.variants.forEach { checkType($0.type) }
        if let selector = response.selectedBy {
            if let param = endpoint.param(named: selector.value) {
                checkSelector(selector, param, response.variants)
            } else {
                checkParamName(selector, in: endpoint, role: "response selector")
            }
        }
        for d in response.defaults {
            checkCondition(d.condition, in: endpoint, role: "variant default")
            if !response.variants.contains(where: { $0.key.value == d.variant.value }) {
                error("variant default names '\(d.variant.value)', which is not a variant of this response", at: d.variant.location)
            }
        }
    }

    /// Variants keyed by a parameter's value must be values of its enum.
    mutating func checkSelector(_ selector: Located<String>, _ param: Parameter, _ variants: [Response.Variant]) {
        guard let enumDef = enumDef(of: param.type.value) else {
            return error("response selector '\(selector.value)' must be an enum parameter", at: selector.location)
        }
        for variant in variants where !enumDef.values.contains(where: { $0.value.value == variant.key.value }) {
            error("response variant '\(variant.key.value)' is not a value of enum '\(enumDef.name.value)' (the type of '\(selector.value)')", at: variant.key.location)
        }
    }
}
