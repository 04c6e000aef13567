import GRDB

/// The migration that keeps when each account last finished a pull, for the field-office staleness gauge
/// (`bulletin_field_office_sync_age_seconds`). Registered after the log epochs; never edited once shipped.
enum AccountSyncSchema {
    /// Registers the migration.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4 account sync times") { db in
            try db.execute(sql: "ALTER TABLE account ADD COLUMN last_synced_at TEXT")
        }
    }
}
