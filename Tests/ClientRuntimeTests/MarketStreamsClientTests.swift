import ClientRuntime
import Foundation
import Testing

/// The market streams client over an in-memory connection.
@Suite struct MarketStreamsClientTests {
    static let profile = MarketStreamsProfile(combinedPath: "/stream?streams=<streamNames>")

    /// Answers every control message with `{"result": null, "id": …}`.
    static func transport() -> InMemoryWebSocketTransport {
        InMemoryWebSocketTransport { frame, connection in
            connection.push("{\"result\":null,\"id\":\(BinanceWS.object(frame)["id"] ?? 0)}")
        }
    }

    static func client(_ transport: InMemoryWebSocketTransport) -> MarketStreamsClient {
        MarketStreamsClient(
            baseURL: URL(string: "ws://127.0.0.1:9/")!, profile: profile, transport: transport,
            options: WebSocketOptions(initialBackoff: .milliseconds(10)))
    }

    @Test func streamsShareOneConnectionAndGetTheirOwnPayloads() async throws {
        let transport = Self.transport()
        let client = Self.client(transport)
        let klines = try await client.subscribe("btcusdt@kline_1m", as: [String: String].self)
        let trades = try await client.subscribe("btcusdt@trade", as: [String: String].self)
        let connection = try #require(transport.connections.first)
        #expect(connection.url.absoluteString == "ws://127.0.0.1:9/stream?streams=btcusdt@kline_1m")
        let subscribe = try #require(connection.sentFrames.first)
        #expect(subscribe == "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}")
        connection.push("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\"}}")
        connection.push("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\"}}")
        var klineIterator = klines.makeAsyncIterator()
        var tradeIterator = trades.makeAsyncIterator()
        #expect(try await klineIterator.next() == ["e": "kline"])
        #expect(try await tradeIterator.next() == ["e": "trade"])
        #expect(transport.connections.count == 1)
    }

    @Test func aRefusedSubscriptionThrows() async throws {
        let transport = InMemoryWebSocketTransport { frame, connection in
            connection.push("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":\(BinanceWS.object(frame)["id"] ?? 0)}")
        }
        let client = Self.client(transport)
        let klines = try await client.subscribe("btcusdt@kline_1m", as: [String: String].self)
        let error = await thrownError { try await client.subscribe("nonsense", as: [String: String].self) }
        #expect((error as? StreamSubscriptionError)?.message.contains("Invalid request") == true)
        #expect(await client.streams == ["btcusdt@kline_1m"])
        withExtendedLifetime(klines) {}
    }

    @Test func afterADropEveryStreamContinuesOnANewConnection() async throws {
        let transport = Self.transport()
        let client = Self.client(transport)
        let klines = try await client.subscribe("btcusdt@kline_1m", as: [String: String].self)
        let depth = try await client.subscribe("ethbtc@depth", as: [String: String].self)
        try #require(transport.connections.first).drop()
        #expect(await eventually { transport.connections.count == 2 })
        let second = transport.connections[1]
        #expect(second.url.absoluteString == "ws://127.0.0.1:9/stream?streams=btcusdt@kline_1m/ethbtc@depth")
        second.push("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\"}}")
        var iterator = klines.makeAsyncIterator()
        #expect(try await iterator.next() == ["e": "kline"])
        withExtendedLifetime(depth) {}
    }

    @Test func theLastConsumerLeavingUnsubscribes() async throws {
        let transport = Self.transport()
        let client = Self.client(transport)
        _ = try await client.subscribe("btcusdt@kline_1m", as: [String: String].self)
        let connection = try #require(transport.connections.first)
        #expect(await eventually { connection.sentFrames.count == 1 })
        #expect(connection.sentFrames.first == "{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@kline_1m\"],\"id\":1}")
        #expect(await client.streams.isEmpty)
    }

    @Test func aPayloadThatDoesNotDecodeEndsTheStreamWithTheReason() async throws {
        let transport = Self.transport()
        let client = Self.client(transport)
        let stream = try await client.subscribe("btcusdt@kline_1m", as: [String: Int].self)
        try #require(transport.connections.first).push("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"t\":\"x\"}}")
        var iterator = stream.makeAsyncIterator()
        let error = await thrownError { try await iterator.next() }
        #expect((error as? ResponseDecodingError)?.endpoint == "btcusdt@kline_1m")
    }
}
