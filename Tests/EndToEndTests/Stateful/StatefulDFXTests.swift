import ClientRuntime
import DFXSpot
import Foundation
import SpecMock
import Testing

/// DFX, the second venue of the stateful mode: the same state, DFX's envelope and models.
@Suite("Stateful mock: DFX")
struct StatefulDFXTests {
    typealias E2E = DFXSpotEndToEndTests

    static let scenario = """
        symbols:
          - symbol: BTC-USDT
            baseAsset: BTC
            quoteAsset: USDT
            filters:
              - {filterType: PRICE_FILTER, minPrice: "0.01", maxPrice: "1000000", tickSize: "0.01"}
              - {filterType: LOT_SIZE, minQty: "0.0001", maxQty: "100", stepSize: "0.0001"}
            bids: [["60000", "1"]]
            asks: [["60010", "1"]]
        balances: {BTC: "0", USDT: "100000"}
        """

    @Test("place, list, take, cancel: open and finished orders, balances and trades follow")
    func session() async throws {
        let scenario = try Scenario.parse(Data(Self.scenario.utf8), file: "dfx.yaml")
        let mock = try await MockExchange.start(
            spec: try Specs.load("dfx-spot.yaml"),
            options: MockOptions(credentials: MockCredentials(apiKey: E2E.apiKey, publicKeyPEM: E2E.keys.publicKeyPEM), scenario: scenario))
        defer { Task { await mock.stop() } }
        let client = try E2E.client(mock, options: ClientOptions(clock: { mock.now }))
        let account = "222"

        let id = try await client.createOrder(
            CreateOrderRequest(symbol: "BTC-USDT", accountId: account, side: .buy, type: .limit, price: "59990.50", quantity: "0.5", clientOrderId: "mine"))
        let open = try await client.openOrders(OpenOrdersRequest(accountId: account, symbol: "BTC-USDT"))
        #expect(open.map(\.orderId) == [id] && open.first?.status == .new && open.first?.clientOid == "mine")
        let usdt = try #require(try await client.accountBalance(AccountBalanceRequest(accountId: account, token: "USDT")).first)
        #expect(usdt.available == "70004.75" && usdt.frozen == "29995.25" && usdt.total == "100000")

        // A MARKET buy of 6001 USDT takes 0.1 BTC at 60010.
        let market = try await client.createOrder(.market(symbol: "BTC-USDT", accountId: account, side: .buy, amount: "6001"))
        let filled = try await client.getOrder(GetOrderRequest(accountId: account, orderId: market))
        #expect(filled.status == .filled && filled.tradeQty == "0.1" && filled.tradeAmount == "6001")
        let trades = try await client.accountTrades(AccountTradesRequest(symbol: "BTC-USDT", accountId: account))
        #expect(trades.map(\.price) == ["60010"] && trades.first?.isMaker == false)

        let canceled = try await client.cancelOrder(CancelOrderRequest(accountId: account, orderId: id))
        #expect(canceled.map(\.orderId) == [id] && canceled.first?.code == "0")
        #expect(try await client.openOrders(OpenOrdersRequest(accountId: account)).isEmpty)
        let finished = try await client.finishedOrders(FinishedOrdersRequest(accountId: account, symbol: "BTC-USDT"))
        #expect(Set(finished.map(\.orderId)) == [id, market] && finished.first { $0.orderId == id }?.status == .canceled)
        let after = try await client.accountBalance(AccountBalanceRequest(accountId: account))
        #expect(after.first { $0.tokenCode == "USDT" }?.available == "93999" && after.first { $0.tokenCode == "BTC" }?.available == "0.1")

        // A filter failure is refused in DFX's error body.
        await #expect {
            _ = try await client.createOrder(.limit(symbol: "BTC-USDT", accountId: account, side: .buy, price: "1.005", quantity: "1"))
        } throws: { error in
            "\(error)".contains("PRICE_FILTER")
        }
    }
}
