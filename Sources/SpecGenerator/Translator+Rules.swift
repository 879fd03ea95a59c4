import SpecModel

extension Translator {
    func values(_ texts: [String]) -> [ValueContext] {
        texts.map { ValueContext(literal: SwiftText.literal($0)) }
    }

    func conditions(_ condition: Condition) -> [ConditionContext] {
        let parts: [(String, String, [String])] =
            condition.equals.map { ("equals", $0.param.value, $0.values.map(\.text)) }
            + condition.present.map { ("present", $0.value, []) } + condition.absent.map { ("absent", $0.value, []) }
        return parts.map { part in
            ConditionContext(kind: part.0, isEquals: part.0 == "equals", name: SwiftText.literal(part.1), values: values(part.2))
        }
    }

    /// The rule as a person reads it: "type=LIMIT: requires timeInForce, quantity, price".
    func ruleText(_ condition: Condition, _ requirement: String) -> String {
        let parts =
            condition.equals.map { "\($0.param.value)=\($0.values.map(\.text).joined(separator: "|"))" }
            + condition.present.map { "\($0.value) sent" } + condition.absent.map { "\($0.value) not sent" }
        return parts.isEmpty ? requirement : parts.joined(separator: " and ") + ": " + requirement
    }

    func rules(_ endpoint: Endpoint, _ params: [Parameter]) -> [RuleContext] {
        var result: [RuleContext] = []
        func add(
            _ kind: String, _ names: [String], _ condition: Condition, _ text: String, code: String? = nil, values: [String] = [], min: String? = nil, max: String? = nil
        ) {
            result.append(
                RuleContext(
                    kind: kind, values: self.values(values), hasValues: kind == "requireValue" || kind == "allowed",
                    min: min.map(SwiftText.literal) ?? "nil", max: max.map(SwiftText.literal) ?? "nil", isRange: kind == "range",
                    params: self.values(names), conditions: conditions(condition), text: SwiftText.literal(text),
                    code: code.map(SwiftText.literal)))
        }
        for rule in endpoint.rules {
            let names = rule.requirement.params.map(\.value)
            let list = names.joined(separator: ", ")
            switch rule.requirement {
            case .require: add("require", names, rule.condition, ruleText(rule.condition, "requires \(list)"), code: rule.error)
            case .requireOneOf: add("requireOneOf", names, rule.condition, ruleText(rule.condition, "requires exactly one of \(list)"), code: rule.error)
            case .requireAnyOf: add("requireAnyOf", names, rule.condition, ruleText(rule.condition, "requires at least one of \(list)"), code: rule.error)
            case .forbid: add("forbid", names, rule.condition, ruleText(rule.condition, "forbids \(list)"), code: rule.error)
            case .exclusive: add("exclusive", names, rule.condition, ruleText(rule.condition, "allows at most one of \(list)"), code: rule.error)
            case let .requireValue(equals):
                for e in equals {
                    let allowed = e.values.map(\.text)
                    add(
                        "requireValue", [e.param.value], rule.condition, ruleText(rule.condition, "requires \(e.param.value)=\(allowed.joined(separator: "|"))"),
                        code: rule.error, values: allowed)
                }
            }
        }
        let recvWindow = spec.auth?.recvWindow?.param
        for param in params where param.name.value != recvWindow {
            let name = param.name.value
            if param.min != nil || param.max != nil {
                let bounds = [param.min.map { "≥ \($0.text)" }, param.max.map { "≤ \($0.text)" }].compactMap { $0 }.joined(separator: ", ")
                add("range", [name], Condition(), "\(name) \(bounds)", min: param.min?.text, max: param.max?.text)
            }
            if !param.values.isEmpty {
                let allowed = param.values.map(\.text)
                add("allowed", [name], Condition(), "\(name) is one of \(allowed.joined(separator: ", "))", values: allowed)
            }
        }
        return result
    }

    /// Whether a request with no parameters set breaks one of the endpoint's rules, as the runtime evaluates them:
    /// a rule applies to it when its condition names no value and no sent parameter (`whenAbsent` holds, nothing
    /// else does), and then every requirement but `forbid` and `exclusive` demands a parameter. Such a request gets
    /// no default argument (`queryOrderList()` would always fail `validate()`).
    func emptyRequestBreaksARule(_ endpoint: Endpoint) -> Bool {
        endpoint.rules.contains { rule in
            guard rule.condition.equals.isEmpty, rule.condition.present.isEmpty else { return false }
            switch rule.requirement {
            case let .require(params): return !params.isEmpty
            case .requireOneOf, .requireAnyOf, .requireValue: return true
            case .forbid, .exclusive: return false
            }
        }
    }

    func weight(_ endpoint: Endpoint) -> WeightContext {
        switch endpoint.weight {
        case nil:
            return WeightContext(isFixed: true)
        case let .fixed(weight)?:
            return WeightContext(isFixed: true, fixed: weight, fallback: weight)
        case let .cases(cases, fallback)?:
            return WeightContext(isCases: true, cases: weightCases(cases), fallback: fallback)
        case let .byParam(param, ranges)?:
            let assumed = endpoint.param(named: param.value)?.defaultValue.flatMap { Int64($0.text) }.map(String.init) ?? "nil"
            return WeightContext(isByParam: true, param: SwiftText.literal(param.value), ranges: weightRanges(ranges), assumed: assumed)
        case let .byCount(count)?:
            var context = WeightContext(cases: weightCases(count.cases), param: SwiftText.literal(count.param.value), isByCount: true)
            context.absent = count.absent.map(String.init) ?? "nil"
            switch count.scale {
            case let .ranges(ranges):
                context.isCountRanges = true
                context.ranges = weightRanges(ranges)
            case let .perItem(each, cap):
                context.perItem = each
                context.cap = cap.map(String.init) ?? "nil"
            }
            return context
        }
    }

    func weightCases(_ cases: [Weight.Case]) -> [WeightCaseContext] {
        cases.map { WeightCaseContext(conditions: conditions($0.condition), weight: $0.weight) }
    }

    func weightRanges(_ ranges: [Weight.Range]) -> [WeightRangeContext] {
        ranges.map { WeightRangeContext(max: $0.max.map(String.init) ?? "nil", weight: $0.weight) }
    }

    /// A readable weight for doc comments.
    func weightText(_ weight: Weight?) -> String {
        switch weight {
        case nil: return "1"
        case let .fixed(w)?: return "\(w)"
        case let .cases(cases, fallback)?:
            return (caseTexts(cases) + ["\(fallback) otherwise"]).joined(separator: "; ")
        case let .byParam(param, ranges)?:
            return "by `\(param.value)`: " + rangeText(ranges)
        case let .byCount(count)?:
            let scale: String
            switch count.scale {
            case let .ranges(ranges): scale = "by the number of `\(count.param.value)`: " + rangeText(ranges)
            case let .perItem(each, cap): scale = "\(each) per item of `\(count.param.value)`" + (cap.map { ", at most \($0)" } ?? "")
            }
            let absent = count.absent.map(String.init) ?? "the weight of one item"
            return (caseTexts(count.cases) + [scale, "\(absent) without `\(count.param.value)`"]).joined(separator: "; ")
        }
    }

    func caseTexts(_ cases: [Weight.Case]) -> [String] {
        cases.map { c in "\(c.weight) when \(ruleText(c.condition, "").dropLast(2))" }
    }

    func rangeText(_ ranges: [Weight.Range]) -> String {
        ranges.map { r in r.max.map { "up to \($0) → \(r.weight)" } ?? "above → \(r.weight)" }.joined(separator: ", ")
    }

    /// Static constructors for the legal combinations of a selector parameter (`NewOrderRequest.limit(…)`).
    func constructors(_ endpoint: Endpoint, _ params: [Parameter]) -> [ConstructorContext] {
        let required = params.filter(\.required)
        var result: [ConstructorContext] = []
        for selector in required {
            guard case let .named(enumName) = selector.type.value, let def = spec.enumDef(named: enumName) else { continue }
            for value in def.values.map(\.value.value) {
                // A `whenAbsent` rule applies too when it names only optional parameters: the constructor leaves them out.
                let applicable = endpoint.rules.filter { rule in
                    rule.condition.present.isEmpty && rule.condition.absent.allSatisfy { name in !required.contains { $0.name.value == name.value } }
                        && rule.condition.equals.count == 1
                        && rule.condition.equals[0].param.value == selector.name.value && rule.condition.equals[0].values.contains { $0.text == value }
                }
                guard !applicable.isEmpty else { continue }
                var must = Set(required.map(\.name.value))
                var groups: [[String]] = []
                for rule in applicable {
                    switch rule.requirement {
                    case let .require(p): must.formUnion(p.map(\.value))
                    case let .requireOneOf(p), let .requireAnyOf(p): groups.append(p.map(\.value))
                    default: break
                    }
                }
                groups = groups.filter { $0.allSatisfy { !must.contains($0) } }
                var choices: [[String]] = [[]]
                for group in groups { choices = choices.flatMap { base in group.map { base + [$0] } } }
                guard choices.count <= 4 else { continue }
                for choice in choices {
                    let chosen = must.union(choice).subtracting([selector.name.value])
                    let ordered = params.filter { chosen.contains($0.name.value) }
                    let texts = applicable.map { rule -> String in
                        let list = rule.requirement.params.map(\.value).joined(separator: ", ")
                        return "\(rule.requirement.keyword) \(list)"
                    }
                    let args = ordered.map { p in
                        ArgumentContext(label: Naming.property(p.name.value, swiftName: p.swiftName), type: swiftType(p.type.value))
                    }
                    let assigned = params.filter { chosen.contains($0.name.value) || $0.name.value == selector.name.value }
                    let assignments = assigned.map { p in
                        let name = Naming.property(p.name.value, swiftName: p.swiftName)
                        let value =
                            p.name.value == selector.name.value ? "." + Naming.enumCase(value, swiftName: def.values.first { $0.value.value == value }?.swiftName) : name
                        return AssignmentContext(name: Naming.label(name), value: value)
                    }
                    result.append(
                        ConstructorContext(
                            doc: SwiftText.doc(["A `\(selector.name.value)=\(value)` request with what that type requires (\(texts.joined(separator: "; ")))."]),
                            name: Naming.enumCase(value, swiftName: def.values.first { $0.value.value == value }?.swiftName),
                            arguments: args, assignments: assignments))
                }
            }
            // The first selector that yields constructors wins (`side` of a new order has none; `type` has them).
            if !result.isEmpty { break }
        }
        return result
    }
}
