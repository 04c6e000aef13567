import GRDB

/// Copies a WAL-mode database's log back into its file from a connection of its own, so that a long-running writer
/// never does it inside a commit.
///
/// SQLite's automatic checkpoint runs in the commit that crosses 1,000 log pages, and writes them all back (with an
/// fsync) before that commit returns: on the server, a push acknowledged late; on a watching editor's laptop, one
/// pulled edit in a few dozen shown 20–130 ms late instead of 2–3 ms (BENCHMARKS.md, "Sync"). A passive checkpoint
/// takes no lock a writer needs, so here it runs beside the commits, on another thread.
///
/// It runs when a commit leaves the log at ``thresholdPages`` or more (SQLite tells the writer's connection after
/// every commit, through its WAL hook), not on a timer. The threshold is well above SQLite's default because every
/// completed checkpoint costs the next commit an fsync of its own: a log copied back to its end starts over from the
/// beginning, and SQLite syncs the new log header in the commit that restarts it (BENCHMARKS.md, "Issue 14: the
/// live path").
public struct WALCheckpoints: Sendable {
    /// The database file.
    public let path: String
    /// The connection that commits; its automatic checkpoints are off while ``run()`` runs.
    public let writer: any DatabaseWriter
    /// How many pages a commit must leave in the log before they are copied back.
    public var thresholdPages: Int

    /// SQLite's default threshold, restored on the writer when ``run()`` ends.
    public static let automaticThresholdPages = 1_000
    /// 32 MiB of 4 KiB pages: a watching editor's store restarts its log once in ~200 pulled article edits.
    public static let defaultThresholdPages = 8_192

    /// Checkpoints of the database at `path` whose commits `writer` makes.
    public init(path: String, writer: any DatabaseWriter, thresholdPages: Int = Self.defaultThresholdPages) {
        self.path = path
        self.writer = writer
        self.thresholdPages = thresholdPages
    }

    /// Runs until its task is cancelled, then turns the writer's automatic checkpoints back on.
    ///
    /// A failed checkpoint is not an error: the log stays, and the next one copies it. Where SQLite's WAL hook
    /// cannot be reached, SQLite's own automatic checkpoints stay on and this returns at once.
    public func run() async throws {
        let checkpointer = try DatabaseQueue(path: path)
        let (growth, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let watch = LogGrowthWatch(threshold: thresholdPages, continuation: continuation)
        guard try hook(watch) else { return }
        for await _ in growth {
            _ = try? await checkpointer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
        // Ended by cancellation; `watch` lives until here, past the hook that points at it.
        try withExtendedLifetime(watch) { try unhook() }
    }

    // Synchronous on purpose: the asynchronous write refuses to run in a cancelled task, which is exactly when the
    // automatic checkpoints must come back.
    private func hook(_ watch: LogGrowthWatch) throws -> Bool {
        try writer.writeWithoutTransaction { db in
            guard LogGrowthWatch.isAvailable, let connection = db.sqliteConnection else { return false }
            // Turning automatic checkpoints off removes any WAL hook (they are one themselves): ours goes in after.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            watch.install(on: connection)
            return true
        }
    }

    private func unhook() throws {
        // Replaces our hook with SQLite's own, on the writer's thread: no commit can be calling the old one after.
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.automaticThresholdPages)")
        }
    }
}
