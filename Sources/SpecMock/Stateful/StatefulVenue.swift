import ClientRuntime
import Foundation
import SpecModel

/// One venue's side of the stateful mode: which endpoints it answers from the state, and in which shapes. Everything
/// else (books, balances, filters, lists) is `TradingState`'s, shared by every venue.
protocol VenueAnswers: Sendable {
    /// The filters the state enforces, read from the scenario in the venue's own form.
    var filters: ExchangeFilters { get }
    /// The answer to an endpoint the state serves, or `nil` to fall back to the spec's example.
    func answer(_ endpoint: SpecModel.Endpoint, _ request: ReceivedParameters, _ state: inout TradingState, now: Int64) -> OutgoingResponse?
}

/// The mock's clock in stateful mode: the scenario's start plus the time passed since the mock started (none when
/// the scenario freezes the clock), plus any jumps a test asked for (`MockExchange.advanceClock(by:)`).
final class ScenarioClock: Sendable {
    let start: Int64
    private let base: @Sendable () -> Int64
    private let baseAtStart: Int64
    private let jumped = Locked<Int64>(0)

    init(start: Int64?, frozen: Bool = false, base: @escaping @Sendable () -> Int64) {
        let frozenAt = base()
        let still: @Sendable () -> Int64 = { frozenAt }
        self.base = frozen ? still : base
        baseAtStart = base()
        self.start = start ?? baseAtStart
    }

    func now() -> Int64 {
        let passed = CheckedArithmetic.add64(base(), -baseAtStart)
        return CheckedArithmetic.add64(CheckedArithmetic.add64(start, passed), jumped.withLock { $0 })
    }

    func advance(by milliseconds: Int64) { jumped.withLock { $0 = CheckedArithmetic.add64($0, max(0, milliseconds)) } }
}

/// The stateful mode of a mock: a `TradingState` behind a lock, moved by the scenario's script as the clock passes,
/// and the venue's answers.
final class StatefulVenue: Sendable {
    let clock: ScenarioClock
    private let answers: any VenueAnswers
    private let state: Locked<TradingState>

    init(spec: Spec, scenario: Scenario, clock: ScenarioClock) throws(MockError) {
        self.clock = clock
        let venue = spec.api.value
        if venue.hasPrefix("binance") {
            answers = try BinanceAnswers(spec: spec, scenario: scenario)
        } else if venue.hasPrefix("dfx") {
            answers = try DFXAnswers(spec: spec, scenario: scenario)
        } else {
            throw MockError.invalidScenario("the stateful mode does not know the venue '\(venue)' (it knows Binance, Binance JEX and DFX)")
        }
        var initial = scenario
        initial.clockStart = clock.start
        state = Locked(TradingState(scenario: initial, filters: answers.filters))
    }

    /// The answer from the state (`nil` for endpoints the state does not serve), after running the script up to now,
    /// and what that changed in the account.
    func answer(_ endpoint: SpecModel.Endpoint, _ request: ReceivedParameters, now: Int64) -> (OutgoingResponse?, AccountChanges) {
        state.withLock { state in
            let before = state
            state.runScript(elapsed: CheckedArithmetic.add64(now, -clock.start), now: now)
            let answer = answers.answer(endpoint, request, &state, now: now)
            return (answer, AccountChanges.between(before, state))
        }
    }

    /// Runs the script up to the clock's time (after `advanceClock`); returns what that changed in the account.
    @discardableResult
    func catchUp() -> AccountChanges {
        let now = clock.now()
        return state.withLock { state in
            let before = state
            state.runScript(elapsed: CheckedArithmetic.add64(now, -clock.start), now: now)
            return AccountChanges.between(before, state)
        }
    }
}

extension ReceivedParameters {
    func text(_ name: String) -> String? { self[name]?.text.flatMap { $0.isEmpty ? nil : $0 } }
    func decimal(_ name: String) -> ExactDecimal? { text(name).flatMap(ExactDecimal.init) }
    func int(_ name: String) -> Int64? { text(name).flatMap { Int64($0) } }
}
