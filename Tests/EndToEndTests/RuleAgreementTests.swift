import B2TraderFrontOffice
import BinanceJEXSpot
import BinanceSpot
import ClientRuntime
import DFXSpot
import SpecModel
import Testing

@testable import SpecMock

/// The mock and the generated clients evaluate the spec's parameter rules alike: for every rule of every
/// endpoint, parameter sets that keep it and that break it get the same findings from the rules the generator
/// wrote (on the client's `Parameters`) and from the rules the mock built from the spec (on what it received).
@Suite struct RuleAgreementTests {
    static let modules: [(spec: String, types: [any SpecRequest.Type])] = [
        ("binance-spot.yaml", BinanceSpot.RequestTypes.all), ("binance-jex-spot.yaml", BinanceJEXSpot.RequestTypes.all),
        ("dfx-spot.yaml", DFXSpot.RequestTypes.all), ("b2trader-frontoffice.yaml", B2TraderFrontOffice.RequestTypes.all),
    ]

    /// One finding, without the rule's wording (the generator words rules for people, the mock does not).
    struct Finding: Hashable, Comparable, CustomStringConvertible {
        let kind: String, params: [String], code: String?, breach: String
        var description: String { "\(kind) \(params) \(code ?? "-"): \(breach)" }
        static func < (a: Finding, b: Finding) -> Bool { a.description < b.description }
    }

    static func findings(_ rules: [ParameterRule], _ parameters: some ParameterReading) -> [Finding] {
        rules.compactMap { rule in
            rule.breach(in: parameters).map { Finding(kind: rule.kind.name, params: rule.params, code: rule.code, breach: "\($0)") }
        }.sorted()
    }

    @Test(arguments: modules.indices)
    func mockAndClientFindTheSame(_ index: Int) throws {
        let (file, types) = Self.modules[index]
        let spec = try Specs.load(file)
        var ids: [String] = []
        var compared = 0
        for type in types {
            ids.append(Self.id(of: type))
            compared += try Self.compare(type, spec)
        }
        #expect(ids == spec.endpoints.map(\.id.value))
        #expect(compared > 0)
    }

    static func id<R: SpecRequest>(of type: R.Type) -> String { R.endpoint.id }

    /// Compares the findings of one request type's generated rules with the mock's; returns the sets compared.
    static func compare<R: SpecRequest>(_ type: R.Type, _ spec: Spec) throws -> Int {
        let endpoint = try #require(spec.endpoints.first { $0.id.value == R.endpoint.id })
        let mock = EndpointRules(endpoint)
        // The generated rules leave the receive window to the runtime's own check; so does the mock's auth check.
        let recvWindow = spec.auth?.recvWindow?.param
        let mockRules = mock.rules.rules + mock.constraints.filter { $0.key != recvWindow }.sorted { $0.key < $1.key }.flatMap(\.value)
        #expect(mockRules.count == R.rules.count, "\(R.endpoint.id): \(mockRules.count) rules in the mock, \(R.rules.count) generated")
        var compared = 0
        for rule in R.rules {
            for sent in parameterSets(breaking: rule) + parameterSets(keeping: rule) {
                // A name given twice (a condition's and the rule's) is sent once, with the later value.
                let unique = sent.enumerated().filter { item in !sent[(item.offset + 1)...].contains { $0.0 == item.element.0 } }.map(\.element)
                var parameters = Parameters()
                var received = ReceivedParameters()
                for (name, value) in unique {
                    parameters.add(name, value, in: .query)
                    received.entries.append(ReceivedParameter(name: name, value: .text(value), place: .query))
                }
                let view = ReceivedView(received: received, arrayStyles: mock.arrayStyles)
                #expect(findings(R.rules.rules, parameters) == findings(mockRules, view), "\(R.endpoint.id) \(unique)")
                compared += 1
            }
        }
        return compared
    }

    /// `ParameterRules`' plan (masks, then full checks of the rules they cannot clear) finds what checking every rule
    /// in full finds, on random parameter sets drawn from the names and values the rules mention.
    @Test(arguments: modules.indices)
    func plannedChecksMatchFullChecks(_ index: Int) {
        var state: UInt64 = 2026  // a linear congruential sequence: the same sets on every run
        var compared = 0
        for type in Self.modules[index].types { compared += Self.comparePlan(type, &state) }
        #expect(compared > 0)
    }

    static func comparePlan<R: SpecRequest>(_ type: R.Type, _ state: inout UInt64) -> Int {
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let rules = R.rules
        guard !rules.isEmpty else { return 0 }
        var values: [String: [String]] = [:]
        for rule in rules {
            for name in rule.params { values[name, default: ["1", "X"]] += rule.kind.values }
            for case let .equals(name, listed) in rule.conditions { values[name, default: ["1"]] += listed }
        }
        let names = values.keys.sorted()
        for _ in 0..<200 {
            var parameters = Parameters()
            for name in names where next() % 2 == 0 {
                let choices = values[name] ?? []
                parameters.add(name, choices[next() % choices.count], in: .query)
            }
            let planned = rules.breaches(in: parameters).map { Finding(kind: $0.rule.kind.name, params: $0.rule.params, code: $0.rule.code, breach: "\($0.breach)") }
            #expect(planned.sorted() == findings(rules.rules, parameters), "\(R.endpoint.id) \(parameters.entries.map(\.name))")
        }
        return 200
    }

    /// The rule's conditions made true: `equals` with its first value, `present` with a value.
    static func applying(_ rule: ParameterRule) -> [(String, String)] {
        rule.conditions.compactMap { condition in
            switch condition {
            case let .equals(name, values): (name, values.first ?? "X")
            case let .present(name): (name, "1")
            case .absent: nil
            }
        }
    }

    /// Sets that break the rule (when its conditions can hold).
    static func parameterSets(breaking rule: ParameterRule) -> [[(String, String)]] {
        let base = applying(rule)
        let names = rule.params
        func with(_ sent: [String]) -> [(String, String)] { base + sent.map { ($0, "1") } }
        switch rule.kind {
        case .require: return [with(Array(names.dropFirst()))]
        case .requireOneOf: return [with([])] + (names.count > 1 ? [with(Array(names.prefix(2)))] : [])
        case .requireAnyOf: return [with([])]
        case .forbid: return names.map { with([$0]) }
        case .exclusive: return names.count > 1 ? [with(Array(names.prefix(2)))] : []
        case .requireValue: return [with([]), base + [(names[0], "NOT_LISTED")]]
        case let .range(min, max):
            return (min.map { _ in [base + [(names[0], "-99999999999")]] } ?? []) + (max.map { [base + [(names[0], $0 + "1")]] } ?? [])
        case .allowed: return [base + [(names[0], "NOT_LISTED")]]
        }
    }

    /// Sets that keep the rule.
    static func parameterSets(keeping rule: ParameterRule) -> [[(String, String)]] {
        let base = applying(rule)
        let names = rule.params
        switch rule.kind {
        case .require: return [base + names.map { ($0, "1") }]
        case .requireOneOf, .requireAnyOf, .exclusive: return [base + [(names[0], "1")]]
        case .forbid: return [base]
        case let .requireValue(values), let .allowed(values): return [base + [(names[0], values[0])]]
        case let .range(min, max): return [base + [(names[0], min ?? max ?? "0")]]
        }
    }
}

extension ParameterRule.Kind {
    /// Values that keep or break a value rule: its listed values, its bounds and one past them.
    fileprivate var values: [String] {
        switch self {
        case let .requireValue(values), let .allowed(values): values
        case let .range(min, max): [min, max, min.map { "-" + $0 }, max.map { $0 + "1" }].compactMap { $0 }
        default: []
        }
    }
}
