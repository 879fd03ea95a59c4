import Foundation
import SpecMock
import Testing

/// Keep-alive and connection bounds of the mock's WebSocket side, with a raw socket that never answers a ping.
@Suite("Mock WebSocket keep-alive and limits")
struct MockKeepAliveTests {
    static let upgrade =
        "GET /ws-api/v3 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"

    @Test("the server pings every webSocketPingInterval and closes a client that sends no pong in webSocketPongTimeout")
    func pongTimeout() async throws {
        let mock = try await MockExchange.start(
            spec: try Specs.load("binance-spot.yaml"),
            options: MockOptions(webSocketPingInterval: .milliseconds(100), webSocketPongTimeout: .milliseconds(400)))
        defer { Task { await mock.stop() } }
        let socket = try RawSocket(port: mock.port)
        #expect(socket.send(Self.upgrade))
        let read = await socket.readUntilClosed(timeout: .seconds(10))
        #expect(read.text.hasPrefix("HTTP/1.1 101"))
        #expect(read.text.components(separatedBy: "specgen").count - 1 >= 2, "fewer than two pings before the close")
        #expect(read.closed, "a client that never answered a ping was not disconnected")
    }

    @Test("beyond maxWebSocketConnections an upgrade is refused; HTTP is still served")
    func connectionLimit() async throws {
        let mock = try await MockExchange.start(spec: try Specs.load("binance-spot.yaml"), options: MockOptions(maxWebSocketConnections: 1))
        defer { Task { await mock.stop() } }
        let first = TestSocket(mock.webSocketAPIURL.absoluteString)
        defer { first.close() }
        first.send(.request("1", "ping"))
        _ = try await first.answer(to: "1")
        let second = TestSocket(mock.webSocketAPIURL.absoluteString)
        if case .success = await second.ending { Issue.record("a second WebSocket connection was accepted") }
        let url = try #require(URL(string: mock.baseURL.absoluteString + "/api/v3/ping"))
        #expect(try await RawHTTP.send("GET", url).status == 200)
    }
}
