import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// The server's durable state: the append-only change log and the materialised state of every entity.
///
/// A value type around a ``StoreBackend``: one SQLite file (the default, ``SQLiteBackend``) or a PostgreSQL database
/// shared by several nodes (``PostgresBackend``). The push rules, the access policy, publication signing and the
/// pagers are written once here and in the types they call, over ``StoreReader``/``StoreTransaction``; only the
/// backend differs. Copies share the same database. Every method is safe to call from any task.
public struct ServerStore: Sendable {
    /// The file name of the store inside the data directory.
    public static let fileName = "bulletin-server.sqlite"

    /// Where the data lives and how it is read and written.
    let backend: any StoreBackend
    /// The key that signs publications (a file beside an SQLite store; a row of a PostgreSQL store).
    let signingKey: PublicationSigningKey
    /// The server's stable id, made when the store was created.
    public let serverID: String
    /// The database file's path, or the PostgreSQL URL without its password.
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

    /// Opens (creating if needed) the SQLite store at the file `path` and migrates it. The publication signing key
    /// is read from (or made in) the same directory; see ``PublicationKeyFile``.
    public init(path: String) throws {
        let key = try PublicationKeyFile.loadOrCreate(
            directory: (path as NSString).deletingLastPathComponent)
        let backend = try SQLiteBackend(path: path)
        self.serverID = try backend.serverID()
        self.logEpochs = try backend.writer.read { try LogEpochs.all($0) }
        self.quarantine = try backend.writer.read(LogQuarantine.scan)
        self.backend = backend
        self.signingKey = key
        self.path = path
    }

    /// A store over an opened backend. A PostgreSQL store has no quarantine: only servers that enforce the data
    /// contract at the door ever wrote to one (the quarantine is for SQLite stores older than the contract).
    init(
        backend: any StoreBackend, signingKey: PublicationSigningKey, serverID: String, path: String,
        logEpochs: [LogEpoch]
    ) {
        self.backend = backend
        self.signingKey = signingKey
        self.serverID = serverID
        self.path = path
        self.logEpochs = logEpochs
        self.quarantine = LogQuarantine()
    }

    /// The SQLite database, for what only an SQLite store has (backups, WAL checkpoints, tests' own queries), or
    /// `nil` on PostgreSQL.
    var sqlite: SQLiteBackend? { backend as? SQLiteBackend }

    /// The SQLite database of an SQLite store (tests and diagnostics; a PostgreSQL store has none).
    var writer: any DatabaseWriter {
        guard let sqlite else { preconditionFailure("\(path) is not an SQLite store") }
        return sqlite.writer
    }

    /// The highest seq in the log (0 for an empty log).
    public func headSeq() async throws -> Int64 {
        try await backend.read { try $0.head() }
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
        try await withCheckedThrowingContinuation { continuation in
            schedulePush(changes, role: role, user: user, reoffer: reoffer) { continuation.resume(with: $0) }
        }
    }

    /// ``push(_:role:user:reoffer:)`` that returns at once: `completion` gets the outcome once the batch is durable.
    ///
    /// Batches scheduled here are applied in the order they were scheduled, each in a transaction of its own, so a
    /// session can hand over a connection's next batch while the one before it is still being applied — the writer
    /// starts on it the moment the previous one committed.
    func schedulePush(
        _ changes: [ChangeRecord], role: Role = .chief, user: String? = nil, reoffer: Bool = false,
        completion: @escaping @Sendable (Result<PushOutcome, any Error>) -> Void
    ) {
        let key = signingKey
        let serverID = serverID
        // Judged beside the writer while it applies the batch (a re-offer is judged as logged records, on it).
        let preflight = reoffer ? nil : PushPreflight.start(changes)
        backend.scheduleWrite(
            appending: true,
            { store in
                try store.readAhead(for: changes)
                var applier = try PushApplier(store: store, role: role, serverID: serverID, reoffer: reoffer)
                var results: [ChangeResult] = []
                results.reserveCapacity(changes.count)
                for (index, change) in changes.enumerated() {
                    results.append(try applier.apply(change, judgedAhead: preflight?.verdict(at: index)))
                }
                var head = applier.head
                let recorder = PublicationRecorder(
                    store: store, key: key, author: user ?? "bulletin-server", serverID: serverID)
                let publicationSeq = try recorder.record(issues: applier.touchedIssues, head: &head)
                return PushOutcome(results: results, headSeq: head, publicationSeq: publicationSeq)
            }, completion: completion)
    }

    /// One page of log records with `since < seq <= bound` matching `filter`.
    ///
    /// Pass the head read when the pull started as `bound`, so that a pull ends even while others keep pushing.
    /// Pass the puller's client id as `editsFor` when its pull accepts text edits (capability `edits`).
    public func logPage(
        since: Int64, bound: Int64, limits: PageLimits, filter: PullFilter? = nil, editsFor puller: String? = nil
    ) async throws -> LogPage {
        let excluded = quarantine.seqs
        return try await backend.read { store in
            try LogPager.page(
                since: since, bound: bound, limits: limits, filter: filter, puller: puller, excluding: excluded, store)
        }
    }

    /// One page of a snapshot of the current state, starting at `position` (a new snapshot when `nil`).
    public func snapshotPage(
        from position: SnapshotPosition?, limits: PageLimits, filter: PullFilter? = nil
    ) async throws -> SnapshotPage {
        try await snapshotPageAndHead(from: position, limits: limits, filter: filter).page
    }

    /// ``snapshotPage(from:limits:filter:)`` and the log head in the same read: the page is what anyone would read
    /// while the head stays there (see ``SnapshotFrames``).
    func snapshotPageAndHead(
        from position: SnapshotPosition?, limits: PageLimits, filter: PullFilter?
    ) async throws -> (page: SnapshotPage, head: Int64) {
        try await backend.read { store in
            let head = try store.head()
            let start = position ?? .start(headSeq: head)
            return (try SnapshotPager.page(from: start, limits: limits, filter: filter, store), head)
        }
    }

    /// The materialised state of one entity, or `nil` when the server never saw it.
    public func entityState(_ kind: EntityKind, id: String) async throws -> StoredEntityState? {
        try await backend.read { store in
            guard let row = try store.entity(EntityKey(kind: kind, id: id)) else {
                return nil
            }
            return StoredEntityState(state: try row.state(), issueID: row.issueID, lastSeq: row.lastSeq)
        }
    }

    /// Every seq in the log, in order (for tests and diagnostics: the log must have no gaps).
    func logSeqs() async throws -> [Int64] {
        try await backend.read { store in
            try store.logRows(since: 0, bound: .max, kinds: nil, issues: nil, excluding: [], limit: .max).map(\.seq)
        }
    }

    /// Every entity row the store holds, deleted ones too (for tests and diagnostics).
    func allEntities() async throws -> [StoredEntity] {
        try await backend.read { try $0.allEntities() }
    }

    /// Runs a read-only block on a database snapshot of an SQLite store (for tests and diagnostics).
    func read<Value: Sendable>(_ block: @Sendable @escaping (Database) throws -> Value) async throws -> Value {
        try await writer.read(block)
    }

    /// Checkpoints of an SQLite store's log from a connection of their own (see ``WALCheckpoints``), to run while
    /// serving; `nil` for PostgreSQL, which checkpoints by itself.
    func walCheckpoints() -> WALCheckpoints? {
        sqlite.map { WALCheckpoints(path: path, writer: $0.writer) }
    }

    /// Closes the database cleanly (an SQLite store folds its write-ahead log into the database file first, so the
    /// file alone holds everything). Later calls fail.
    public func close() throws {
        try backend.close()
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
