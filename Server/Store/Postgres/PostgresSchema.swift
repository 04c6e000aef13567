import Foundation
import PostgresNIO
import SyncProtocol

/// The PostgreSQL store's schema as named, versioned migrations, recorded in `bulletin_migration` as they are
/// applied. A shipped migration is never edited; changes are new migrations appended to ``migrations``.
///
/// The tables mirror the SQLite schema (``ServerSchema``) column for column, so the shared rules read the same
/// data. Text keys use the "C" collation: byte order, as in SQLite, so snapshots walk in the same order on both
/// backends whatever the database's locale.
enum PostgresSchema {
    /// One migration: its name and its statements, run in one transaction.
    struct Migration: Sendable {
        /// The stable name recorded in `bulletin_migration`.
        var name: String
        /// The statements, in order.
        var statements: [String]
    }

    /// Every migration, in order.
    static let migrations: [Migration] = [
        Migration(
            name: "pg1 change log, entities, accounts, publications, epochs",
            statements: [
                """
                CREATE TABLE change_log (
                    seq BIGINT PRIMARY KEY,
                    change_id TEXT COLLATE "C" NOT NULL UNIQUE,
                    entity TEXT COLLATE "C" NOT NULL,
                    entity_id TEXT COLLATE "C" NOT NULL,
                    issue_id TEXT COLLATE "C" NOT NULL,
                    op TEXT NOT NULL,
                    record TEXT NOT NULL,
                    received_at TEXT NOT NULL,
                    client_id TEXT COLLATE "C",
                    sent_fields TEXT,
                    edit_record TEXT,
                    author_record TEXT,
                    prior_seq BIGINT
                )
                """,
                "CREATE INDEX change_log_by_issue ON change_log (issue_id, seq)",
                "CREATE INDEX change_log_by_entity ON change_log (entity, seq)",
                """
                CREATE TABLE entity (
                    kind TEXT COLLATE "C" NOT NULL,
                    id TEXT COLLATE "C" NOT NULL,
                    issue_id TEXT COLLATE "C" NOT NULL,
                    sort_date TEXT COLLATE "C" NOT NULL,
                    fields TEXT NOT NULL,
                    versions TEXT NOT NULL,
                    deleted BOOLEAN NOT NULL,
                    last_seq BIGINT NOT NULL,
                    last_change_id TEXT NOT NULL,
                    last_hlc TEXT NOT NULL,
                    last_author TEXT NOT NULL,
                    last_client_id TEXT NOT NULL,
                    PRIMARY KEY (kind, id)
                )
                """,
                "CREATE INDEX entity_by_issue ON entity (issue_id, kind, id)",
                "CREATE INDEX entity_issues_by_date ON entity (kind, sort_date, id)",
                "CREATE INDEX entity_by_last_seq ON entity (last_seq)",
                """
                CREATE TABLE server_info (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    server_id TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    signing_key TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE account (
                    name TEXT COLLATE "C" PRIMARY KEY,
                    role TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    revoked_at TEXT,
                    last_synced_at TEXT
                )
                """,
                """
                CREATE TABLE publication (
                    issue_id TEXT COLLATE "C" PRIMARY KEY,
                    sort_date TEXT COLLATE "C" NOT NULL,
                    version BIGINT NOT NULL,
                    state TEXT NOT NULL,
                    seq BIGINT NOT NULL,
                    content TEXT NOT NULL
                )
                """,
                "CREATE INDEX publication_by_date ON publication (sort_date, issue_id)",
                """
                CREATE TABLE log_epoch (
                    position INTEGER PRIMARY KEY,
                    epoch TEXT NOT NULL UNIQUE,
                    from_seq BIGINT NOT NULL,
                    started_at TEXT NOT NULL
                )
                """,
            ]),
        // Nothing to change: recorded so that an older node refuses a database whose entity rows may store no
        // versions (see ``CompactVersionsSchema``).
        Migration(name: "pg2 an entity row may store no versions: every field at its last change", statements: []),
    ]

    /// The advisory-lock key that keeps two nodes starting at once from migrating together ("bulletim").
    static let migrationLock: Int64 = 0x6275_6C6C_6574_696D

    /// Applies the migrations `reader`'s database lacks, inside the caller's transaction, and makes the first
    /// rows (server id, signing key, first epoch) of a new database.
    ///
    /// - Throws: ``PostgresStoreError/newerSchema(location:unknown:)`` when the database holds migrations this
    ///   binary does not know: a newer node migrated it, and this one refuses rather than write an unknown schema.
    static func migrate(_ reader: PostgresReader, location: String) throws {
        try reader.execute("SELECT pg_advisory_xact_lock(\(migrationLock))")
        try reader.execute(
            """
            CREATE TABLE IF NOT EXISTS bulletin_migration (
                name TEXT PRIMARY KEY, position INTEGER NOT NULL UNIQUE, applied_at TEXT NOT NULL)
            """)
        let applied = Set(try reader.rows("SELECT name FROM bulletin_migration").map { try $0.decode(String.self) })
        let known = migrations.map(\.name)
        let unknown = applied.subtracting(known).sorted()
        guard unknown.isEmpty else { throw PostgresStoreError.newerSchema(location: location, unknown: unknown) }
        for (position, migration) in migrations.enumerated() where !applied.contains(migration.name) {
            for statement in migration.statements {
                try reader.execute(PostgresQuery(unsafeSQL: statement))
            }
            try reader.execute(
                """
                INSERT INTO bulletin_migration (name, position, applied_at)
                VALUES (\(migration.name), \(position + 1), \(ServerClock.nowText()))
                """)
        }
        if try reader.rows("SELECT 1 FROM server_info").isEmpty {
            // The key every node signs with: made once, by whichever node starts first, in the same transaction
            // as the schema. It is as protected as the database (roles, TLS, backups): see README.
            let key = Data(PublicationSigningKey.generate().rawRepresentation).base64EncodedString()
            try reader.execute(
                """
                INSERT INTO server_info (id, server_id, created_at, signing_key)
                VALUES (1, \(UUID().uuidString.lowercased()), \(ServerClock.nowText()), \(key))
                """)
            try reader.execute(
                """
                INSERT INTO log_epoch (position, epoch, from_seq, started_at)
                VALUES (1, \(UUID().uuidString.lowercased()), 0, \(ServerClock.nowText()))
                """)
        }
    }
}
