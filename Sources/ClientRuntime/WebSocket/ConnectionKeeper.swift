import Foundation

/// What a ``ConnectionKeeper`` reports to and asks of the client it serves.
protocol ConnectionOwner: AnyObject, Sendable {
    /// The URL of the next connection (a stream client puts its current streams in it).
    func connectionURL() async -> URL
    /// A text frame arrived on `link`.
    func receive(_ text: String, on link: WebSocketLink) async
    /// Logs a new connection on again and resubscribes; throwing drops the connection and tries again later.
    func restore(_ link: WebSocketLink) async throws
    /// `link` ended (closed, failed, or replaced and drained); fail what waits on it.
    func connectionEnded(_ link: WebSocketLink, reason: String) async
    /// Whether to reconnect by itself after a drop (something is subscribed or logged on).
    func wantsConnection() async -> Bool
}

/// Keeps one connection open for a client: connects on demand (one attempt at a time, shared by every caller),
/// reads frames into the owner, reconnects with backoff after a drop while the owner wants a connection, and
/// replaces a connection before `maxConnectionAge`. Every new connection is restored before callers get it.
actor ConnectionKeeper {
    private let transport: any WebSocketTransport
    private let options: WebSocketOptions
    private weak var owner: (any ConnectionOwner)?
    private var current: WebSocketLink?
    private var connecting: Task<WebSocketLink, any Error>?
    private var reconnecting: Task<Void, Never>?
    private var opened = 0
    private var closed = false

    init(transport: any WebSocketTransport, options: WebSocketOptions) {
        self.transport = transport
        self.options = options
    }

    /// The open connection of `owner`'s client, connecting (and restoring) first when there is none.
    func link(for owner: any ConnectionOwner) async throws -> WebSocketLink {
        if self.owner == nil { self.owner = owner }
        return try await link()
    }

    private func link() async throws -> WebSocketLink {
        if closed { throw CancellationError() }
        if let current { return current }
        if let connecting { return try await connecting.value }
        let attempt = Task { try await self.open() }
        connecting = attempt
        defer { connecting = nil }
        return try await attempt.value
    }

    /// The open connection, if any, without connecting.
    var openLink: WebSocketLink? { current }

    /// How many connections were opened so far.
    var connectionCount: Int { opened }

    /// Closes the connection for good; later calls throw `CancellationError`.
    func close() async {
        closed = true
        reconnecting?.cancel()
        let link = current
        current = nil
        await link?.close()
    }

    /// Closes the current connection as if it had dropped (tests, and the venue's shutdown notice).
    func drop() async {
        await current?.close()
    }

    private func open() async throws -> WebSocketLink {
        guard let owner else { throw CancellationError() }
        let url = await owner.connectionURL()
        let connection: any WebSocketConnection
        do {
            connection = try await transport.connect(to: url)
        } catch {
            throw TransportError(endpoint: "connect", message: "cannot connect to \(url.absoluteString): \(error)")
        }
        opened += 1
        let link = WebSocketLink(number: opened, connection: connection)
        startReading(link)
        do {
            try await owner.restore(link)
        } catch {
            await link.close()
            throw error
        }
        if closed {
            await link.close()
            throw CancellationError()
        }
        current = link
        scheduleRetirement(of: link)
        return link
    }

    private func startReading(_ link: WebSocketLink) {
        Task { [weak self] in
            var reason = "the server closed the connection"
            do {
                for try await text in link.connection.messages { await self?.owner?.receive(text, on: link) }
            } catch {
                reason = "the connection failed: \(error)"
            }
            await self?.ended(link, reason: reason)
        }
    }

    private func ended(_ link: WebSocketLink, reason: String) async {
        let wasCurrent = current === link
        if wasCurrent { current = nil }
        await link.close()  // stops its writer
        await owner?.connectionEnded(link, reason: reason)
        if wasCurrent { await reconnectIfWanted() }
    }

    /// Reconnects with backoff until a connection is restored, the owner no longer wants one, or `close()`.
    private func reconnectIfWanted() async {
        guard !closed, reconnecting == nil, let owner, await owner.wantsConnection() else { return }
        reconnecting = Task {
            var attempt = 1
            while !Task.isCancelled, !closed, current == nil {
                guard (try? await Task.sleep(for: options.backoff(attempt: attempt))) != nil else { break }
                guard await self.owner?.wantsConnection() == true else { break }
                if (try? await link()) != nil { break }
                attempt += 1
            }
            reconnecting = nil
        }
    }

    /// Replaces `link` by a fresh connection when it reaches the maximum age; the old one stays open for answers
    /// on their way during the grace period.
    private func scheduleRetirement(of link: WebSocketLink) {
        Task { [weak self, options] in
            guard (try? await Task.sleep(for: options.maxConnectionAge)) != nil else { return }
            await self?.retire(link)
        }
    }

    /// Stops handing out `link`, opens its successor when something needs it, and closes `link` after the grace.
    func retire(_ link: WebSocketLink) async {
        guard current === link else { return }
        current = nil
        await reconnectIfWanted()
        Task { [options] in
            try? await Task.sleep(for: options.retirementGrace)
            await link.close()
        }
    }
}
