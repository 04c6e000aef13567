import Foundation
import GRDB

/// The server store's schema as named migrations. A shipped migration is never edited; changes are new migrations.
/// Each is self-contained: SQL and values only, never the app's record types (GRDB's migration guide);
/// `StoreFixtureTests` migrates a store made by an earlier release.
enum ServerSchema {
    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 change log, entity state, server info") { db in
            // `seq` is the rowid and is always assigned by the writer as max + 1 inside the push transaction;
            // no AUTOINCREMENT, rows are never deleted, so the log has no gaps.
            try db.execute(
                sql: """
                    CREATE TABLE change_log (
                        seq INTEGER PRIMARY KEY NOT NULL,
                        change_id TEXT NOT NULL UNIQUE,
                        entity TEXT NOT NULL,
                        entity_id TEXT NOT NULL,
                        issue_id TEXT NOT NULL,
                        op TEXT NOT NULL,
                        record TEXT NOT NULL,
                        received_at TEXT NOT NULL
                    );
                    CREATE INDEX change_log_by_issue ON change_log(issue_id, seq);
                    CREATE TABLE entity (
                        kind TEXT NOT NULL,
                        id TEXT NOT NULL,
                        issue_id TEXT NOT NULL,
                        sort_date TEXT NOT NULL,
                        fields TEXT NOT NULL,
                        versions TEXT NOT NULL,
                        deleted BOOLEAN NOT NULL,
                        last_seq INTEGER NOT NULL,
                        last_change_id TEXT NOT NULL,
                        last_hlc TEXT NOT NULL,
                        last_author TEXT NOT NULL,
                        last_client_id TEXT NOT NULL,
                        PRIMARY KEY (kind, id)
                    ) WITHOUT ROWID;
                    CREATE INDEX entity_by_issue ON entity(issue_id, kind, id);
                    CREATE INDEX entity_issues_by_date ON entity(kind, sort_date, id);
                    CREATE INDEX entity_by_last_seq ON entity(last_seq);
                    CREATE TABLE server_info (
                        id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                        server_id TEXT NOT NULL,
                        created_at TEXT NOT NULL
                    );
                    """)
            // Values only, never the app's record types (a later ServerInfo may have columns v1 lacks).
            try db.execute(
                sql: "INSERT INTO server_info (id, server_id, created_at) VALUES (1, ?, ?)",
                arguments: [UUID().uuidString.lowercased(), ServerClock.nowText()])
        }
        AccessSchema.register(in: &migrator)
        ConflictSchema.register(in: &migrator)
        EpochSchema.register(in: &migrator)
        AccountSyncSchema.register(in: &migrator)
        EntityIndexSchema.register(in: &migrator)
        CompactVersionsSchema.register(in: &migrator)
        return migrator
    }
}

/// The server's wall clock in the text form it stores.
enum ServerClock {
    /// Now, as ISO 8601 UTC with milliseconds, e.g. `2024-09-05T08:30:00.000Z`.
    static func nowText() -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date.now)
    }
}
