import BinanceSpot
import ClientRuntime
import ClientRuntimeURLSession
import Foundation
import SpecMock
import SpecModel
import Testing

/// The stateful mock's user data stream: execution reports and balance positions for orders placed over the
/// WebSocket API and over REST.
@Suite("Mock user data stream (stateful)")
struct MockUserDataStreamTests {
    typealias API = MockWebSocketAPITests

    @Test("orders over WebSocket and REST produce executionReport and outboundAccountPosition events")
    func executionReports() async throws {
        let scenario = try Scenario.parse(Data(StatefulSessionTests.scenario.utf8), file: "session.yaml")
        let mock = try await API.hmacMock(scenario: scenario)
        defer { Task { await mock.stop() } }
        let socket = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { socket.close() }
        socket.send(.request("u", "userDataStream.subscribe.signature", API.signed([], timestamp: mock.now)))
        #expect(try await socket.answer(to: "u")["result"]?["subscriptionId"] == .number("0"))

        // A resting LIMIT buy over WebSocket: NEW, and 50 USDT locked.
        socket.send(.request("p", "order.place", API.signed(API.limitOrder, timestamp: mock.now)))
        let placed = try await socket.answer(to: "p")
        #expect(placed["status"] == .number("200"))
        let new = try await socket.next(where: { $0["event"]?["e"] == .string("executionReport") })
        #expect(new["event"]?["x"] == .string("NEW") && new["event"]?["i"] == placed["result"]?["orderId"])
        #expect(Self.decimal(new["event"]?["p"]) == "100")
        let position = try await socket.next(where: { $0["event"]?["e"] == .string("outboundAccountPosition") })
        guard case let .array(balances)? = position["event"]?["B"] else { throw TestSocket.Timeout(description: "no balances") }
        let usdt = try #require(balances.first { $0["a"] == .string("USDT") })
        #expect(Self.decimal(usdt["f"]) == "9950" && Self.decimal(usdt["l"]) == "50")

        // A MARKET buy over REST takes the ask: NEW, then TRADE (FILLED), on the same subscription.
        let client = BinanceSpotClient(
            server: .init(url: mock.baseURL),
            credentials: .signed(apiKey: API.apiKey, signer: HMACSHA256Signer(secret: Secret(API.secret))),
            transport: URLSessionTransport(), options: ClientOptions(clock: { mock.now }))
        _ = try await client.newOrder(NewOrderRequest(symbol: "BTCUSDT", side: .buy, type: .market, quantity: "0.1", newClientOrderId: "rest-1"))
        let restNew = try await socket.next(where: { $0["event"]?["c"] == .string("rest-1") })
        #expect(restNew["event"]?["x"] == .string("NEW"))
        let trade = try await socket.next(where: { $0["event"]?["c"] == .string("rest-1") })
        #expect(trade["event"]?["x"] == .string("TRADE") && trade["event"]?["X"] == .string("FILLED"))
        #expect(Self.decimal(trade["event"]?["l"]) == "0.1" && Self.decimal(trade["event"]?["L"]) == "101")

        // Cancel over WebSocket: CANCELED.
        let orderId = try #require(placed["result"]?["orderId"])
        socket.send(.request("c", "order.cancel", API.signed([("symbol", .string("BTCUSDT")), ("orderId", orderId)], timestamp: mock.now)))
        #expect(try await socket.answer(to: "c")["status"] == .number("200"))
        let canceled = try await socket.next(where: { $0["event"]?["x"] == .string("CANCELED") })
        #expect(canceled["event"]?["i"] == orderId)
    }

    static func decimal(_ value: JSONDocument?) -> ExactDecimal? { value?.stringValue.flatMap(ExactDecimal.init) }
}
