import GRDB
import SyncProtocol

/// The local store is what the sync engine syncs.
extension LocalStore: SyncReplica {
    /// The replica's client id.
    public func clientID() throws -> String {
        try replicaInfo().clientID
    }

    /// The editor's name and the account's token (`bulletin init --token`, `bulletin login`).
    public func credentials() throws -> Credentials? {
        Credentials(user: try replicaInfo().editor, token: try accessSettings().token)
    }

    /// Yields (coalesced) whenever a local change may have been committed to this store: by this process at once,
    /// and — on Linux, through inotify on the store file, which a committing process touches — by another process
    /// (`bulletin edit` in a terminal while `sync --watch` runs). A watching sync pushes on it; nothing polls.
    public func localWrites() -> AsyncStream<Void> {
        let own = commits.commits()
        guard path != ":memory:", let others = StoreFileWatcher.changes(ofStoreAt: path) else { return own }
        let (merged, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let forwarding = [own, others].map { source in
            Task {
                for await _ in source { continuation.yield() }
            }
        }
        continuation.onTermination = { _ in
            for task in forwarding { task.cancel() }
        }
        return merged
    }

    /// Keeps the account the server says this store acts as.
    public func welcomed(_ welcome: Welcome) throws {
        try rememberAccount(from: welcome)
    }

    /// How many changes wait in the outbox.
    ///
    /// A count alone, without their sizes: SQLite counts over the smallest index, while summing `bytes` reads
    /// every outbox row and its overflow pages (74 ms for 10,000 waiting articles, on every watch tick and every
    /// desk page; BENCHMARKS.md, "The desk").
    public func pendingCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }

    /// Where the replica stands, including an unfinished snapshot.
    public func syncCursor() throws -> SyncCursor {
        try writer.read { db in
            let progress = try SnapshotProgressRecord.current(db)
            let cursor = try replica(db).cursor
            return SyncCursor(
                seq: cursor, snapshotResume: progress.completed ? nil : progress.resume,
                snapshotHead: progress.head, initialized: progress.completed || cursor > 0)
        }
    }

    /// Applies one pulled page: log pages through ``applyPulled(_:cursor:)``, snapshot pages through
    /// ``applySnapshotPage(_:)``.
    @discardableResult
    public func apply(_ page: Changes, snapshot: Bool) throws -> [SkippedRecord] {
        if try accessSettings().role == .fieldOffice {
            // A field office stores nothing but verified publications.
            try applyPublications(page, snapshot: snapshot)
            return []
        }
        if snapshot {
            return try applySnapshotPage(page)
        } else {
            return try applyPulled(page.changes, cursor: page.toSeq, completingInitialSync: true).undecodable
        }
    }

    /// Applies one snapshot page in one transaction: its records in the order sent (newest issue first), its
    /// resume token, and — on the last page — the cursor, set to the head the snapshot was taken at. Returns the
    /// records it could not store (left out).
    @discardableResult
    public func applySnapshotPage(_ page: Changes) throws -> [SkippedRecord] {
        let wall = options.wallClock()
        let ahead = FoldAhead.start(page.changes)
        return try writeRecoverable { db in
            var skipped: [SkippedRecord] = []
            var replica = try replica(db)
            var clock = try replica.clock()
            var progress = try SnapshotProgressRecord.current(db)
            for (index, change) in page.changes.enumerated() {
                guard let seq = change.seq else { throw StoreError.missingSeq(changeID: change.changeID) }
                // A snapshot record's `base` holds the server's per-field versions: they, not the record's own
                // id, are what later edits here must name as their bases.
                guard
                    let scope = try Self.applyStorable(
                        change, seq: seq, in: db, skipped: &skipped, recordedVersions: change.base,
                        folded: change.entity == .article ? ahead?.article(at: index) : nil)
                else { continue }
                try ChangeLog.record(change, scope: scope, in: db)
                clock.receive(remote: change.hlc, wall: wall)
            }
            progress.head = page.headSeq ?? progress.head
            progress.resume = page.more ? page.resume : nil
            if !page.more {
                progress.completed = true
                replica.cursor = max(replica.cursor, progress.head ?? page.toSeq)
            }
            replica.hlc = clock.last.description
            try replica.update(db)
            try progress.save(db)
            return skipped
        }
    }
}
