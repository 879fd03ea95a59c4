import Foundation
import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

import class ClientRuntime.Locked

/// One open WebSocket connection: a bounded queue of frames to write (filled by its own requests, the user data
/// stream and the market streams), the connection's subscriptions, and the way to close it from anywhere.
final class WebSocketConnection: Sendable {
    enum Kind: Sendable { case api, streams }

    /// What the connection holds besides its queue.
    struct State: Sendable {
        /// Market streams, in the order subscribed.
        var streams: [String] = []
        /// Whether stream payloads are wrapped `{"stream": …, "data": …}`.
        var combined = false
        /// The API key `session.logon` authenticated, and when.
        var logon: (apiKey: String, since: Int64)?
        /// User data stream subscriptions: id → API key, and whether it came from `userDataStream.subscribe`.
        var subscriptions: [(id: Int, apiKey: String?, viaLogon: Bool)] = []
        var nextSubscriptionID = 0
        /// Whether answers carry `rateLimits` (`returnRateLimits=false` on the URL turns it off).
        var returnRateLimits = true
        /// Replay tasks started by subscriptions, cancelled when the connection closes.
        var feeds: [Task<Void, Never>] = []
    }

    private enum Outgoing: Sendable {
        case text(String)
        case ping
    }

    let id: Int
    let kind: Kind
    /// When the connection opened, in the mock's milliseconds.
    let connectedSince: Int64
    let state = Locked(State())
    private let queue: AsyncStream<Outgoing>
    private let continuation: AsyncStream<Outgoing>.Continuation
    private let closeCode = Locked<WebSocketErrorCode?>(nil)

    init(id: Int, kind: Kind, connectedSince: Int64, queueLimit: Int) {
        self.id = id
        self.kind = kind
        self.connectedSince = connectedSince
        (queue, continuation) = AsyncStream.makeStream(of: Outgoing.self, bufferingPolicy: .bufferingOldest(max(1, queueLimit)))
    }

    /// Queues a text frame; a connection whose queue is full is closed (a consumer too slow to keep up).
    func send(_ text: String) {
        if case .dropped = continuation.yield(.text(text)) { close(.policyViolation) }
    }

    /// Queues a ping frame (keep-alive beside the library's own ping, which also checks the pong).
    func ping() {
        _ = continuation.yield(.ping)
    }

    /// Whether the connection is closing (or closed): no frame queued from now on is written.
    var isClosing: Bool { closeCode.withLock { $0 != nil } }

    /// Closes the connection after the frames already queued.
    func close(_ code: WebSocketErrorCode = .goingAway) {
        closeCode.withLock { $0 = $0 ?? code }
        continuation.finish()
        for task in state.withLock({ $0.feeds }) { task.cancel() }
    }

    /// Writes queued frames until `close()`, then the close frame. Returns when the connection is to be closed.
    func writeQueued(to outbound: WebSocketOutboundWriter) async {
        do {
            for await item in queue {
                switch item {
                case let .text(text): try await outbound.write(.text(text))
                case .ping: try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer(string: "specgen"))))
                }
            }
            let code = closeCode.withLock { $0 } ?? .normalClosure
            try await outbound.close(code, reason: nil)
        } catch {
            // The peer is gone; nothing left to write to.
        }
    }
}
