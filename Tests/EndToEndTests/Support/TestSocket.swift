import ClientRuntime
import Foundation
import Logging
import NIOCore
import SpecModel
import WSClient

/// A raw WebSocket client for tests (swift-websocket's `WebSocketClient`): queues frames to send and collects the
/// text frames received, so a test reads them one at a time with a timeout that guards against hangs.
final class TestSocket: Sendable {
    enum Outgoing: Sendable {
        case text(String)
        case binary([UInt8])
    }

    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    private let received = Locked<(messages: [String], closed: Bool)>(([], false))
    private let outgoing: AsyncStream<Outgoing>.Continuation
    private let task: Task<WebSocketCloseFrame?, any Error>

    /// Connects to `url`; the connection opens in the background (frames sent meanwhile wait for it).
    init(_ url: String) {
        let (stream, continuation) = AsyncStream.makeStream(of: Outgoing.self)
        outgoing = continuation
        let received = received
        var logger = Logger(label: "test.ws")
        logger.logLevel = .critical
        task = Task {
            defer { received.withLock { $0.closed = true } }
            return try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 22), logger: logger) { inbound, outbound, _ in
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await item in stream {
                            switch item {
                            case let .text(text): try? await outbound.write(.text(text))
                            case let .binary(bytes): try? await outbound.write(.binary(ByteBuffer(bytes: bytes)))
                            }
                        }
                    }
                    group.addTask {
                        do {
                            for try await message in inbound.messages(maxSize: 1 << 22) {
                                if case let .text(text) = message { received.withLock { $0.messages.append(text) } }
                            }
                        } catch {}
                    }
                    await group.next()
                    group.cancelAll()
                }
            }
        }
    }

    func send(_ text: String) { outgoing.yield(.text(text)) }

    func send(binary bytes: [UInt8]) { outgoing.yield(.binary(bytes)) }

    /// Sends a request object as JSON.
    func send(_ document: JSONDocument) { send(document.jsonText) }

    func close() {
        outgoing.finish()
        task.cancel()
    }

    /// Whether the connection has ended.
    var isClosed: Bool { received.withLock { $0.closed } }

    /// The next text frame; throws when none comes within `limit` (or the connection closed without one).
    func next(within limit: Duration = .seconds(10)) async throws -> JSONDocument {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let (message, closed) = received.withLock { state -> (String?, Bool) in
                state.messages.isEmpty ? (nil, state.closed) : (state.messages.removeFirst(), state.closed)
            }
            if let message { return try JSONDocument.parse(message) }
            if closed { throw Timeout(description: "the connection closed") }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw Timeout(description: "no frame within \(limit)")
    }

    /// The next frame that satisfies `match`, skipping others (events between answers).
    func next(where match: (JSONDocument) -> Bool, within limit: Duration = .seconds(10)) async throws -> JSONDocument {
        let deadline = ContinuousClock.now + limit
        while true {
            let frame = try await next(within: deadline - ContinuousClock.now)
            if match(frame) { return frame }
        }
    }

    /// The answer to request `id`.
    func answer(to id: String) async throws -> JSONDocument {
        try await next(where: { $0["id"] == .string(id) })
    }

    /// Waits until the connection has closed.
    func waitForClose(within limit: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + limit
        while !isClosed {
            guard ContinuousClock.now < deadline else { throw Timeout(description: "still open after \(limit)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// How the connection ended: the server's close frame, or the error (a refused upgrade).
    var ending: Result<WebSocketCloseFrame?, any Error> { get async { await task.result } }
}

extension JSONDocument {
    /// A request frame `{"id", "method", "params"}`.
    static func request(_ id: String, _ method: String, _ params: [(String, JSONDocument)] = []) -> JSONDocument {
        var members: [(key: String, value: JSONDocument)] = [("id", .string(id)), ("method", .string(method))]
        if !params.isEmpty { members.append(("params", .object(params.map { (key: $0.0, value: $0.1) }))) }
        return .object(members)
    }

    var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    var numberText: String? {
        if case let .number(text) = self { return text }
        return nil
    }
}
