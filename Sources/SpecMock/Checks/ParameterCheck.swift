import SpecModel

import struct ClientRuntime.ParameterRule

/// Checks a request's parameters against its endpoint as the spec states them: unknown names, mandatory
/// parameters, value types, then each value's bounds and allowed values and the conditional rules in spec order,
/// the last two with ClientRuntime's evaluator (the one generated clients run before sending).
struct ParameterCheck {
    let spec: Spec
    /// Parameters the auth check owns (signature, timestamp, receive window).
    let signingParams: Set<String>
    let rejectUnknown: Bool
    /// Each endpoint's rules and weight as runtime values, by endpoint id.
    private let endpoints: [String: EndpointRules]

    init(spec: Spec, signingParams: Set<String>, rejectUnknown: Bool) {
        self.spec = spec
        self.signingParams = signingParams
        self.rejectUnknown = rejectUnknown
        endpoints = Dictionary(spec.endpoints.map { ($0.id.value, EndpointRules($0)) }, uniquingKeysWith: { a, _ in a })
    }

    func check(_ received: ReceivedParameters, for endpoint: Endpoint) -> Rejection? {
        let known = Dictionary(endpoint.params.map { ($0.name.value, $0) }, uniquingKeysWith: { a, _ in a })
        if rejectUnknown,
            let unknown = received.entries.first(where: { entry in
                entry.place != .header && known[entry.name] == nil && !signingParams.contains(entry.name)
            })
        {
            return .unknownParameter(unknown.name)
        }
        for param in endpoint.params where param.required && !signingParams.contains(param.name.value) {
            guard let value = received[param.name.value], value.isPresent else { return .missingParameter(param.name.value) }
        }
        let rules = self.rules(of: endpoint)
        let view = ReceivedView(received: received, arrayStyles: rules.arrayStyles)
        let values = ValueCheck(spec: spec)
        for entry in received.entries where !signingParams.contains(entry.name) {
            guard let param = known[entry.name] else { continue }
            if entry.text == nil, param.nullable || !param.required { continue }
            guard entry.isPresent else { return .emptyParameter(entry.name) }
            if let rejection = values.check(param, entry) { return rejection }
            for rule in rules.constraints[entry.name] ?? [] {
                if let breach = rule.breach(in: view) { return Self.rejection(for: breach, of: rule) }
            }
        }
        return rules.rules.breaches(in: view).first.map { Self.rejection(for: $0.breach, of: $0.rule) }
    }

    /// The request weight the spec gives for these parameters.
    func weight(of endpoint: Endpoint, _ received: ReceivedParameters) -> Int {
        let rules = self.rules(of: endpoint)
        return rules.weight.weight(of: ReceivedView(received: received, arrayStyles: rules.arrayStyles))
    }

    private func rules(of endpoint: Endpoint) -> EndpointRules {
        endpoints[endpoint.id.value] ?? EndpointRules(endpoint)
    }

    /// The venue's rejection for what the runtime found: its documented code when the spec gives one.
    static func rejection(for breach: ParameterRule.Breach, of rule: ParameterRule) -> Rejection {
        let reason: Rejection
        switch (breach, rule.kind) {
        case let (.missing(names), .requireOneOf), let (.missing(names), .requireAnyOf): reason = .missingOneOf(names)
        case let (.missing(names), _): reason = .missingParameter(names.first ?? "")
        case let (.sent(names), .forbid): reason = .sentWhenNotRequired(names.first ?? "")
        case let (.sent(names), _): reason = .badCombination(names)
        case let (.value(name, _), _): reason = .notAllowed(name)
        case let (.belowMinimum(name, _), .range(min, _)): reason = .belowMinimum(name, min: min ?? "")
        case let (.aboveMaximum(name, _), .range(_, max)): reason = .aboveMaximum(name, max: max ?? "")
        case let (.belowMinimum(name, _), _), let (.aboveMaximum(name, _), _): reason = .notAllowed(name)
        }
        return rule.code.map { .documented(code: $0, reason: reason) } ?? reason
    }
}
