import ClientRuntime
import Foundation
import SpecModel
import Testing

@testable import SpecMock

/// The WebSocket side's parts without a socket: request frames, signature payloads, stream names, the WebSocket API
/// through the engine, and the events of account changes.
@Suite("Mock WebSocket parts")
struct WebSocketPartsTests {
    @Test("request frames: ids, v3/ prefix, parameter text; malformed frames are refused with the id when readable")
    func requestFrames() throws {
        guard
            case let .success(request) = APIRequest.parse(
                #"{"id": 7, "method": "v3/order.place", "params": {"symbol": "BTCUSDT", "timestamp": 1700000000000, "symbols": ["A","B"], "test": true}}"#)
        else { throw Failure("not parsed") }
        #expect(request.id == .number("7") && request.method == "order.place")
        #expect(request.signaturePayload(excluding: "signature") == #"symbol=BTCUSDT&symbols=["A","B"]&test=true&timestamp=1700000000000"#)
        let refusals: [(String, Rejection, JSONDocument)] = [
            ("nope", .malformedBody(""), .null),
            (#"{"method": "time"}"#, .missingParameter("id"), .null),
            (#"{"id": 1.5, "method": "time"}"#, .malformedValue("id", expected: ""), .null),
            (#"{"id": "a", "params": {}}"#, .missingParameter("method"), .string("a")),
            (#"{"id": "a", "method": "time", "params": {"x": {"y": 1}}}"#, .malformedValue("x", expected: ""), .string("a")),
            (#"{"id": "a", "method": "time", "params": {"x": 1, "x": 2}}"#, .duplicateParameter("x"), .string("a")),
        ]
        for (frame, expected, id) in refusals {
            guard case let .failure(refused) = APIRequest.parse(frame) else {
                Issue.record("accepted \(frame)")
                continue
            }
            #expect(refused.rejection.parameter == expected.parameter && refused.id == id, "\(frame)")
        }
    }

    @Test("a connection whose queue overflows (a reader too slow) is closed")
    func slowReader() {
        let connection = WebSocketConnection(id: 1, kind: .streams, connectedSince: 0, queueLimit: 3)
        for index in 0..<3 { connection.send("\(index)") }
        #expect(!connection.isClosing)
        connection.send("one too many")
        #expect(connection.isClosing)
    }

    @Test("stream names follow the spec's templates, variables and enums")
    func streamNames() throws {
        let names = StreamNames(spec: try EngineHarness.load("binance-spot.yaml"))
        for valid in ["btcusdt@kline_1m", "btcusdt@kline_1M", "bnbusdt@depth5@100ms", "btcusdt@depth", "!ticker_1h@arr", "ethbtc@aggTrade"] {
            #expect(names.isValid(valid), "\(valid)")
        }
        for invalid in ["btcusdt@kline_7m", "BTCUSDT@trade", "btcusdt@depth7", "btcusdt@", "", "@trade", String(repeating: "a", count: 300) + "@trade"] {
            #expect(!names.isValid(invalid), "\(invalid)")
        }
    }

    @Test("a WebSocket twin goes through the engine: REST's parameter checks and weight, the WebSocket signature")
    func twinThroughEngine() throws {
        let harness = try EngineHarness("binance-spot.yaml")
        let service = try WebSocketAPIService(engine: harness.engine, credentials: MockCredentials(apiKey: EngineHarness.apiKey, secret: EngineHarness.secret))
        let connection = WebSocketConnection(id: 1, kind: .api, connectedSince: 0, queueLimit: 8)
        func send(_ params: String, sign: Bool = true) throws -> JSONDocument {
            var text = #"{"id": "r", "method": "order.place", "params": {"apiKey": "\#(EngineHarness.apiKey)", "timestamp": \#(EngineHarness.now)"#
            text += params.isEmpty ? "" : ", " + params
            if sign, case let .success(request) = APIRequest.parse(text + "}}") {
                let payload = request.signaturePayload(excluding: "signature")
                text += #", "signature": ""# + HMACSHA256Signer(secret: Secret(EngineHarness.secret)).signature(for: Array(payload.utf8)) + "\""
            }
            return try JSONDocument.parse(service.answer(text + "}}", on: connection).0)
        }
        let ok = try send(#""symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "1""#)
        #expect(ok["status"] == .number("200") && ok["result"]?["symbol"] == .string("BTCUSDT"))
        #expect(try send(#""symbol": "BTCUSDT", "side": "BUY", "type": "MARKET""#)["error"]?["code"] != nil)  // no quantity
        #expect(try send(#""symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "1", "bogus": 1"#)["error"]?["code"] == .number("-1103"))
        #expect(try send(#""symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "1""#, sign: false)["error"]?["code"] == .number("-1102"))
        #expect(harness.engine.requests(to: "newOrder") == 4)
    }

    @Test("account changes become NEW, TRADE and CANCELED reports and a balance position")
    func events() throws {
        let order = MockOrder(
            id: 5, clientOrderId: "c5", symbol: "BTCUSDT", side: .buy, type: "LIMIT", timeInForce: "GTC", price: "100", stopPrice: nil,
            icebergQuantity: nil, quantity: "2", quoteQuantity: 0, status: .new, time: 1, updateTime: 1, workingTime: 1, locksFunds: true)
        var filled = order
        filled.executed = "2"
        filled.executedQuote = "200"
        filled.status = .filled
        let trade = MockTrade(
            id: 9, orderID: 5, listID: -1, symbol: "BTCUSDT", side: .buy, price: "100", quantity: "2", quoteQuantity: "200", time: 2,
            isMaker: false, commissionAsset: "BTC")
        var canceled = order
        canceled.status = .canceled
        let spec = try EngineHarness.load("binance-spot.yaml")
        let maker = UserDataEvents(spec: spec, now: 3)
        var changes = AccountChanges()
        changes.orders = [.init(before: nil, after: filled, trades: [trade])]
        changes.balances = [("USDT", MockBalance(free: "9800", locked: "0"))]
        let placed = maker.events(for: AccountEvents(apiKey: nil, changes: changes))
        #expect(placed.map { $0["x"] ?? $0["e"] } == [.string("NEW"), .string("TRADE"), .string("outboundAccountPosition")])
        #expect(placed[1]["X"] == .string("FILLED") && placed[1]["t"] == .number("9"))
        changes = AccountChanges()
        changes.orders = [.init(before: order, after: canceled, trades: [])]
        #expect(maker.events(for: AccountEvents(apiKey: nil, changes: changes)).map { $0["x"] } == [.string("CANCELED")])
    }

    struct Failure: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}

extension MockEngine {
    /// How many recorded requests went to `endpointID`.
    fileprivate func requests(to endpointID: String) -> Int { records.filter { $0.endpointID == endpointID }.count }
}
