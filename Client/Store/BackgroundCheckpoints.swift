import GRDB

/// Copies the store's write-ahead log back into the database file from a connection of its own, so that a
/// long-running writer (`bulletin sync --watch`) never does it inside a commit.
///
/// SQLite's automatic checkpoint runs in the commit that crosses 1,000 WAL pages and writes them all back with an
/// fsync first: every few dozen pulled edits, one edit reached a watching editor 20–130 ms late instead of 2–3 ms
/// (BENCHMARKS.md, "Sync" (d)). A passive checkpoint takes no lock a writer needs, so it runs beside the commits.
struct BackgroundCheckpoints: Sendable {
    /// The store whose log is checkpointed.
    let store: LocalStore
    /// How often the log is copied back (only the pages written since the last time are copied).
    var interval: Duration = .milliseconds(200)

    /// SQLite's default threshold, restored on the writer when the loop ends.
    static let automaticThresholdPages = 1_000

    /// Runs until cancelled; the writer's automatic checkpoints are off meanwhile and back on afterwards.
    ///
    /// Does nothing for a store in memory. A failed checkpoint is not an error: the log stays, and is copied by the
    /// next one.
    func run() async throws {
        guard store.path != ":memory:" else { return }
        let checkpointer = try DatabaseQueue(path: store.path)
        try setAutomaticCheckpoints(0)
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                break
            }
            _ = try? await checkpointer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
        try setAutomaticCheckpoints(Self.automaticThresholdPages)
    }

    // Synchronous on purpose: the asynchronous write refuses to run in a cancelled task, which is exactly when the
    // threshold must come back.
    private func setAutomaticCheckpoints(_ pages: Int) throws {
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)")
        }
    }
}
