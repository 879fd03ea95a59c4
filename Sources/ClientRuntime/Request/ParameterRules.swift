/// A request type's rules, in spec order, with a plan for checking them computed once per type.
///
/// The plan numbers the parameter names the rules read and keeps, for each rule, the names it needs sent and
/// absent as bit masks. Checking a request then looks each name up once; a rule whose masks say it holds costs a
/// few integer operations. A rule the masks cannot clear (a value rule that applies, or one that is broken) is
/// checked with ``ParameterRule/breach(in:)``, so both paths give the same answer (`RuleAgreementTests` compares
/// them on every generated request's rules).
public struct ParameterRules: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, Hashable {
    private let plan: Plan

    /// The rules, in spec order.
    public var rules: [ParameterRule] { plan.rules }

    /// Rules in spec order.
    public init(_ rules: [ParameterRule]) {
        plan = Plan(rules)
    }

    public init(arrayLiteral rules: ParameterRule...) {
        self.init(rules)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { plan.rules.count }
    public subscript(position: Int) -> ParameterRule { plan.rules[position] }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.plan === rhs.plan || lhs.rules == rhs.rules }
    public func hash(into hasher: inout Hasher) { hasher.combine(rules) }

    /// Every rule `parameters` break, in spec order.
    public func breaches(in parameters: some ParameterReading) -> [(rule: ParameterRule, breach: ParameterRule.Breach)] {
        var found: [(rule: ParameterRule, breach: ParameterRule.Breach)] = []
        plan.forEachSuspect(in: parameters) { rule in
            if let breach = rule.breach(in: parameters) { found.append((rule, breach)) }
        }
        return found
    }

    /// Every mis-cased enum value in `parameters`, then every rule they break, in spec order.
    public func violations(in parameters: Parameters) -> [RequestValidationError.Violation] {
        var found = parameters.spellingViolations
        plan.forEachSuspect(in: parameters) { rule in
            if let violation = rule.check(parameters) { found.append(violation) }
        }
        return found
    }

    /// Throws one `RequestValidationError` listing every violation; returns when there is none. `endpoint` is
    /// read only for the error.
    public func validate(_ parameters: Parameters, endpoint: @autoclosure () -> String) throws {
        let found = violations(in: parameters)
        if !found.isEmpty { throw RequestValidationError(endpoint: endpoint(), violations: found) }
    }
}

extension ParameterRules {
    /// The rules with their names numbered and their presence demands as masks.
    private final class Plan: Sendable {
        let rules: [ParameterRule]
        /// The names the rules read; nil when there are more than 64 (then every rule is checked in full).
        let names: [String]?
        /// The positions in `names` of the names of each UTF-8 length: a sent name is compared only with those.
        let slotsByLength: [[Int]]
        let steps: [Step]
        /// Every rule's `equals` conditions, one after another: a name's position and the values it must have.
        let equals: [(slot: Int, values: [String])]

        /// One rule's demands on which of `names` are sent; plain integers, so reading one copies no reference.
        struct Step: Sendable {
            /// Names that must be sent, and not sent, for the rule to apply.
            var whenSent: UInt64 = 0
            var whenAbsent: UInt64 = 0
            /// The rule's `equals` conditions, as positions in `equals`.
            var whenEquals = 0..<0
            /// The rule's parameters.
            var params: UInt64 = 0
            /// How an applying rule is decided.
            var decision = Decision.inFull
        }

        enum Decision {
            /// From how many of its parameters are sent: all (`require`), exactly one, at least one, none, at most one.
            case all, one, any, none, atMostOne
            /// In full when its parameter is sent (`range`, `allowed`: an absent one passes).
            case inFullWhenSent
            /// Always in full (`requireValue`, and a rule that names a parameter twice).
            case inFull
        }

        init(_ rules: [ParameterRule]) {
            self.rules = rules
            var names: [String] = []
            var position: [String: Int] = [:]
            func slot(_ name: String) -> Int {
                if let index = position[name] { return index }
                position[name] = names.count
                names.append(name)
                return names.count - 1
            }
            func bit(_ name: String) -> UInt64 {
                let index = slot(name)
                return index < 64 ? 1 << UInt64(index) : 0
            }
            var steps: [Step] = []
            var equals: [(slot: Int, values: [String])] = []
            for rule in rules {
                var step = Step()
                let first = equals.count
                for condition in rule.conditions {
                    switch condition {
                    case let .equals(name, values): equals.append((slot(name), values))
                    case let .present(name): step.whenSent |= bit(name)
                    case let .absent(name): step.whenAbsent |= bit(name)
                    }
                }
                step.whenEquals = first..<equals.count
                for name in rule.params { step.params |= bit(name) }
                step.decision =
                    switch rule.kind {
                    case _ where Set(rule.params).count != rule.params.count: .inFull
                    case .require: .all
                    case .requireOneOf: .one
                    case .requireAnyOf: .any
                    case .forbid: .none
                    case .exclusive: .atMostOne
                    case .range, .allowed: .inFullWhenSent
                    case .requireValue: .inFull
                    }
                steps.append(step)
            }
            self.names = names.count <= 64 ? names : nil
            var slotsByLength = Array(repeating: [Int](), count: (names.map(\.utf8.count).max() ?? 0) + 1)
            for (slot, name) in names.enumerated() { slotsByLength[name.utf8.count].append(slot) }
            self.slotsByLength = slotsByLength
            self.steps = steps
            self.equals = equals
        }

        /// Calls `body` with each rule the masks cannot clear, in spec order.
        func forEachSuspect(in parameters: some ParameterReading, _ body: (ParameterRule) -> Void) {
            guard let names else { return rules.forEach(body) }
            let sent = sentMask(parameters, names)
            // The value last read for an `equals` condition: rules mostly test the same selector (`type`).
            var readSlot = -1
            var readText: String?
            steps: for index in steps.indices {
                let step = steps[index]
                guard sent & step.whenSent == step.whenSent, sent & step.whenAbsent == 0 else { continue }
                for condition in step.whenEquals {
                    let slot = equals[condition].slot
                    if readSlot != slot { (readSlot, readText) = (slot, parameters.wireText(names[slot])) }
                    guard let text = readText, equals[condition].values.contains(text) else { continue steps }
                }
                let given = sent & step.params
                switch step.decision {
                case .all: if given == step.params { continue }
                case .one: if given.nonzeroBitCount == 1 { continue }
                case .any: if given != 0 { continue }
                case .none: if given == 0 { continue }
                case .atMostOne: if given.nonzeroBitCount <= 1 { continue }
                case .inFullWhenSent: if given == 0 { continue }
                case .inFull: break
                }
                body(rules[index])
            }
        }

        /// Bit `i` set when `names[i]` is sent. A client's `Parameters` are walked once, each name compared only
        /// with the rules' names of its length; any other reader is asked name by name.
        private func sentMask(_ parameters: some ParameterReading, _ names: [String]) -> UInt64 {
            var sent: UInt64 = 0
            if let parameters = parameters as? Parameters {
                parameters.entries.withUnsafeBufferPointer { entries in
                    for entry in entries.indices {
                        let length = entries[entry].name.utf8.count
                        guard length < slotsByLength.count else { continue }
                        for slot in slotsByLength[length] where names[slot] == entries[entry].name {
                            sent |= 1 << UInt64(slot)
                        }
                    }
                }
            } else {
                for index in names.indices where parameters.isSent(names[index]) { sent |= 1 << UInt64(index) }
            }
            return sent
        }
    }
}
