import BinanceSpot
import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import SpecMock
import Testing

/// A scripted trading session: the generated Binance client against the stateful mock over loopback HTTP, with
/// balances checked after every step.
@Suite("Stateful mock: a Binance trading session")
struct StatefulSessionTests {
    typealias E2E = BinanceSpotEndToEndTests

    static let scenario = """
        clock: {start: 1767225600000, frozen: true}
        symbols:
          - symbol: BTCUSDT
            baseAsset: BTC
            quoteAsset: USDT
            filters:
              - {filterType: PRICE_FILTER, minPrice: "0.01", maxPrice: "1000000", tickSize: "0.01"}
              - {filterType: LOT_SIZE, minQty: "0.001", maxQty: "1000", stepSize: "0.001"}
              - {filterType: NOTIONAL, minNotional: "5", applyMinToMarket: true, maxNotional: "1000000", applyMaxToMarket: false, avgPriceMins: 5}
            bids: [["99.00", "5"]]
            asks: [["101.00", "5"]]
        balances: {BTC: "1", USDT: "10000"}
        script:
          - at: 60000
            symbol: BTCUSDT
            bids: [["98.00", "5"]]
            asks: [["99.50", "0.2"], ["103.00", "5"]]
        """

    static func start() async throws -> MockExchange {
        let scenario = try Scenario.parse(Data(Self.scenario.utf8), file: "session.yaml")
        return try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"),
            options: MockOptions(credentials: MockCredentials(apiKey: E2E.apiKey, secret: E2E.secret), scenario: scenario))
    }

    static func client(_ mock: MockExchange) -> BinanceSpotClient {
        BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: E2E.apiKey, signer: HMACSHA256Signer(secret: Secret(E2E.secret))),
            transport: URLSessionTransport(), options: ClientOptions(clock: { mock.now }))
    }

    /// Free and locked of an asset, as the account endpoint reports them.
    static func balance(_ client: BinanceSpotClient, _ asset: String) async throws -> (free: ExactDecimal, locked: ExactDecimal) {
        let account = try await client.account()
        let balance = try #require(account.balances.first { $0.asset == asset })
        return (balance.free, balance.locked)
    }

    @Test("place, partially fill by a market move, amend, take, cancel, list")
    func session() async throws {
        let mock = try await Self.start()
        defer { Task { await mock.stop() } }
        let client = Self.client(mock)
        #expect(mock.now == 1_767_225_600_000)  // frozen: only advanceClock moves it
        #expect(try await Self.balance(client, "USDT") == ("10000", "0"))

        // A resting LIMIT buy between the book's bid and ask locks its value.
        let placed = try await client.newOrder(
            NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, timeInForce: .gtc, quantity: "0.5", price: "100.00"))
        guard case let .full(order) = placed else { throw SessionFailure("expected the FULL shape, got \(placed)") }
        #expect(order.status == .new && order.fills.isEmpty && order.executedQty == 0)
        #expect(try await Self.balance(client, "USDT") == ("9950", "50"))
        #expect(try await client.openOrders(OpenOrdersRequest(symbol: "BTCUSDT")).map(\.orderId) == [order.orderId])

        // The script moves the market: a 0.2 ask at 99.50 trades with the bid at its price, 100.
        mock.advanceClock(by: 60_000)
        let partial = try await client.queryOrder(QueryOrderRequest(symbol: "BTCUSDT", orderId: order.orderId))
        #expect(partial.status == .partiallyFilled && partial.executedQty == "0.2" && partial.cummulativeQuoteQty == "20")
        #expect(try await Self.balance(client, "USDT") == ("9950", "30"))
        #expect(try await Self.balance(client, "BTC") == ("1.2", "0"))

        // Amend keep priority: 0.5 → 0.4 leaves 0.2 open and frees 10 USDT.
        let amended = try await client.amendOrderKeepPriority(
            AmendOrderKeepPriorityRequest(symbol: "BTCUSDT", orderId: order.orderId, newQty: "0.4"))
        #expect(amended.amendedOrder.qty == "0.4" && amended.amendedOrder.executedQty == "0.2")
        #expect(try await Self.balance(client, "USDT") == ("9960", "20"))
        let depth = try await client.depth(DepthRequest(symbol: "BTCUSDT"))
        #expect(depth.bids.first?.price == "100.00" && depth.bids.first?.qty == "0.2")

        // A MARKET buy takes the script's ask at 103.
        let taken = try await client.newOrder(NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .market, quantity: "0.1"))
        guard case let .full(market) = taken else { throw SessionFailure("expected the FULL shape, got \(taken)") }
        #expect(market.status == .filled && market.fills.map(\.price) == ["103.00"] && market.cummulativeQuoteQty == "10.3")
        #expect(try await Self.balance(client, "USDT") == ("9949.7", "20"))
        #expect(try await Self.balance(client, "BTC") == ("1.3", "0"))

        // Cancel returns the rest of the lock.
        let canceled = try await client.cancelOrder(CancelOrderRequest(symbol: "BTCUSDT", orderId: order.orderId))
        #expect(canceled.status == .canceled && canceled.executedQty == "0.2")
        #expect(try await Self.balance(client, "USDT") == ("9969.7", "0"))

        // The lists agree with what happened.
        #expect(try await client.openOrders(OpenOrdersRequest(symbol: "BTCUSDT")).isEmpty)
        let all = try await client.allOrders(AllOrdersRequest(symbol: "BTCUSDT"))
        #expect(all.map(\.status) == [.canceled, .filled])
        let trades = try await client.myTrades(MyTradesRequest(symbol: "BTCUSDT"))
        #expect(trades.map(\.price) == ["100.00", "103.00"] && trades.map(\.qty) == ["0.2", "0.1"])
        #expect(trades.map(\.isMaker) == [true, false] && trades.allSatisfy { $0.isBuyer && $0.commission == 0 })
    }

    @Test("refusals: filter failure -1013, post-only -2010, short balance -2010, unknown order -2011")
    func refusals() async throws {
        let mock = try await Self.start()
        defer { Task { await mock.stop() } }
        let client = Self.client(mock)
        func code(_ body: () async throws -> Void) async -> (String, String)? {
            do {
                try await body()
                return nil
            } catch let error as BinanceSpotError {
                return (error.code, error.message)
            } catch {
                return ("?", "\(error)")
            }
        }
        let offTick = await code {
            _ = try await client.newOrder(NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, timeInForce: .gtc, quantity: "1", price: "100.005"))
        }
        #expect(offTick?.0 == "-1013" && offTick?.1 == "Filter failure: PRICE_FILTER")
        let postOnly = await code {
            _ = try await client.newOrder(NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limitMaker, quantity: "1", price: "101.00"))
        }
        #expect(postOnly?.0 == "-2010" && postOnly?.1 == "Order would immediately match and take.")
        let tooBig = await code {
            _ = try await client.newOrder(NewOrderRequest(symbol: "BTCUSDT", side: .sell, type: .limit, timeInForce: .gtc, quantity: "2", price: "150"))
        }
        #expect(tooBig?.1 == "Account has insufficient balance for requested action.")
        let unknown = await code { _ = try await client.cancelOrder(CancelOrderRequest(symbol: "BTCUSDT", orderId: 999)) }
        #expect(unknown?.0 == "-2011")
        #expect(try await Self.balance(client, "BTC") == ("1", "0"))
    }

    @Test("cancelReplace swaps an order; a failed cancel stops it (-2022); cancel-all empties the book of the account")
    func replaceAndCancelAll() async throws {
        let mock = try await Self.start()
        defer { Task { await mock.stop() } }
        let client = Self.client(mock)
        let placed = try await client.newOrder(
            NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .limit, timeInForce: .gtc, quantity: "1", price: "95", newOrderRespType: .ack))
        guard case let .ack(first) = placed else { throw SessionFailure("expected ACK, got \(placed)") }
        let replaced = try await client.cancelReplace(
            CancelReplaceRequest(
                symbol: "BTCUSDT", side: .buy, type: .limit, cancelReplaceMode: .stopOnFailure, timeInForce: .gtc, quantity: "2", price: "96",
                cancelOrderId: first.orderId))
        guard case let .full(swap) = replaced else { throw SessionFailure("expected FULL, got \(replaced)") }
        #expect(swap.cancelResponse.status == .canceled && swap.newOrderResponse.origQty == "2" && swap.newOrderResponse.status == .new)
        #expect(try await Self.balance(client, "USDT") == ("9808", "192"))
        do {
            _ = try await client.cancelReplace(
                CancelReplaceRequest(
                    symbol: "BTCUSDT", side: .buy, type: .limit, cancelReplaceMode: .stopOnFailure, timeInForce: .gtc, quantity: "1",
                    price: "96", cancelOrderId: first.orderId))
            Issue.record("a cancel of a closed order must fail")
        } catch let error as BinanceSpotError {
            #expect(error.code == "-2022" && error.httpStatus == 400)
        }
        _ = try await client.newOrder(NewOrderRequest(symbol: "BTCUSDT", side: .sell, type: .limit, timeInForce: .gtc, quantity: "0.5", price: "110"))
        let canceled = try await client.cancelOpenOrders(CancelOpenOrdersRequest(symbol: "BTCUSDT"))
        #expect(canceled.count == 2 && canceled.allSatisfy { $0.status == .canceled })
        #expect(try await Self.balance(client, "USDT") == ("10000", "0"))
        #expect(try await Self.balance(client, "BTC") == ("1", "0"))
    }

    @Test("an OCO places both legs; cancelling the list cancels both and frees the lock")
    func ocoList() async throws {
        let mock = try await Self.start()
        defer { Task { await mock.stop() } }
        let client = Self.client(mock)
        let request = NewOrderListOcoRequest(
            symbol: "BTCUSDT", side: .sell, quantity: "0.5", aboveType: .limitMaker, abovePrice: "110.00", belowType: .stopLoss,
            belowStopPrice: "90.00")
        let placed = try await client.newOrderListOco(request)
        guard case let .result(list) = placed else { throw SessionFailure("expected the RESULT shape, got \(placed)") }
        #expect(list.orderReports.count == 2 && list.listOrderStatus == .executing)
        #expect(try await Self.balance(client, "BTC") == ("0.5", "0.5"))
        #expect(try await client.openOrders(OpenOrdersRequest(symbol: "BTCUSDT")).count == 2)
        let canceled = try await client.cancelOrderList(CancelOrderListRequest(symbol: "BTCUSDT", orderListId: list.orderListId))
        #expect(canceled.listOrderStatus == .allDone && canceled.orderReports.allSatisfy { $0.status == .canceled })
        #expect(try await Self.balance(client, "BTC") == ("1", "0"))
    }
}

struct SessionFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
