import ClientRuntime
import Foundation

/// The starting state of a stateful mock (`specgen mock --stateful --scenario FILE`): the symbols and their filters,
/// the account's balances, the resting book of each symbol, a clock start and a script of timed book moves.
/// Read from YAML or JSON with ``Scenario/load(path:)``; the format is documented in `docs/mock.md`.
public struct Scenario: Sendable, Hashable {
    /// One price level: a quantity resting at a price.
    public struct Level: Sendable, Hashable {
        public var price: ExactDecimal
        public var quantity: ExactDecimal

        public init(price: ExactDecimal, quantity: ExactDecimal) {
            self.price = price
            self.quantity = quantity
        }
    }

    /// The market's own orders on a symbol, best price first or not (the book sorts them).
    public struct Book: Sendable, Hashable {
        public var bids: [Level]
        public var asks: [Level]

        public init(bids: [Level] = [], asks: [Level] = []) {
            self.bids = bids
            self.asks = asks
        }
    }

    /// A tradable symbol.
    public struct Symbol: Sendable, Hashable {
        public var name: String
        public var baseAsset: String
        public var quoteAsset: String
        /// Filter objects in Binance's `exchangeInfo` form (`{"filterType": "PRICE_FILTER", …}`); `nil` takes the
        /// filters of the same symbol from the spec's `exchangeInfo` examples (Binance), or none.
        public var filters: [JSONValue]?
        public var book: Book

        public init(name: String, baseAsset: String, quoteAsset: String, filters: [JSONValue]? = nil, book: Book = Book()) {
            self.name = name
            self.baseAsset = baseAsset
            self.quoteAsset = quoteAsset
            self.filters = filters
            self.book = book
        }
    }

    /// A timed move of the market: at `at` milliseconds after the clock start, the market's orders on `symbol` are
    /// replaced by `book`; new levels that cross the account's resting orders trade with them first.
    public struct Step: Sendable, Hashable {
        public var at: Int64
        public var symbol: String
        public var book: Book

        public init(at: Int64, symbol: String, book: Book) {
            self.at = at
            self.symbol = symbol
            self.book = book
        }
    }

    /// Bounds on the state the mock keeps.
    public struct Limits: Sendable, Hashable {
        /// Open orders of the account per symbol; one more is refused with the venue's "too many orders" error.
        public var maxOpenOrdersPerSymbol: Int
        /// Open orders of the account on all symbols.
        public var maxOpenOrders: Int
        /// Closed orders and trades kept for the history endpoints (oldest dropped first).
        public var maxHistory: Int

        public init(maxOpenOrdersPerSymbol: Int = 200, maxOpenOrders: Int = 1000, maxHistory: Int = 10_000) {
            self.maxOpenOrdersPerSymbol = maxOpenOrdersPerSymbol
            self.maxOpenOrders = maxOpenOrders
            self.maxHistory = maxHistory
        }
    }

    public var symbols: [Symbol]
    /// Exchange-wide filter objects (Binance's `exchangeFilters`).
    public var exchangeFilters: [JSONValue]
    /// Free balance per asset at the start.
    public var balances: [String: ExactDecimal]
    /// The mock's time at the start, in milliseconds since 1970; `nil` starts at `MockOptions.clock`'s time.
    public var clockStart: Int64?
    /// Whether the clock stands still between `MockExchange.advanceClock(by:)` calls (tests: a slow machine cannot
    /// run a script step early); false: it runs on with real time.
    public var clockFrozen: Bool
    /// Book moves, in time order.
    public var script: [Step]
    public var limits: Limits

    public init(
        symbols: [Symbol], exchangeFilters: [JSONValue] = [], balances: [String: ExactDecimal] = [:], clockStart: Int64? = nil,
        clockFrozen: Bool = false, script: [Step] = [], limits: Limits = Limits()
    ) {
        self.clockFrozen = clockFrozen
        self.symbols = symbols
        self.exchangeFilters = exchangeFilters
        self.balances = balances
        self.clockStart = clockStart
        self.script = script.sorted { $0.at < $1.at }
        self.limits = limits
    }

    /// Reads a scenario file (YAML or JSON); throws ``ScenarioError`` listing every problem with its line and column.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ScenarioError(problems: ["\(path): error: cannot read the scenario file (\(error.localizedDescription))"])
        }
        return try parse(data, file: path)
    }

    /// Reads scenario text; `file` names it in the messages.
    public static func parse(_ data: Data, file: String) throws(ScenarioError) -> Scenario {
        var reader = ScenarioReader(file: file)
        guard let scenario = reader.read(data), reader.problems.isEmpty else {
            throw ScenarioError(problems: reader.problems)
        }
        return scenario
    }
}

/// A scenario file that cannot be used: every problem, one `file:LINE:COL: error: …` line each.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [String]

    public var description: String { problems.joined(separator: "\n") }
}
