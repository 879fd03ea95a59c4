import ClientRuntime
import Crypto
import DFXSpot
import Foundation
import Testing

/// DFX's `SymbolInfo` carries the spec's `tradingRules`: a decoded market gives exchange filters that the client
/// checks before an order leaves the process.
@Suite struct DFXTradingRulesTests {
    /// A `symbols` element as DFX sends it (decimals as strings, one as a JSON number).
    static let market = """
        {"symbol":"BTC-USDT","baseToken":"BTC","quoteToken":"USDT","quoteIncrement":"0.01","quoteMinSize":"10",
         "baseIncrement":"0.0001","baseMinSize":0.001,"priceIncrement":"0.5","enableTrading":true,"priceLimitRate":"0.1"}
        """

    static func filters() throws -> ExchangeFilters {
        let markets = try JSONDecoder().decode([SymbolInfo].self, from: Data("[\(market)]".utf8))
        return ExchangeFilters(markets)
    }

    static func order(price: ExactDecimal?, quantity: ExactDecimal?, type: String = "LIMIT") -> FilterOrder {
        FilterOrder(symbol: "BTC-USDT", side: .buy, type: type, price: price, quantity: quantity)
    }

    @Test func aDecodedMarketGivesItsFilters() throws {
        let symbol = try #require(try Self.filters()["BTC-USDT"])
        #expect(symbol.filters.map(\.name) == ["PRICE_INCREMENT", "BASE_SIZE", "QUOTE_SIZE"])
        #expect(symbol.baseAsset == "BTC")
        #expect(symbol.quoteAsset == "USDT")
        #expect(symbol.tickSize == "0.5")
        #expect(symbol.stepSize() == "0.0001")
        #expect(try symbol.roundedPrice("20000.74", .down) == "20000.5")
    }

    @Test func goodOrderPassesAndEachBrokenRuleIsReported() throws {
        let filters = try Self.filters()
        #expect(filters.check(Self.order(price: "20000.5", quantity: "0.0012")) == [])
        func failures(_ order: FilterOrder) -> [String] { filters.check(order).map { "\($0.filter): \($0.reason)" } }
        #expect(failures(Self.order(price: "20000.3", quantity: "0.0012")) == ["PRICE_INCREMENT: price 20000.3 is not a multiple of 0.5"])
        #expect(failures(Self.order(price: "20000.5", quantity: "0.00125")) == ["BASE_SIZE: quantity 0.00125 is not a multiple of 0.0001"])
        #expect(failures(Self.order(price: "20000.5", quantity: "0.0009")).first == "BASE_SIZE: quantity 0.0009 is below the minimum 0.001")
        // 0.001 × 5000 = 5 USDT, under quoteMinSize 10.
        #expect(failures(Self.order(price: "5000", quantity: "0.001")) == ["QUOTE_SIZE: notional 5 is below the minimum 10"])
        let message = try #require(filters.check(Self.order(price: "20000.3", quantity: "0.0012")).first?.message)
        #expect(message == "Order breaks trading rule PRICE_INCREMENT")
    }

    @Test func theGeneratedClientRefusesAnOffTickOrderBeforeSending() async throws {
        let transport = RecordingTransport()
        let signer = try DFXSigner(privateKeyPEM: Secret(Curve25519.Signing.PrivateKey().pemRepresentation))
        let dfx = DFXSpotClient(apiKey: "k", signer: signer, transport: transport, options: ClientOptions(exchangeFilters: try Self.filters()))
        let order = CreateOrderRequest(symbol: "BTC-USDT", accountId: "1", side: .buy, type: .limit, price: "20000.3", quantity: "0.00125")
        do {
            _ = try await dfx.createOrder(order)
            Issue.record("an order off the tick and step was sent")
        } catch let error as RequestValidationError {
            #expect(error.violations.map(\.message) == ["Order breaks trading rule PRICE_INCREMENT", "Order breaks trading rule BASE_SIZE"])
            #expect(error.violations.map(\.params) == [["price"], ["quantity"]])
        }
        #expect(transport.requests.isEmpty)
    }
}
