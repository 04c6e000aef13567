import BulletinCore
import SyncProtocol

/// Everything the server's rules read from its store, as plain synchronous calls on one consistent view of it.
///
/// The merge rules, the access policy, publication signing and the pagers are written once over this protocol;
/// each backend (``SQLiteBackend``, ``PostgresBackend``) only answers these questions. Calls run on a thread of the
/// backend's own (GRDB's writer or reader queue, the PostgreSQL store's thread pool), never on Swift's cooperative
/// pool, so blocking here is allowed.
protocol StoreReader {
    /// The highest seq in the log, 0 when it is empty.
    func head() throws -> Int64
    /// The seq a change id was logged at, if it was.
    func seq(ofChange changeID: String) throws -> Int64?
    /// The materialised row of one entity, or `nil`.
    func entity(_ key: EntityKey) throws -> StoredEntity?
    /// The publication state of the issue `issueID` and whether it is deleted, or `nil` when there is no such issue.
    func issueStatus(_ issueID: String) throws -> IssueStatus?
    /// The logged change with id `changeID`, or `nil`.
    func loggedChange(_ changeID: String) throws -> LoggedChange?
    /// The seq and `sent_fields` JSON of the change `changeID` when `clientID` made it and it has sent fields.
    func authorsSentFields(changeID: String, clientID: String) throws -> (seq: Int64, sentFields: String)?
    /// Every log epoch, oldest first.
    func epochs() throws -> [LogEpoch]
    /// The latest publication of an issue, or `nil`.
    func publication(issueID: String) throws -> PublicationRow?
    /// The live (not deleted) entities of `kind` in the issue `issueID`.
    func liveEntities(issueID: String, kind: EntityKind) throws -> [StoredEntity]
    /// The logged record JSON at `seq`, or `nil`.
    func record(atSeq seq: Int64) throws -> String?
    /// The seq of the newest publication record, 0 when there is none.
    func publicationHead() throws -> Int64

    // MARK: Pages

    /// At most `limit` log rows with `since < seq <= bound` matching the filter and not `excluding`, in seq order.
    func logRows(
        since: Int64, bound: Int64, kinds: [String]?, issues: [String]?, excluding: [Int64], limit: Int
    ) throws -> [LogRow]
    /// The newest live issue strictly before `(date, id)` in `(sort_date, id)` order (the newest when `nil`).
    func nextIssue(before: (date: String, id: String)?, issues: [String]?) throws -> StoredEntity?
    /// At most `limit` live entities of `kind` in `issueID` with id greater than `afterID`, in id order.
    func children(issueID: String, kind: EntityKind, afterID: String, limit: Int) throws -> [StoredEntity]
    /// At most `limit` live entities of `kind` whose issue is missing or deleted, with id greater than `afterID`.
    func orphans(kind: EntityKind, afterID: String, issues: [String]?, limit: Int) throws -> [StoredEntity]
    /// At most `limit` live entities changed after `afterSeq`, in `last_seq` order.
    func changedEntities(afterSeq: Int64, kinds: [String]?, issues: [String]?, limit: Int) throws -> [StoredEntity]
    /// At most `limit` latest publications strictly before `(date, id)`, newest first, with their log records.
    func publicationRecords(before: (date: String, id: String)?, issues: [String]?, limit: Int) throws
        -> [(date: String, id: String, record: String)]

    // MARK: Accounts and operations

    /// Every account, oldest first.
    func accounts() throws -> [Account]
    /// The account named `name`, or `nil`.
    func account(named name: String) throws -> Account?
    /// Which of `names` are active (not revoked) accounts.
    func activeAccountNames(among names: Set<String>) throws -> Set<String>
    /// Each active field-office account with its last finished pull (its creation when it never pulled).
    func fieldOfficeSyncTimes() throws -> [(name: String, since: String)]
    /// How many conflicts are open.
    func openConflictCount() throws -> Int
    /// The database's size in bytes: SQLite's pages (the write-ahead log counted apart), PostgreSQL's
    /// `pg_database_size`.
    func databaseBytes() throws -> Int64
    /// Every entity row, deleted ones too, in (kind, id) order (tests and diagnostics).
    func allEntities() throws -> [StoredEntity]
}

/// A read-write transaction: what a push, an account change or a restore writes. Everything written commits
/// together or not at all; the backend commits after the transaction's block returns.
protocol StoreTransaction: StoreReader {
    /// Reads ahead, in a few queries, what applying `changes` looks up one change at a time: whether their change
    /// ids are logged, and their entities' rows. Only a cost saving; a backend may do nothing.
    func readAhead(for changes: [ChangeRecord]) throws
    /// Appends one log entry (its `seq` is the next after ``StoreReader/head()``).
    func append(_ entry: ChangeLogEntry) throws
    /// Inserts (`isNew`) or replaces the materialised row of an entity.
    func write(_ entity: StoredEntity, isNew: Bool) throws
    /// Inserts or replaces the latest publication of an issue.
    func save(_ publication: PublicationRow) throws
    /// Inserts a new account.
    func insert(_ account: Account) throws
    /// Marks an account revoked at `time`.
    func revoke(name: String, at time: String) throws
    /// Records that `name` finished a pull at `time`.
    func noteSynced(name: String, at time: String) throws
    /// Stores `epoch` as the log's current history, started at `time` (PROTOCOL.md section 12.5).
    func startEpoch(_ epoch: LogEpoch, at time: String) throws
}

/// One row of a log page: the full record and its compact forms.
struct LogRow: Sendable {
    /// The log position.
    var seq: Int64
    /// The full record JSON.
    var record: String
    /// The client that made the change.
    var clientID: String?
    /// The record with `paragraphs` as an edit against the previous value, when smaller.
    var editRecord: String?
    /// The record with `paragraphs` as an edit against what its author sent, when smaller.
    var authorRecord: String?
}

/// A store backend: opens consistent views on one thread of its own.
protocol StoreBackend: Sendable {
    /// Runs `body` on a consistent read-only view of the store.
    func read<Value: Sendable>(_ body: @escaping @Sendable (any StoreReader) throws -> Value) async throws -> Value
    /// Runs `body` in one read-write transaction and returns once it committed (durably).
    ///
    /// - Parameter appending: the transaction appends to the log. Such transactions are serialised among
    ///   themselves, across every process on the store, from before they read the head until they commit: the
    ///   seq is gap-free and commit order is seq order.
    func write<Value: Sendable>(
        appending: Bool, _ body: @escaping @Sendable (any StoreTransaction) throws -> Value
    ) async throws -> Value
    /// Schedules `body` in one read-write transaction, as ``write(appending:_:)`` runs it, and returns at once;
    /// `completion` gets the result once the transaction committed durably (or failed).
    ///
    /// Transactions scheduled here run in the order they were scheduled: a session hands the store its next
    /// `push` while the previous one is still being applied, and the author's order holds.
    func scheduleWrite<Value: Sendable>(
        appending: Bool, _ body: @escaping @Sendable (any StoreTransaction) throws -> Value,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void)
    /// Closes the store; later calls fail. Waits for the store's threads to stop (a one-off, at shutdown).
    func close() throws
}

extension StoreTransaction {
    func readAhead(for changes: [ChangeRecord]) throws {}
}
