/// One open connection of a client: its number (answers and waiters are matched to it), its age, and an outbox
/// that sends frames one at a time in the order they were queued.
final class WebSocketLink: Sendable {
    let number: Int
    let connection: any WebSocketConnection
    let openedAt: ContinuousClock.Instant
    private let outbox: AsyncStream<String>.Continuation

    init(number: Int, connection: any WebSocketConnection) {
        self.number = number
        self.connection = connection
        openedAt = .now
        let (frames, outbox) = AsyncStream<String>.makeStream()
        self.outbox = outbox
        // A failed send closes the connection, which ends its reader and fails whatever waits on it.
        Task {
            for await frame in frames {
                do { try await connection.send(frame) } catch {
                    await connection.close()
                    return
                }
            }
        }
    }

    /// Queues `text`; it is sent after every frame queued before it.
    func send(_ text: String) {
        outbox.yield(text)
    }

    /// Stops sending and closes the connection.
    func close() async {
        outbox.finish()
        await connection.close()
    }
}
