import BinanceSpot
import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import SpecMock
import Testing

/// The market-data endpoints of the 2026-07 docs against the mock over loopback: typed decoding of the docs'
/// examples, single-or-array tickers, and weights that depend on parameters.
@Suite("Binance Spot market data end to end")
struct BinanceMarketDataTests {
    static func client(_ mock: MockExchange, limiter: WeightLimiter? = nil) -> BinanceSpotClient {
        BinanceSpotClient(
            server: .init(url: mock.baseURL), credentials: .none, transport: URLSessionTransport(),
            options: ClientOptions(rateLimiter: limiter))
    }

    static func shared() async throws -> BinanceSpotClient {
        client(try await BinanceSpotEndToEndTests.mock())
    }

    @Test("depth decodes the book's [price, qty] levels")
    func depth() async throws {
        let book = try await Self.shared().depth(DepthRequest(symbol: "BTCUSDT", limit: 10))
        #expect(book.lastUpdateId == 1_027_024)
        #expect(book.bids.map(\.price) == ["4.00000000"])
        #expect(book.bids.map(\.qty) == ["431.00000000"])
        #expect(book.asks.first?.price == "4.00000200")
        #expect(book.asks.first?.qty == "12.00000000")
    }

    @Test("weights by limit and by number of symbols reach the mock's header and the client's limiter")
    func parameterDependentWeights() async throws {
        // A mock of its own: its used-weight counter sees only this test's requests.
        let mock = try await MockExchange.start(spec: try Specs.load("binance-spot.yaml"))
        let limiter = WeightLimiter(limits: [.init(weight: 6000, per: .seconds(60))])
        let client = Self.client(mock, limiter: limiter)
        let steps: [(weight: Int, call: @Sendable () async throws -> Void)] = [
            (25, { _ = try await client.depth(DepthRequest(symbol: "BTCUSDT", limit: 500)) }),  // 101-500
            (250, { _ = try await client.depth(DepthRequest(symbol: "BTCUSDT", limit: 5000)) }),  // 1001-5000
            (5, { _ = try await client.depth(DepthRequest(symbol: "BTCUSDT")) }),  // default limit 100
            (40, { _ = try await client.ticker24hr(Ticker24hrRequest(symbols: (1...25).map { "S\($0)USDT" })) }),  // 21-100 symbols
            (200, { _ = try await client.tickerTradingDay(TickerTradingDayRequest(symbols: (1...60).map { "S\($0)USDT" })) }),  // 4 each, cap 200
            (12, { _ = try await client.ticker(TickerRequest(symbols: ["BTCUSDT", "BNBBTC", "LTCBTC"])) }),  // 4 each
            (40, { _ = try await client.executionRules() }),  // no parameter
        ]
        var previous = 0
        for step in steps {
            try await step.call()
            let header = try #require(client.rateLimits.usedWeight["1M"])
            // The mock counts calendar minutes: when one began just before this request, it counts this one alone.
            #expect(header == previous + step.weight || header == step.weight)
            previous = header
        }
        #expect(await limiter.usedWeight() == ["1M": steps.reduce(0) { $0 + $1.weight }])
        #expect(mock.requests.compactMap(\.endpointID) == ["depth", "depth", "depth", "ticker24hr", "tickerTradingDay", "ticker", "executionRules"])
        await mock.stop()
    }

    @Test("klines decode positionally into named fields")
    func klines() async throws {
        let klines = try await Self.shared().klines(KlinesRequest(symbol: "BTCUSDT", interval: .oneMinute, limit: 1))
        let bar = try #require(klines.first)
        #expect(bar.openTime == 1_499_040_000_000)
        #expect(bar.open == "0.01634790")
        #expect(bar.high == "0.80000000")
        #expect(bar.low == "0.01575800")
        #expect(bar.close == "0.01577100")
        #expect(bar.volume == "148976.11427815")
        #expect(bar.closeTime == 1_499_644_799_999)
        #expect(bar.quoteAssetVolume == "2434.19055334")
        #expect(bar.numberOfTrades == 308)
        #expect(bar.takerBuyBaseAssetVolume == "1756.87402397")
        #expect(bar.takerBuyQuoteAssetVolume == "28.46694368")
    }

    @Test("the interval travels as the docs' case-sensitive text")
    func klineIntervalOnTheWire() async throws {
        let mock = try await BinanceSpotEndToEndTests.mock()
        _ = try await Self.client(mock).uiKlines(UiKlinesRequest(symbol: "ETHBTC", interval: .oneMonth))
        let seen = mock.requests(to: "uiKlines", where: ["symbol": "ETHBTC"])
        #expect(seen.last?.parameters["interval"] == "1M")
    }

    @Test("ticker24hr: one symbol answers an object, symbols an array; MINI its own shape")
    func tickerShapes() async throws {
        let client = try await Self.shared()
        guard case let .full(one) = try await client.ticker24hr(Ticker24hrRequest(symbol: "BNBBTC")) else {
            Issue.record("symbol without type answers one FULL ticker")
            return
        }
        #expect(one.symbol == "BNBBTC")
        #expect(one.priceChange == "-94.99999800")
        #expect(one.count == 76)
        guard case let .fullList(many) = try await client.ticker24hr(Ticker24hrRequest(symbols: ["BNBBTC"])) else {
            Issue.record("symbols answers an array")
            return
        }
        #expect(many.map(\.lastId) == [28460])
        guard case let .miniList(minis) = try await client.ticker24hr(Ticker24hrRequest(type: .mini)) else {
            Issue.record("type=MINI without symbol answers an array of MINI tickers")
            return
        }
        #expect(minis.map(\.symbol) == ["BNBBTC", "LTCBTC"])
        #expect(minis.last?.quoteVolume == "0.77000000")
    }

    @Test("price and book tickers: object for symbol, array for symbols")
    func priceAndBookTickers() async throws {
        let client = try await Self.shared()
        guard case let .one(price) = try await client.tickerPrice(TickerPriceRequest(symbol: "LTCBTC")) else {
            Issue.record("expected one price")
            return
        }
        #expect(price.price == "4.00000200")
        guard case let .all(books) = try await client.tickerBookTicker(TickerBookTickerRequest(symbols: ["LTCBTC", "ETHBTC"])) else {
            Issue.record("expected an array of book tickers")
            return
        }
        #expect(books.map(\.askPrice) == ["4.00000200", "100000.00000000"])
    }

    @Test("rolling-window and trading-day tickers pick FULL or MINI, one or many")
    func windowTickers() async throws {
        let client = try await Self.shared()
        guard case let .mini(mini) = try await client.ticker(TickerRequest(symbol: "LTCBTC", windowSize: "7d", type: .mini)) else {
            Issue.record("expected one MINI ticker")
            return
        }
        #expect(mini.lastId == 34)
        guard case let .fullList(days) = try await client.tickerTradingDay(TickerTradingDayRequest(symbols: ["BTCUSDT", "BNBUSDT"])) else {
            Issue.record("expected an array of FULL trading-day tickers")
            return
        }
        #expect(days.map(\.weightedAvgPrice) == ["26234.58803036", "211.92276958"])
        await #expect(throws: RequestValidationError.self) {
            try await client.tickerTradingDay(TickerTradingDayRequest())
        }
    }

    @Test("referencePrice decodes the price, and its calculation the matching variant")
    func referencePrice() async throws {
        let client = try await Self.shared()
        let price = try await client.referencePrice(ReferencePriceRequest(symbol: "BAZUSD"))
        #expect(price.symbol == "BAZUSD")
        #expect(price.referencePrice == "10.00")
        #expect(price.timestamp == 1_770_736_694_138)
        guard case let .arithmeticMean(calculation) = try await client.referencePriceCalculation(ReferencePriceCalculationRequest(symbol: "BAZUSD")) else {
            Issue.record("expected the ARITHMETIC_MEAN calculation")
            return
        }
        #expect(calculation.bucketCount == 10)
        #expect(calculation.bucketWidthMs == 1000)
    }

    @Test("executionRules decodes the PRICE_RANGE rule; symbol and symbols cannot be combined")
    func executionRules() async throws {
        let client = try await Self.shared()
        let rules = try await client.executionRules(ExecutionRulesRequest(symbols: ["BAZUSD"]))
        let symbol = try #require(rules.symbolRules.first)
        #expect(symbol.symbol == "BAZUSD")
        guard case let .priceRange(range)? = symbol.rules.first else {
            Issue.record("expected a PRICE_RANGE rule")
            return
        }
        #expect(range.bidLimitMultUp == "1.0001")
        #expect(range.askLimitMultDown == "0.9999")
        await #expect(throws: RequestValidationError.self) {
            try await client.executionRules(ExecutionRulesRequest(symbol: "BAZUSD", symbolStatus: .trading))
        }
    }
}
