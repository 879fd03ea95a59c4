import Foundation

/// A WebSocket transport with no network, for tests: every connection is an ``InMemoryWebSocketConnection`` the test
/// plays the server on (see each frame the client sends, push answers and events, drop the connection). An optional
/// `server` closure answers frames as they arrive.
public final class InMemoryWebSocketTransport: WebSocketTransport {
    /// Called with every frame a client sends and the connection it came on; push answers from it.
    public typealias Server = @Sendable (_ frame: String, _ connection: InMemoryWebSocketConnection) -> Void

    private let state = Locked<(connections: [InMemoryWebSocketConnection], refusals: Int)>(([], 0))
    private let server: Server?
    private let opened: AsyncStream<InMemoryWebSocketConnection>.Continuation
    private let openedStream: Locked<AsyncStream<InMemoryWebSocketConnection>.Iterator>

    /// A transport whose connections are answered by `server` (or only by what the test pushes).
    public init(server: Server? = nil) {
        self.server = server
        let (stream, continuation) = AsyncStream<InMemoryWebSocketConnection>.makeStream()
        opened = continuation
        openedStream = Locked(stream.makeAsyncIterator())
    }

    /// The next `count` connection attempts fail, as an unreachable server would.
    public func refuseConnections(_ count: Int) {
        state.withLock { $0.refusals = count }
    }

    /// Every connection opened so far, oldest first.
    public var connections: [InMemoryWebSocketConnection] { state.withLock { $0.connections } }

    public func connect(to url: URL) async throws -> any WebSocketConnection {
        let refused = state.withLock { state in
            guard state.refusals > 0 else { return false }
            state.refusals -= 1
            return true
        }
        if refused { throw URLError(.cannotConnectToHost) }
        let connection = InMemoryWebSocketConnection(url: url, server: server)
        state.withLock { $0.connections.append(connection) }
        opened.yield(connection)
        return connection
    }

    /// Waits for the next connection a client opens (the first one not yet handed out by this method).
    public func nextConnection() async -> InMemoryWebSocketConnection? {
        var iterator = openedStream.withLock { $0 }
        let next = await iterator.next()
        openedStream.withLock { $0 = iterator }
        return next
    }
}

/// One in-memory connection: the test reads what the client sent and pushes what the server says.
public final class InMemoryWebSocketConnection: WebSocketConnection {
    /// The URL the client connected to.
    public let url: URL
    public let messages: AsyncThrowingStream<String, any Error>
    private let inbound: AsyncThrowingStream<String, any Error>.Continuation
    private let sent = Locked<(frames: [String], closed: Bool)>(([], false))
    private let server: InMemoryWebSocketTransport.Server?

    init(url: URL, server: InMemoryWebSocketTransport.Server?) {
        self.url = url
        self.server = server
        (messages, inbound) = AsyncThrowingStream<String, any Error>.makeStream()
    }

    /// Every frame the client sent, in order.
    public var sentFrames: [String] { sent.withLock { $0.frames } }

    /// Whether either side closed the connection.
    public var isClosed: Bool { sent.withLock { $0.closed } }

    /// Delivers `text` to the client as a frame from the server.
    public func push(_ text: String) {
        inbound.yield(text)
    }

    /// Closes the connection from the server's side (`messages` finishes, or fails with `error`).
    public func drop(error: (any Error)? = nil) {
        sent.withLock { $0.closed = true }
        inbound.finish(throwing: error)
    }

    public func send(_ text: String) async throws {
        let closed = sent.withLock { state in
            if !state.closed { state.frames.append(text) }
            return state.closed
        }
        if closed { throw URLError(.networkConnectionLost) }
        server?(text, self)
    }

    public func close() async {
        drop()
    }
}
