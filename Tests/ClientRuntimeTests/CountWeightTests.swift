import ClientRuntime
import Testing

/// `RequestWeight.byCount`: the weight grows with the number of items of an array parameter.
@Suite struct CountWeightTests {
    /// GET /api/v3/ticker/24hr: `symbol` → 2; `symbols` 1-20 → 2, 21-100 → 40, 101+ → 80; neither → 80.
    static let ticker24hr = RequestWeight.byCount(
        "symbols",
        .ranges([.init(max: 20, weight: 2), .init(max: 100, weight: 40), .init(max: nil, weight: 80)]),
        cases: [.init(when: [.present("symbol")], weight: 2)],
        absent: 80)

    /// GET /api/v3/ticker/tradingDay: 4 per symbol, capped at 200.
    static let tradingDay = RequestWeight.byCount(
        "symbols", .perItem(4, cap: 200), cases: [.init(when: [.present("symbol")], weight: 4)], absent: 4)

    static func symbols(_ count: Int) -> Parameters {
        var parameters = Parameters()
        parameters.add("symbols", (0..<count).map { "S\($0)USDT" }, style: .json, in: .query)
        return parameters
    }

    @Test func rangesByNumberOfSymbols() {
        let weights = [1, 20, 21, 100, 101, 400].map { Self.ticker24hr.weight(for: Self.symbols($0)) }
        #expect(weights == [2, 2, 40, 40, 80, 80])
    }

    @Test func casesComeFirstAndAbsentIsTheFallback() {
        var one = Parameters()
        one.add("symbol", "BTCUSDT", in: .query)
        #expect(Self.ticker24hr.weight(for: one) == 2)
        #expect(Self.ticker24hr.weight(for: Parameters()) == 80)
        #expect(Self.tradingDay.weight(for: one) == 4)
    }

    @Test func noAbsentWeightMeansTheWeightOfOneItem() {
        // The spec gives no `default` for GET /api/v3/ticker/tradingDay: without `symbols` it weighs one item.
        let perItem = RequestWeight.byCount("symbols", .perItem(4, cap: 200), cases: [], absent: nil)
        #expect(perItem.weight(for: Parameters()) == 4)
        let table = RequestWeight.byCount("symbols", .ranges([.init(max: 20, weight: 2), .init(max: nil, weight: 80)]), cases: [], absent: nil)
        #expect(table.weight(for: Parameters()) == 2)
        #expect(table.weight(for: Self.symbols(21)) == 80)
    }

    @Test func perItemIsCapped() {
        let weights = [1, 2, 49, 50, 51, 100].map { Self.tradingDay.weight(for: Self.symbols($0)) }
        #expect(weights == [4, 8, 196, 200, 200, 200])
        // An empty array counts as one item; a single value (not an array) too.
        #expect(Self.tradingDay.weight(for: Self.symbols(0)) == 4)
        var single = Parameters()
        single.add("symbols", "BTCUSDT", in: .query)
        #expect(Self.tradingDay.weight(for: single) == 4)
    }

    @Test func hugeProductsSaturateInsteadOfTrapping() {
        #expect(CountScale.perItem(Int.max / 2, cap: nil).weight(count: 3) == Int.max)
        #expect(CountScale.perItem(Int.max, cap: 500).weight(count: Int.max) == 500)
        #expect(CountScale.ranges([.init(max: 1, weight: 3), .init(max: nil, weight: 9)]).weight(count: Int.max) == 9)
    }

    @Test func limiterAcceptsASaturatedWeightWithoutTrapping() async {
        let limiter = WeightLimiter(limits: [.init(weight: 6000, per: .seconds(60))])
        #expect(await limiter.tryAcquire(weight: 10))
        // Heavier than the whole limit and than what is used: it would go alone into an empty window.
        #expect(await !limiter.tryAcquire(weight: Int.max))
        #expect(await limiter.usedWeight() == ["1M": 10])
    }
}
