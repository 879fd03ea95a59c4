/// The requests waiting for their answers, by request id: each answer resumes its caller once, whatever arrives
/// first (the answer, the timeout, the connection's end, the caller's cancellation).
final class PendingAnswers<Answer: Sendable>: Sendable {
    private struct Waiter {
        let continuation: CheckedContinuation<Answer, any Error>
        /// The connection the request was sent on.
        let connection: Int
        /// What to throw when that connection ends first.
        let onClose: @Sendable (String) -> any Error
        let timer: Task<Void, Never>?
    }

    private let waiters = Locked<[String: Waiter]>([:])

    /// Registers the caller waiting for `id`, sent on `connection`. After `timeout` the caller gets
    /// `timeoutError`; when the connection ends first, `onClose(reason)`.
    func register(
        _ id: String, connection: Int, continuation: CheckedContinuation<Answer, any Error>, timeout: Duration,
        timeoutError: @escaping @Sendable () -> any Error, onClose: @escaping @Sendable (String) -> any Error
    ) {
        let timer = Task { [weak self] in
            guard (try? await Task.sleep(for: timeout)) != nil else { return }
            self?.fail(id, with: timeoutError())
        }
        waiters.withLock { $0[id] = Waiter(continuation: continuation, connection: connection, onClose: onClose, timer: timer) }
    }

    /// Resumes the caller of `id` with `answer`; false when nobody waits for it (late or unknown id).
    @discardableResult func resolve(_ id: String, with answer: Answer) -> Bool {
        guard let waiter = take(id) else { return false }
        waiter.continuation.resume(returning: answer)
        return true
    }

    /// Fails the caller of `id`, if it still waits.
    func fail(_ id: String, with error: any Error) {
        take(id)?.continuation.resume(throwing: error)
    }

    /// Fails every caller waiting on `connection` with its `onClose(reason)`.
    func connectionEnded(_ connection: Int, reason: String) {
        let ended = waiters.withLock { waiters in
            let ids = waiters.filter { $0.value.connection == connection }.map(\.key)
            return ids.compactMap { waiters.removeValue(forKey: $0) }
        }
        for waiter in ended {
            waiter.timer?.cancel()
            waiter.continuation.resume(throwing: waiter.onClose(reason))
        }
    }

    /// How many callers wait.
    var count: Int { waiters.withLock { $0.count } }

    private func take(_ id: String) -> Waiter? {
        let waiter = waiters.withLock { $0.removeValue(forKey: id) }
        waiter?.timer?.cancel()
        return waiter
    }
}
