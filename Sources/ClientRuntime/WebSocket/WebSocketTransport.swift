import Foundation

/// Opens WebSocket connections: the seam between the WebSocket API and stream clients and a WebSocket library.
///
/// `ClientRuntimeWebSocket` provides one on swift-websocket (`WebSocketClientTransport`); tests use an in-memory fake.
/// A transport answers the server's pings with pongs carrying the ping's payload; the clients see text frames only.
public protocol WebSocketTransport: Sendable {
    /// Opens a connection to `url` (`ws://` or `wss://`); throws when the handshake fails.
    func connect(to url: URL) async throws -> any WebSocketConnection
}

/// One open WebSocket connection, as text frames.
public protocol WebSocketConnection: Sendable {
    /// The text frames the server sends, in order. Finishes when the connection closes (either side), and throws
    /// when it fails. Iterated once, by the client that opened the connection.
    var messages: AsyncThrowingStream<String, any Error> { get }
    /// Sends one text frame; throws when the connection is closed or fails.
    func send(_ text: String) async throws
    /// Closes the connection (a normal close); `messages` then finishes.
    func close() async
}
