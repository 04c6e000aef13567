import Foundation
import GRDB

/// The embedded store: one SQLite file (WAL, `synchronous = FULL`) through a GRDB `DatabasePool`. Writes are
/// serialised by SQLite's single writer, reads run concurrently on snapshots, both on GRDB's own queues.
struct SQLiteBackend: StoreBackend {
    /// The database.
    let writer: any DatabaseWriter
    /// The database file's path.
    let path: String

    /// Opens (creating if needed) the store at the file `path` and migrates it.
    ///
    /// - Throws: ``ServerStoreError/newerSchema(path:)`` when a newer server migrated it, or a GRDB
    ///   `DatabaseError` when the file is not a usable SQLite database.
    init(path: String) throws {
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
        self.writer = pool
        self.path = path
    }

    /// The server's id, from `server_info`.
    func serverID() throws -> String {
        guard let info = try writer.read({ try ServerInfo.fetchOne($0) }) else {
            throw ServerStoreError.missingServerInfo(path: path)
        }
        return info.serverID
    }

    func read<Value: Sendable>(_ body: @escaping @Sendable (any StoreReader) throws -> Value) async throws -> Value {
        try await writer.read { db in try body(SQLiteReader(db: db)) }
    }

    func write<Value: Sendable>(
        appending: Bool, _ body: @escaping @Sendable (any StoreTransaction) throws -> Value
    ) async throws -> Value {
        // SQLite has one writer: every write transaction is already serialised, appending or not.
        try await writer.write { db in try body(SQLiteReader(db: db)) }
    }

    func scheduleWrite<Value: Sendable>(
        appending: Bool, _ body: @escaping @Sendable (any StoreTransaction) throws -> Value,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void
    ) {
        // The writer's serial queue keeps the order; the next transaction starts the moment this one committed.
        writer.asyncWrite { db in
            try body(SQLiteReader(db: db))
        } completion: { _, result in
            completion(result)
        }
    }

    func close() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        // Readers first: a pool closes its writer before its readers, and the last connection to close removes the
        // `-wal` and `-shm` files only if it may write, so closing a read-only one last left them behind.
        (writer as? DatabasePool)?.releaseMemory()
        try writer.close()
    }
}
