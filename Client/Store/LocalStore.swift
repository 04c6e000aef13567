import BulletinCore
import Foundation
import GRDB

/// Hooks a store uses to tell the time and make ids; tests replace them to be deterministic.
public struct LocalStoreOptions: Sendable {
    /// The wall clock in milliseconds since the Unix epoch (feeds the hybrid logical clock).
    public var wallClock: @Sendable () -> Int64
    /// Makes a new lowercase UUID for entities and changes.
    public var makeID: @Sendable () -> String
    /// Whether an edit of article text is pushed as a text edit when that is smaller than the whole text.
    public var compactPushes: Bool
    /// Whether ``LocalStore/open(at:options:)`` opens a pool of connections so that reads run alongside a write
    /// (for long-running processes such as a sync engine); a one-shot command needs only one connection.
    public var concurrentReads: Bool

    /// Creates options.
    public init(
        wallClock: @escaping @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded()) },
        makeID: @escaping @Sendable () -> String = { TimeOrderedID.make() },
        compactPushes: Bool = true,
        concurrentReads: Bool = false
    ) {
        self.wallClock = wallClock
        self.makeID = makeID
        self.compactPushes = compactPushes
        self.concurrentReads = concurrentReads
    }
}

/// An editor's local store: one SQLite file (WAL) holding the entities, their per-field versions, the outbox of
/// change records waiting to be pushed, the change log, the sync cursor and the replica's identity.
///
/// Every user action runs in one transaction that updates the entity tables *and* appends its change records
/// to the outbox, so a failure or a crash never leaves one without the other.
public struct LocalStore: Sendable {
    /// The database connection(s).
    let writer: any DatabaseWriter
    /// Where the store lives (for messages).
    public let path: String
    /// Time and id hooks.
    let options: LocalStoreOptions
    /// Tells this process's watching syncs that a local change was committed.
    let commits = CommitSignal()

    /// The schema version sent in `hello`.
    public static var schemaVersion: Int { StoreSchema.version }

    init(writer: any DatabaseWriter, path: String, options: LocalStoreOptions) {
        self.writer = writer
        self.path = path
        self.options = options
    }

    /// Creates a new store file (and its directory) for `editor`.
    ///
    /// - Throws: ``StoreError/storeExists(path:)`` when the file already exists.
    public static func create(at path: String, editor: String, options: LocalStoreOptions = LocalStoreOptions())
        throws -> LocalStore
    {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.storeExists(path: path) }
        let editorName = editor.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !editorName.isEmpty else { throw StoreError.invalidArgument("the editor name cannot be empty") }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.invalidArgument("cannot create the directory \(directory): \(error.localizedDescription)")
        }
        let pool = try makePool(path: path)
        try StoreSchema.migrator.migrate(pool)
        try pool.write { db in
            try ReplicaRecord(clientID: options.makeID(), editor: editorName).insert(db)
        }
        return LocalStore(writer: pool, path: path, options: options)
    }

    /// Opens an existing store, bringing its schema up to date.
    ///
    /// - Throws: ``StoreError/missingStore(path:)`` when there is no file, ``StoreError/notAStore(path:)`` when
    ///   the file is not a bulletin store (it is then left untouched), ``StoreError/newerStore(path:)`` when a newer
    ///   `bulletin` migrated it.
    public static func open(at path: String, options: LocalStoreOptions = LocalStoreOptions()) throws -> LocalStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missingStore(path: path) }
        // Look before going further: a stranger's file must be left exactly as it is — not switched to WAL mode,
        // not given our tables. A plain connection changes nothing; our stores are in WAL mode since creation.
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
            guard try queue.read({ db in try db.tableExists(ReplicaRecord.databaseTableName) }) else {
                try queue.close()
                throw StoreError.notAStore(path: path)
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAStore(path: path)
        }
        let writer: any DatabaseWriter
        if options.concurrentReads {
            try queue.close()
            writer = try makePool(path: path)
        } else {
            writer = queue
        }
        let migrator = StoreSchema.migrator
        // A newer binary's migrations: its tables may hold what this one would misread or overwrite.
        if try writer.read(migrator.hasBeenSuperseded) {
            try writer.close()
            throw StoreError.newerStore(path: path)
        }
        if try !writer.read(migrator.hasCompletedMigrations) {
            try migrator.migrate(writer)
        }
        return LocalStore(writer: writer, path: path, options: options)
    }

    /// A store in memory, for tests.
    static func inMemory(editor: String = "Thanh Hồng", options: LocalStoreOptions = LocalStoreOptions()) throws
        -> LocalStore
    {
        let queue = try DatabaseQueue(configuration: configuration())
        try StoreSchema.migrator.migrate(queue)
        try queue.write { db in
            try ReplicaRecord(clientID: options.makeID(), editor: editor).insert(db)
        }
        return LocalStore(writer: queue, path: ":memory:", options: options)
    }

    /// A pool whose writer syncs every commit. `prepareDatabase` is not enough for a pool: it turns on WAL, and
    /// `synchronous = NORMAL` with it, on its writer after that has run.
    private static func makePool(path: String) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration())
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return pool
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        // Another process (a `bulletin sync --watch`, say) may hold the write lock for a moment.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Edits made offline exist nowhere else until synced: a commit must survive a power cut.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try SearchRanking.register(in: db)
            if !db.configuration.readonly {
                // A pulled page of ~2 MB of JSON dirties more pages than SQLite's default 2 MB cache holds, which
                // then spills them into the log mid-transaction and reads them back: 12 MB on the one writer
                // connection (readers keep the default, so memory stays bounded; BENCHMARKS.md, "Sync"). 16 MB
                // took the pull's peak past the 80 MiB budget ("Issue 14: memory", session 8) for no time measured.
                try db.execute(sql: "PRAGMA cache_size = -12000")
            }
        }
        return configuration
    }

    /// Reads the replica row.
    func replica(_ db: Database) throws -> ReplicaRecord {
        try ReplicaRecord.fetch(db, path: path)
    }
}
