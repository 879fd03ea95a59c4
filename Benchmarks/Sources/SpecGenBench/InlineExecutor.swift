/// Runs every job it is given at once, on the thread that enqueues it. The count cases run the client's async
/// code under it, so the process never starts the global executor's worker threads: valgrind 3.19 stops with an
/// internal error when a traced process starts a thread on this machine, and one thread makes callgrind's
/// instruction counts possible for the signing path.
final class InlineExecutor: TaskExecutor, Sendable {
    func enqueue(_ job: consuming ExecutorJob) {
        job.runSynchronously(on: asUnownedTaskExecutor())
    }
}
