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
        let mockRules = mock.rules + mock.constraints.filter { $0.key != recvWindow }.sorted { $0.key < $1.key }.flatMap(\.value)
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
                #expect(findings(R.rules, parameters) == findings(mockRules, view), "\(R.endpoint.id) \(unique)")
                compared += 1
            }
        }
        return compared
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
