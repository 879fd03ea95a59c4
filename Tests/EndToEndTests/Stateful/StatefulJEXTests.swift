import BinanceJEXSpot
import ClientRuntime
import Foundation
import SpecMock
import Testing

/// Binance JEX through the Binance answers: its smaller models, `Order.orderId` as a string and `spotBalances`
/// come from the JEX spec's models and examples, not from venue code.
@Suite("Stateful mock: Binance JEX")
struct StatefulJEXTests {
    typealias E2E = BinanceJEXSpotEndToEndTests

    @Test("place, query, list, cancel; the account's spot balances follow")
    func session() async throws {
        let text = """
            symbols:
              - {symbol: BTCUSDT, baseAsset: BTC, quoteAsset: USDT, bids: [["99", "1"]], asks: [["101", "1"]]}
            balances: {USDT: "1000"}
            """
        let mock = try await MockExchange.start(
            spec: try Specs.load("binance-jex-spot.yaml"),
            options: MockOptions(
                credentials: MockCredentials(apiKey: E2E.apiKey, secret: E2E.secret), scenario: try Scenario.parse(Data(text.utf8), file: "jex.yaml")))
        defer { Task { await mock.stop() } }
        let client = E2E.client(mock, options: ClientOptions(clock: { mock.now }))
        let placed = try await client.newOrder(
            NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, quantity: "2", price: "100", newOrderRespType: .result))
        guard case let .result(result) = placed else { throw SessionFailure("expected RESULT, got \(placed)") }
        #expect(result.status == .new && result.origQty == "2")
        let queried = try await client.queryOrder(QueryOrderRequest(symbol: "BTCUSDT", orderId: result.orderId))
        #expect(queried.orderId == String(result.orderId) && queried.price == "100")
        #expect(try await client.openOrders(OpenOrdersRequest(symbol: "BTCUSDT")).count == 1)
        let usdt = try await client.account().spotBalances.first { $0.asset == "USDT" }
        #expect(usdt?.free == "800" && usdt?.locked == "200")
        let canceled = try await client.cancelOrder(CancelOrderRequest(symbol: "BTCUSDT", orderId: result.orderId))
        #expect(canceled.status == .canceled)
        #expect(try await client.account().spotBalances.first { $0.asset == "USDT" }?.free == "1000")
    }
}
