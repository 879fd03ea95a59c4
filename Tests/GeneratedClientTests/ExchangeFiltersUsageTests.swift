import BinanceSpot
import ClientRuntime
import Foundation
import Testing

/// Exchange filters read from the generated `ExchangeInfo` of the docs' own example, and used by the generated client.
@Suite struct ExchangeFiltersUsageTests {
    static func documentedExchangeInfo() throws -> ExchangeInfo {
        let spec = try ExampleRoundTripTests.spec("binance-spot")
        let examples = spec.endpoint(id: "exchangeInfo")?.examples ?? []
        // The example carrying every filter of filters.md.
        let text = try #require(examples.compactMap { $0.response?.value }.first { $0.contains("PRICE_FILTER") })
        return try JSONDecoder().decode(ExchangeInfo.self, from: Data(text.utf8))
    }

    @Test func everyDocumentedFilterOfTheExampleIsUnderstood() throws {
        let info = try Self.documentedExchangeInfo()
        let filters = try ExchangeFilters(binanceExchangeInfo: info)
        let symbol = try #require(info.symbols.first)
        let (symbolTypes, exchangeTypes) = (try symbol.filters.map(Self.filterType), try info.exchangeFilters.map(Self.filterType))
        #expect(filters[symbol.symbol]?.filters.map(\.name) == symbolTypes)
        #expect(filters[symbol.symbol]?.filters.count == 15)
        #expect(filters.exchangeFilters.map(\.name) == exchangeTypes)
        #expect(exchangeTypes.count == 4)
        #expect(filters[symbol.symbol]?.tickSize == "0.000001")
    }

    /// The failure messages are the generated `filterFailures` catalog of the spec (the docs' error table), apart
    /// from the two filters that table has no row for.
    @Test func failureMessagesAreTheSpecsCatalog() throws {
        let filters = try ExchangeFilters(binanceExchangeInfo: Self.documentedExchangeInfo())
        let catalog = Set(BinanceSpotError.FilterFailuresMessage.allCases.map(\.rawValue))
        let all = filters.symbols.values.flatMap(\.filters) + filters.exchangeFilters
        let documented = all.filter { !["PERCENT_PRICE_BY_SIDE", "MAX_ASSET"].contains($0.name) }
        #expect(documented.count == 18)
        #expect(documented.filter { !catalog.contains($0.failureMessage) }.map(\.name) == [])
    }

    @Test func theGeneratedClientRefusesAnOrderOffTheTickAndStep() async throws {
        // The documented filters (ETHBTC): tick 0.000001, step 0.001, notional 10...10000.
        let filters = try ExchangeFilters(binanceExchangeInfo: Self.documentedExchangeInfo())
        let transport = RecordingTransport()
        let binance = BinanceSpotClient(
            credentials: .signed(apiKey: "key", signer: HMACSHA256Signer(secret: Secret("secret"))),
            transport: transport, options: ClientOptions(clock: { 1_700_000_000_000 }, exchangeFilters: filters))
        let order = NewOrderRequest.limit(symbol: "ETHBTC", side: .sell, timeInForce: .gtc, quantity: "200.0005", price: "0.0500005")
        do {
            _ = try await binance.newOrder(order)
            Issue.record("an order off the tick and step was sent")
        } catch let error as RequestValidationError {
            #expect(error.violations.map(\.message) == ["Filter failure: PRICE_FILTER", "Filter failure: LOT_SIZE"])
            #expect(error.violations.map(\.params) == [["price"], ["quantity"]])
        }
        #expect(transport.requests.isEmpty)

        // Rounded onto the grid, it passes the filters.
        let symbol = try #require(filters["ETHBTC"])
        let fixed = NewOrderRequest.limit(
            symbol: "ETHBTC", side: .sell, timeInForce: .gtc, quantity: try symbol.roundedQuantity("200.0005", .down),
            price: try symbol.roundedPrice("0.0500005", .up))
        #expect(fixed.price?.text == "0.05000100")
        #expect(fixed.quantity?.text == "200.00000000")
        #expect(throws: Never.self) { try fixed.validate(against: filters) }
    }

    /// The `filterType` the generated filter carries on the wire.
    static func filterType(_ filter: Filter) throws -> String {
        let object = try JSONDecoder().decode([String: JSONValue].self, from: JSONEncoder().encode(filter))
        guard case .string(let type)? = object["filterType"] else { return "none" }
        return type
    }
}
