import GRDB

/// The migration that adds accounts and publications (issue 6). Registered after the v1 migration; never edited once
/// shipped.
enum AccessSchema {
    /// Registers the migration.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2 accounts, publications") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        name TEXT PRIMARY KEY NOT NULL,
                        role TEXT NOT NULL,
                        token_hash TEXT NOT NULL UNIQUE,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    CREATE TABLE publication (
                        issue_id TEXT PRIMARY KEY NOT NULL,
                        sort_date TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        state TEXT NOT NULL,
                        seq INTEGER NOT NULL,
                        content TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX publication_by_date ON publication(sort_date, issue_id);
                    CREATE INDEX change_log_by_entity ON change_log(entity, seq);
                    """)
        }
    }
}
