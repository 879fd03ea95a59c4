import Foundation

/// A transport for tests: records every request and replies from a queue or a closure. No network of its own; a
/// handler that calls a real transport makes it a recorder of real traffic, and a `journal` writes every exchange
/// as JSON Lines for `specgen check-traffic`.
public actor RecordingTransport: HTTPTransport, CustomStringConvertible {
    /// One queued reply.
    public enum Reply: Sendable {
        /// Answer with this response.
        case response(WireResponse)
        /// Fail with this error (e.g. `HTTPTransportFailure(.timedOut, …)`).
        case failure(any Error & Sendable)
    }

    private struct Storage {
        var requests: [WireRequest] = []
        var queue: [Reply] = []
    }

    private let storage = Locked(Storage())
    private let handler: (@Sendable (WireRequest) async throws -> WireResponse)?
    private let journal: ExchangeJournal?

    /// Replies from `replies` in order; fails with `HTTPTransportFailure(.other, …)` when they run out.
    public init(replies: [Reply] = [], journal: ExchangeJournal? = nil) {
        storage.withLock { $0.queue = replies }
        handler = nil
        self.journal = journal
    }

    /// Replies by calling `handler` once the queue is empty.
    public init(journal: ExchangeJournal? = nil, handler: @escaping @Sendable (WireRequest) async throws -> WireResponse) {
        self.handler = handler
        self.journal = journal
    }

    /// Every request sent, in order.
    public nonisolated var requests: [WireRequest] {
        storage.withLock { $0.requests }
    }

    /// The last request sent, if any.
    public nonisolated var lastRequest: WireRequest? {
        requests.last
    }

    /// Adds a reply to the queue.
    public nonisolated func enqueue(_ reply: Reply) {
        storage.withLock { $0.queue.append(reply) }
    }

    /// Adds a response with a UTF-8 body to the queue.
    public nonisolated func enqueue(status: Int = 200, headers: KeyValuePairs<String, String> = [:], body: String) {
        enqueue(.response(WireResponse(status: status, headers: headers, text: body)))
    }

    /// Records the request and replies.
    public func send(_ request: WireRequest) async throws -> WireResponse {
        do {
            let response = try await reply(to: request)
            journal?.record(request, response)
            return response
        } catch {
            journal?.record(request, nil)
            throw error
        }
    }

    private func reply(to request: WireRequest) async throws -> WireResponse {
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
