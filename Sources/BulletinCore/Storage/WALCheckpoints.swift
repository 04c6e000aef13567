import GRDB

/// Copies a WAL-mode database's log back into its file from a connection of its own, so that a long-running writer
/// never does it inside a commit.
///
/// SQLite's automatic checkpoint runs in the commit that crosses 1,000 log pages, and writes them all back (with an
/// fsync) before that commit returns: on the server, a push acknowledged late; on a watching editor's laptop, one
/// pulled edit in a few dozen shown 20–130 ms late instead of 2–3 ms (BENCHMARKS.md, "Sync"). A passive checkpoint
/// takes no lock a writer needs, so here it runs beside the commits, on another thread.
public struct WALCheckpoints: Sendable {
    /// The database file.
    public let path: String
    /// The connection that commits; its automatic checkpoints are off while ``run()`` runs.
    public let writer: any DatabaseWriter
    /// How often the log is copied back (only the pages written since the last time are copied).
    public var interval: Duration

    /// SQLite's default threshold, restored on the writer when ``run()`` ends.
    public static let automaticThresholdPages = 1_000

    /// Checkpoints of the database at `path` whose commits `writer` makes.
    public init(path: String, writer: any DatabaseWriter, interval: Duration = .milliseconds(200)) {
        self.path = path
        self.writer = writer
        self.interval = interval
    }

    /// Runs until its task is cancelled, then turns the writer's automatic checkpoints back on.
    ///
    /// A failed checkpoint is not an error: the log stays, and the next one copies it.
    public func run() async throws {
        let checkpointer = try DatabaseQueue(path: path)
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
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)")
        }
    }
}
