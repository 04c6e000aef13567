import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// The server's durable state: the append-only change log and the materialised state of every entity, in one
/// SQLite file (WAL, `synchronous = FULL`).
///
/// A value type around a GRDB `DatabasePool`: copies share the same database. Every method is safe to call from any
/// task; writes are serialised by SQLite's single writer, reads run concurrently on snapshots.
public struct ServerStore: Sendable {
    /// The file name of the store inside the data directory.
    public static let fileName = "bulletin-server.sqlite"

    let writer: any DatabaseWriter
    /// The key that signs publications (kept in the data directory beside the database).
    let signingKey: PublicationSigningKey
    /// The server's stable id, made when the store was created.
    public let serverID: String
    /// The database file's path.
    public let path: String
    /// The histories of the log, oldest first (PROTOCOL.md section 12.5). Read once: only a restore, into a store
    /// no server has open, starts a new one.
    public let logEpochs: [LogEpoch]
    /// The log's records that the data contract refuses, found when the store opened: never served to pulls.
    public let quarantine: LogQuarantine

    /// The public half of the publication signing key, which field offices pin (`bulletin-server key show`).
    public var publicationKey: PublicationPublicKey { signingKey.publicKey }

    /// Opens (creating if needed) the store in `directory`, which is created if it is missing, and migrates it.
    ///
    /// - Throws: a `CocoaError`/`POSIXError` when the directory cannot be made, or a GRDB `DatabaseError` when the
    ///   file is not a usable SQLite database.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try self.init(path: (directory as NSString).appendingPathComponent(Self.fileName))
    }

    /// Opens (creating if needed) the store at the file `path` and migrates it. The publication signing key is
    /// read from (or made in) the same directory; see ``PublicationKeyFile``.
    public init(path: String) throws {
        let key = try PublicationKeyFile.loadOrCreate(
            directory: (path as NSString).deletingLastPathComponent)
        var configuration = Configuration()
        configuration.label = "bulletin-server"
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                // Each pushed change updates several indexes at random places (UUID keys): a bigger page cache on
                // the one writer connection saves most of the page reads (16 MB; the readers keep SQLite's 2 MB, so
                // serving pulls needs no more memory).
                try db.execute(sql: "PRAGMA cache_size = -16000")
            }
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        // A push is acknowledged only once durable: every commit is synced to disk. Set here, on the pool's one
        // writer connection, because the pool turns on WAL (and `synchronous = NORMAL` with it) after
        // `prepareDatabase` has run.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        // A newer server's migrations: refuse rather than serve (or write) a schema this binary does not know.
        if try pool.read(ServerSchema.migrator.hasBeenSuperseded) {
            try pool.close()
            throw ServerStoreError.newerSchema(path: path)
        }
        try ServerSchema.migrator.migrate(pool)
        guard let info = try pool.read({ try ServerInfo.fetchOne($0) }) else {
            throw ServerStoreError.missingServerInfo(path: path)
        }
        self.logEpochs = try pool.read { try LogEpochs.all($0) }
        self.quarantine = try pool.read(LogQuarantine.scan)
        self.writer = pool
        self.signingKey = key
        self.serverID = info.serverID
        self.path = path
    }

    /// The highest seq in the log (0 for an empty log).
    public func headSeq() async throws -> Int64 {
        try await writer.read { try ServerQueries.head($0) }
    }

    /// Applies a `push` batch in one transaction and returns once it is durable.
    ///
    /// Each change is applied (logged at the next seq), recognised as a duplicate of an earlier change id (with its
    /// original seq, applied only once), or rejected with a reason: `forbidden` when `role` may not make it (see
    /// ``AccessPolicy``), `invalid_message` when it breaks the data contract; see ``PushOutcome``. Issues whose
    /// published content or state changed get a signed `publication` record in the same transaction.
    ///
    /// - Parameters:
    ///   - changes: The batch, in the author's order.
    ///   - role: The pushing account's role; in-process callers (tools, tests) act as a chief unless they say so.
    ///   - user: The pushing account's name, recorded as the author of the publications the batch causes.
    ///   - reoffer: The batch re-offers records of a log history lost to a restore (PROTOCOL.md section 12.5).
    public func push(
        _ changes: [ChangeRecord], role: Role = .chief, user: String? = nil, reoffer: Bool = false
    ) async throws -> PushOutcome {
        let key = signingKey
        let serverID = serverID
        return try await writer.write { db in
            var applier = try PushApplier(db: db, role: role, reoffer: reoffer)
            var results: [ChangeResult] = []
            results.reserveCapacity(changes.count)
            for change in changes {
                results.append(try applier.apply(change))
            }
            var head = applier.head
            let recorder = PublicationRecorder(db: db, key: key, author: user ?? "bulletin-server", serverID: serverID)
            let publicationSeq = try recorder.record(issues: applier.touchedIssues, head: &head)
            return PushOutcome(results: results, headSeq: head, publicationSeq: publicationSeq)
        }
    }

    /// One page of log records with `since < seq <= bound` matching `filter`.
    ///
    /// Pass the head read when the pull started as `bound`, so that a pull ends even while others keep pushing.
    /// Pass the puller's client id as `editsFor` when its pull accepts text edits (capability `edits`).
    public func logPage(
        since: Int64, bound: Int64, limits: PageLimits, filter: PullFilter? = nil, editsFor puller: String? = nil
    ) async throws -> LogPage {
        let excluded = quarantine.seqs
        return try await writer.read { db in
            try LogPager.page(
                since: since, bound: bound, limits: limits, filter: filter, puller: puller, excluding: excluded, db)
        }
    }

    /// One page of a snapshot of the current state, starting at `position` (a new snapshot when `nil`).
    public func snapshotPage(
        from position: SnapshotPosition?, limits: PageLimits, filter: PullFilter? = nil
    ) async throws -> SnapshotPage {
        try await writer.read { db in
            let start = try position ?? .start(headSeq: ServerQueries.head(db))
            return try SnapshotPager.page(from: start, limits: limits, filter: filter, db)
        }
    }

    /// The materialised state of one entity, or `nil` when the server never saw it.
    public func entityState(_ kind: EntityKind, id: String) async throws -> StoredEntityState? {
        try await writer.read { db in
            guard let row = try StoredEntity.find(EntityKey(kind: kind, id: id), db) else {
                return nil
            }
            return StoredEntityState(state: try row.state(), issueID: row.issueID, lastSeq: row.lastSeq)
        }
    }

    /// Runs a read-only block on a database snapshot (for tests and diagnostics).
    func read<Value: Sendable>(_ block: @Sendable @escaping (Database) throws -> Value) async throws -> Value {
        try await writer.read(block)
    }

    /// Checkpoints of this store's log from a connection of their own (see ``WALCheckpoints``); run them while
    /// serving.
    func walCheckpoints() -> WALCheckpoints {
        WALCheckpoints(path: path, writer: writer)
    }

    /// Closes the database cleanly: the write-ahead log is folded into the database file first, so the file alone
    /// holds everything. Later calls fail.
    public func close() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        // Readers first: a pool closes its writer before its readers, and the last connection to close removes the
        // `-wal` and `-shm` files only if it may write, so closing a read-only one last left them behind.
        (writer as? DatabasePool)?.releaseMemory()
        try writer.close()
    }
}

/// The materialised state of one entity, as the server holds it.
public struct StoredEntityState: Sendable, Hashable {
    /// Fields, per-field versions and the deleted flag.
    public var state: EntityState
    /// The issue the entity belongs to.
    public var issueID: String
    /// The seq of the last change applied to it.
    public var lastSeq: Int64
}

/// Why the store could not be opened.
public enum ServerStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database has no `server_info` row although migrations ran.
    case missingServerInfo(path: String)
    /// A newer `bulletin-server` migrated the store; this one does not know its schema.
    case newerSchema(path: String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .missingServerInfo(let path):
            "\(path) has no server_info row; it is not a bulletin-server store or it is damaged"
        case .newerSchema(let path):
            "\(path) was migrated by a newer bulletin-server; run that version (or newer), or restore a backup "
                + "made by this one"
        }
    }
}
