import ClientRuntime
import Foundation
import SpecMock
import SpecModel
import Testing

/// Market streams on the mock: the replay feed on raw and combined connections, control messages, publish, and
/// dropping every connection.
@Suite("Mock market streams")
struct MockStreamsTests {
    static func kline(_ close: String) -> String {
        #"{"e":"kline","E":1672515782136,"s":"BTCUSDT","k":{"t":1672515780000,"T":1672515839999,"s":"BTCUSDT","i":"1m","f":100,"L":200,"o":"0.0010","c":""#
            + close + #"","h":"0.0025","l":"0.0015","v":"1000","n":100,"x":false,"q":"1.0000","V":"500","Q":"0.500","B":"123456"}}"#
    }

    static func feedFile() throws -> URL {
        let lines = [
            #"{"stream": "btcusdt@kline_1m", "data": \#(kline("0.0020"))}"#,
            #"{"stream": "ethbtc@trade", "data": {"e": "trade", "s": "ETHBTC", "t": 7}}"#,
            #"{"stream": "btcusdt@kline_1m", "data": \#(kline("0.0021")), "delayMs": 20}"#,
        ]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        return url
    }

    static func mock() async throws -> MockExchange {
        try await MockExchange.start(spec: try Specs.load("binance-spot.yaml"), options: MockOptions(streamFeed: try feedFile()))
    }

    @Test("a raw connection gets its stream's feed lines in order; a combined one gets them wrapped")
    func replay() async throws {
        let mock = try await Self.mock()
        defer { Task { await mock.stop() } }
        let raw = TestSocket(mock.streamsURL.absoluteString + "/ws/btcusdt@kline_1m")
        defer { raw.close() }
        #expect(try await raw.next()["k"]?["c"] == .string("0.0020"))
        #expect(try await raw.next()["k"]?["c"] == .string("0.0021"))

        let combined = TestSocket(mock.streamsURL.absoluteString + "/stream?streams=btcusdt@kline_1m/ethbtc@trade")
        defer { combined.close() }
        var received: [String] = []
        for _ in 0..<3 {
            let message = try await combined.next()
            #expect(message["data"]?["e"] != nil)
            received.append(message["stream"]?.stringValue ?? "?")
        }
        #expect(received == ["btcusdt@kline_1m", "ethbtc@trade", "btcusdt@kline_1m"])
    }

    @Test("SUBSCRIBE, LIST_SUBSCRIPTIONS, UNSUBSCRIBE and publish; unknown streams are refused")
    func control() async throws {
        let mock = try await Self.mock()
        defer { Task { await mock.stop() } }
        let socket = TestSocket(mock.streamsURL.absoluteString + "/ws")
        defer { socket.close() }
        socket.send(#"{"method": "SUBSCRIBE", "params": ["bnbusdt@depth5@100ms"], "id": 1}"#)
        #expect(try await socket.next() == .object([("result", .null), ("id", .number("1"))]))
        socket.send(#"{"method": "LIST_SUBSCRIPTIONS", "id": 2}"#)
        #expect(try await socket.next()["result"] == .array([.string("bnbusdt@depth5@100ms")]))
        #expect(mock.publish(stream: "bnbusdt@depth5@100ms", payload: #"{"lastUpdateId": 9}"#) == 1)
        #expect(try await socket.next()["lastUpdateId"] == .number("9"))
        #expect(mock.publish(stream: "bnbusdt@depth5@100ms", payload: "not json") == 0)

        socket.send(#"{"method": "SUBSCRIBE", "params": ["btcusdt@kline_7m"], "id": 3}"#)
        let unknown = try await socket.next()
        #expect(unknown["error"]?["code"] == .number("2") && unknown["id"] == .number("3"))
        socket.send(#"{"method": "UNSUBSCRIBE", "params": ["bnbusdt@depth5@100ms"], "id": 4}"#)
        #expect(try await socket.next()["result"] == .null)
        #expect(mock.publish(stream: "bnbusdt@depth5@100ms", payload: "{}") == 0)
        socket.send(#"{"method": "FLY", "id": 5}"#)
        #expect(try await socket.next()["error"]?["code"] == .number("2"))
        socket.send("]]")
        #expect(try await socket.next()["error"]?["code"] == .number("3"))

        // An unknown stream in the URL: the upgrade is refused.
        let refused = TestSocket(mock.streamsURL.absoluteString + "/ws/btcusdt@nonsense")
        if case .success = await refused.ending { Issue.record("the upgrade to an unknown stream was accepted") }
    }

    @Test("dropWebSocketConnections closes API and stream connections; new ones work")
    func dropAndReconnect() async throws {
        let mock = try await Self.mock()
        defer { Task { await mock.stop() } }
        let api = TestSocket(mock.webSocketAPIURL.absoluteString)
        let stream = TestSocket(mock.streamsURL.absoluteString + "/ws/ethbtc@trade")
        defer { api.close(); stream.close() }
        api.send(.request("a", "ping"))
        _ = try await api.answer(to: "a")
        _ = try await stream.next()
        #expect(mock.webSocketConnectionCount == 2)
        mock.dropWebSocketConnections()
        try await api.waitForClose()
        try await stream.waitForClose()

        let again = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { again.close() }
        again.send(.request("b", "ping"))
        #expect(try await again.answer(to: "b")["status"] == .number("200"))
        let streamAgain = TestSocket(mock.streamsURL.absoluteString + "/ws/ethbtc@trade")
        defer { streamAgain.close() }
        #expect(try await streamAgain.next()["t"] == .number("7"))
    }

    @Test("a feed with bad lines does not start, and names every bad line")
    func badFeed() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).jsonl")
        try Data("{\"stream\": \"nope\", \"data\": {}}\n\n{\"stream\": \"btcusdt@trade\"}\n".utf8).write(to: url)
        do {
            _ = try await MockExchange.start(spec: try Specs.load("binance-spot.yaml"), options: MockOptions(streamFeed: url))
            Issue.record("the mock started with a bad feed")
        } catch let error as MockError {
            #expect(error.description.contains(":1: 'nope'") && error.description.contains(":3: no \"data\""))
        }
    }
}
