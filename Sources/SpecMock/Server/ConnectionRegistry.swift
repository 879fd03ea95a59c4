import HummingbirdCore
import NIOConcurrencyHelpers
import NIOCore

/// The mock's idle connections, oldest first to go: at the connection limit, a new connection closes the one idle
/// the longest instead of waiting behind it.
final class ConnectionRegistry: Sendable {
    /// Asks a connection's `ConnectionDeadlines` to close it if it is still idle.
    struct CloseIfIdle: Sendable {}
    /// The connection got busy before it could be closed.
    struct NotIdle: Error {}

    private struct Idle: Sendable {
        let channel: any Channel
        let since: NIODeadline
    }

    private let idle = NIOLockedValueBox<[ObjectIdentifier: Idle]>([:])

    func markIdle(_ id: ObjectIdentifier, channel: any Channel, since: NIODeadline) {
        idle.withLockedValue { $0[id] = Idle(channel: channel, since: since) }
    }

    func remove(_ id: ObjectIdentifier) {
        _ = idle.withLockedValue { $0.removeValue(forKey: id) }
    }

    /// Closes the longest-idle connection (trying the next if it got busy meanwhile); false when none is idle.
    @discardableResult
    func closeOldestIdle(attempts: Int = 4) -> Bool {
        guard attempts > 0,
            let oldest = idle.withLockedValue({ table in
                table.min { $0.value.since < $1.value.since }.map { table.removeValue(forKey: $0.key) } ?? nil
            })
        else { return false }
        let promise = oldest.channel.eventLoop.makePromise(of: Void.self)
        oldest.channel.triggerUserOutboundEvent(CloseIfIdle(), promise: promise)
        promise.futureResult.whenFailure { _ in self.closeOldestIdle(attempts: attempts - 1) }
        return true
    }
}

/// Hummingbird's connection limit, shedding idle connections: at `maximum`, accepting waits until a connection
/// closes, and the longest-idle connection is closed to make that happen at once.
struct SheddingConnectionLimit: AvailableConnectionsDelegate {
    let maximum: Int
    let registry: ConnectionRegistry
    private var open = 0

    init(maximum: Int, registry: ConnectionRegistry) {
        self.maximum = max(1, maximum)
        self.registry = registry
    }

    mutating func connectionOpened() { open += 1 }

    mutating func connectionClosed() { open -= 1 }

    func isAcceptingNewConnections() -> Bool {
        if open < maximum { return true }
        registry.closeOldestIdle()
        return false
    }
}
