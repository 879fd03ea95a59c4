import Foundation

/// A transport for tests: records every request and replies from a queue or a closure. No network.
public actor RecordingTransport: HTTPTransport, CustomStringConvertible {
    /// One queued reply.
    public enum Reply: Sendable {
        /// Answer with this response.
        case response(HTTPResponse)
        /// Fail with this error (e.g. `HTTPTransportFailure(.timedOut, …)`).
        case failure(any Error & Sendable)
    }

    private struct Storage {
        var requests: [HTTPRequest] = []
        var queue: [Reply] = []
    }

    private let storage = Locked(Storage())
    private let handler: (@Sendable (HTTPRequest) async throws -> HTTPResponse)?

    /// Replies from `replies` in order; fails with `HTTPTransportFailure(.other, …)` when they run out.
    public init(replies: [Reply] = []) {
        storage.withLock { $0.queue = replies }
        handler = nil
    }

    /// Replies by calling `handler` once the queue is empty.
    public init(handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.handler = handler
    }

    /// Every request sent, in order.
    public nonisolated var requests: [HTTPRequest] {
        storage.withLock { $0.requests }
    }

    /// The last request sent, if any.
    public nonisolated var lastRequest: HTTPRequest? {
        requests.last
    }

    /// Adds a reply to the queue.
    public nonisolated func enqueue(_ reply: Reply) {
        storage.withLock { $0.queue.append(reply) }
    }

    /// Adds a response with a UTF-8 body to the queue.
    public nonisolated func enqueue(status: Int = 200, headers: HTTPHeaders = [:], body: String) {
        enqueue(.response(HTTPResponse(status: status, headers: headers, text: body)))
    }

    /// Records the request and replies.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply = storage.withLock { storage -> Reply? in
            storage.requests.append(request)
            return storage.queue.isEmpty ? nil : storage.queue.removeFirst()
        }
        switch reply {
        case .response(let response)?: return response
        case .failure(let error)?: throw error
        case nil: break
        }
        if let handler { return try await handler(request) }
        throw HTTPTransportFailure(.other, "RecordingTransport has no reply queued")
    }

    /// The recorded requests, with credentials and signatures masked.
    public nonisolated var description: String {
        requests.enumerated().map { "#\($0.offset + 1) \($0.element)" }.joined(separator: "\n\n")
    }
}
