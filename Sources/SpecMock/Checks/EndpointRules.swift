import SpecModel
import SpecTraffic

import enum ClientRuntime.CountScale
import enum ClientRuntime.ParameterCondition
import protocol ClientRuntime.ParameterReading
import struct ClientRuntime.ParameterRule
import struct ClientRuntime.ParameterRules
import enum ClientRuntime.RequestWeight

/// An endpoint's rules, parameter constraints and weight as ClientRuntime's values, built once when the mock
/// starts: the mock checks what it receives with the same evaluator the generated clients check before sending.
struct EndpointRules: Sendable {
    /// The conditional rules in spec order (a `requireValue` naming several parameters is one rule for each).
    let rules: ParameterRules
    /// Each parameter's `range` and `allowed` constraints.
    let constraints: [String: [ParameterRule]]
    let weight: RequestWeight
    /// How each array parameter is written in a query string or form.
    let arrayStyles: [String: SpecModel.ArrayStyle]

    init(_ endpoint: Endpoint) {
        rules = ParameterRules(endpoint.rules.flatMap(Self.rules))
        var constraints: [String: [ParameterRule]] = [:]
        var styles: [String: SpecModel.ArrayStyle] = [:]
        for param in endpoint.params {
            let name = param.name.value
            if case .array = param.type.value { styles[name] = param.arrayStyle ?? .json }
            if param.min != nil || param.max != nil {
                constraints[name, default: []].append(ParameterRule(.range(min: param.min?.text, max: param.max?.text), [name], rule: "\(name) bounds"))
            }
            if !param.values.isEmpty {
                constraints[name, default: []].append(ParameterRule(.allowed(param.values.map(\.text)), [name], rule: "\(name) values"))
            }
        }
        self.constraints = constraints
        arrayStyles = styles
        weight = Self.weight(endpoint)
    }

    /// The runtime rules of one spec rule.
    static func rules(_ rule: Rule) -> [ParameterRule] {
        let conditions = rule.condition.parameterConditions
        func make(_ kind: ParameterRule.Kind, _ params: [Located<String>]) -> ParameterRule {
            ParameterRule(kind, params.map(\.value), when: conditions, rule: rule.requirement.keyword, code: rule.error)
        }
        switch rule.requirement {
        case let .require(params): return [make(.require, params)]
        case let .requireOneOf(params): return [make(.requireOneOf, params)]
        case let .requireAnyOf(params): return [make(.requireAnyOf, params)]
        case let .forbid(params): return [make(.forbid, params)]
        case let .exclusive(params): return [make(.exclusive, params)]
        case let .requireValue(equals): return equals.map { make(.requireValue($0.values.map(\.text)), [$0.param]) }
        }
    }

    /// The spec's weight (1 when it gives none); a by-parameter table assumes the parameter's documented default.
    static func weight(_ endpoint: Endpoint) -> RequestWeight {
        func cases(_ cases: [Weight.Case]) -> [RequestWeight.Case] {
            cases.map { RequestWeight.Case(when: $0.condition.parameterConditions, weight: $0.weight) }
        }
        func ranges(_ ranges: [Weight.Range]) -> [RequestWeight.Range] {
            ranges.map { RequestWeight.Range(max: $0.max.map(Int64.init), weight: $0.weight) }
        }
        switch endpoint.weight {
        case nil: return .fixed(1)
        case let .fixed(weight)?: return .fixed(weight)
        case let .cases(list, fallback)?: return .cases(cases(list), default: fallback)
        case let .byParam(param, list)?:
            let assumed = endpoint.param(named: param.value)?.defaultValue.flatMap { Int64($0.text) }
            return .byParam(param.value, ranges: ranges(list), assumed: assumed)
        case let .byCount(count)?:
            let scale: CountScale
            switch count.scale {
            case let .ranges(list): scale = .ranges(ranges(list))
            case let .perItem(each, cap): scale = .perItem(each, cap: cap)
            }
            return .byCount(count.param.value, scale, cases: cases(count.cases), absent: count.absent)
        }
    }
}

/// What the mock received, as the runtime's rules read parameters: a parameter counts as sent when it carries a
/// usable value (not empty, not `null`), and an array parameter's items are split by its style.
struct ReceivedView: ParameterReading {
    let received: ReceivedParameters
    let arrayStyles: [String: SpecModel.ArrayStyle]

    func isSent(_ name: String) -> Bool { received.isPresent(name) }

    func wireText(_ name: String) -> String? {
        guard let entry = received[name], entry.isPresent else { return nil }
        return entry.text
    }

    func elementTexts(_ name: String) -> [String]? {
        guard let entry = received[name], entry.isPresent else { return nil }
        guard let style = arrayStyles[name] else { return entry.text.map { [$0] } }
        return ValueCheck.arrayItems(entry, style: style)?.compactMap { ReceivedParameter(name: name, value: $0, place: .query).text }
    }

    func itemCount(_ name: String) -> Int? {
        guard let entry = received[name], entry.isPresent else { return nil }
        return ValueCheck.arrayItems(entry, style: arrayStyles[name] ?? .json)?.count ?? 1
    }
}
