import NIOConcurrencyHelpers

/// Runs asynchronous jobs one at a time, in the order they were scheduled, without a task while there are none.
///
/// For a backend whose transactions are async calls on a pool of threads (PostgreSQL's): the order of
/// ``StoreBackend/scheduleWrite(appending:_:completion:)`` is kept here. SQLite's writer queue keeps it by itself.
final class SerialJobs: Sendable {
    typealias Job = @Sendable () async -> Void

    private struct State {
        var jobs: [Job] = []
        var running = false
    }

    private let state = NIOLockedValueBox(State())

    /// Runs `job` after every job scheduled before it has finished.
    func schedule(_ job: @escaping Job) {
        let start = state.withLockedValue { state in
            state.jobs.append(job)
            guard !state.running else { return false }
            state.running = true
            return true
        }
        if start { Task { await self.drain() } }
    }

    private func drain() async {
        while let job = next() { await job() }
    }

    /// The next job, or `nil` (and no longer running) when there is none.
    private func next() -> Job? {
        state.withLockedValue { state in
            guard !state.jobs.isEmpty else {
                state.running = false
                return nil
            }
            return state.jobs.removeFirst()
        }
    }
}
