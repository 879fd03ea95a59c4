import ClientRuntime
import Foundation
import Logging
import NIOSSL
import WSClient

/// A ``ClientRuntime/WebSocketTransport`` on swift-websocket (`WSClient`, SwiftNIO): `ws://` and `wss://`.
///
/// swift-websocket answers the server's pings by itself, with pongs carrying the ping's payload (Binance pings every
/// 20 s and drops a connection without pongs). Text frames reach the client; binary frames are ignored.
public struct WebSocketClientTransport: WebSocketTransport {
    /// swift-websocket's configuration (frame size, extra headers, auto ping…).
    public var configuration: WebSocketClientConfiguration
    /// TLS for `wss://`; nil uses the system's trust roots.
    public var tlsConfiguration: TLSConfiguration?
    /// The largest message accepted, in bytes (default 32 MiB: exchange information can be several MiB).
    public var maxMessageSize: Int
    public var logger: Logger

    /// Creates a transport; frames up to `maxMessageSize` are accepted.
    public init(
        configuration: WebSocketClientConfiguration = WebSocketClientConfiguration(maxFrameSize: 1 << 20),
        tlsConfiguration: TLSConfiguration? = nil, maxMessageSize: Int = 32 << 20,
        logger: Logger = Logger(label: "ClientRuntimeWebSocket")
    ) {
        self.configuration = configuration
        self.tlsConfiguration = tlsConfiguration
        self.maxMessageSize = maxMessageSize
        self.logger = logger
    }

    /// Opens a connection; returns once the upgrade succeeded, throws when it fails.
    public func connect(to url: URL) async throws -> any WebSocketConnection {
        let connection = NIOWebSocketConnection()
        let opened = Locked<CheckedContinuation<Void, any Error>?>(nil)
        @Sendable func signal(_ result: Result<Void, any Error>) {
            opened.withLock { continuation in
                continuation?.resume(with: result)
                continuation = nil
            }
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            opened.withLock { $0 = continuation }
            Task { [configuration, tlsConfiguration, logger, maxMessageSize] in
                do {
                    try await WebSocketClient.connect(
                        url: url.absoluteString, configuration: configuration, tlsConfiguration: tlsConfiguration, logger: logger
                    ) { inbound, outbound, _ in
                        signal(.success(()))
                        try await connection.run(inbound: inbound, outbound: outbound, maxMessageSize: maxMessageSize)
                    }
                    signal(.failure(WebSocketClientError.webSocketUpgradeFailed))
                    connection.ended(nil)
                } catch {
                    signal(.failure(error))
                    connection.ended(error)
                }
            }
        }
        return connection
    }
}

/// One swift-websocket connection bridged to text frames: an outbox the client writes to, inbound texts as a stream.
final class NIOWebSocketConnection: WebSocketConnection {
    private enum Command { case text(String), close }

    let messages: AsyncThrowingStream<String, any Error>
    private let inbound: AsyncThrowingStream<String, any Error>.Continuation
    private let commands: AsyncStream<Command>
    private let outbox: AsyncStream<Command>.Continuation
    private let closed = Locked(false)

    init() {
        (messages, inbound) = AsyncThrowingStream<String, any Error>.makeStream()
        (commands, outbox) = AsyncStream<Command>.makeStream()
    }

    /// Runs inside swift-websocket's handler: writes queued frames and reads texts until either side closes.
    func run(inbound frames: WebSocketInboundStream, outbound: WebSocketOutboundWriter, maxMessageSize: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [commands] in
                for await command in commands {
                    switch command {
                    case .text(let text): try await outbound.write(.text(text))
                    case .close:
                        try await outbound.close(.normalClosure, reason: nil)
                        return
                    }
                }
            }
            group.addTask { [inbound] in
                for try await message in frames.messages(maxSize: maxMessageSize) {
                    if case .text(let text) = message { inbound.yield(text) }
                }
            }
            // Whichever side ends first ends the connection.
            try await group.next()
            group.cancelAll()
        }
    }

    func ended(_ error: (any Error)?) {
        closed.withLock { $0 = true }
        outbox.finish()
        inbound.finish(throwing: error)
    }

    func send(_ text: String) async throws {
        guard !closed.withLock({ $0 }) else { throw WebSocketConnectionClosed() }
        outbox.yield(.text(text))
    }

    func close() async {
        outbox.yield(.close)
        outbox.finish()
    }
}

/// A frame was sent on a closed connection.
public struct WebSocketConnectionClosed: Error, Sendable, Hashable {}
