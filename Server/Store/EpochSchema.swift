import Foundation
import GRDB

/// The migration that adds log epochs (PROTOCOL.md section 12.5): the histories of the log, and each re-offered
/// record's seq in the history it comes from. Registered after the conflict migration; never edited once shipped.
enum EpochSchema {
    /// Registers the migration.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3 log epochs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE log_epoch (
                        position INTEGER PRIMARY KEY NOT NULL,
                        epoch TEXT NOT NULL UNIQUE,
                        from_seq INTEGER NOT NULL,
                        started_at TEXT NOT NULL
                    );
                    ALTER TABLE change_log ADD COLUMN prior_seq INTEGER;
                    """)
            // A store's first history starts at the empty log, whenever the store was made.
            try db.execute(
                sql: "INSERT INTO log_epoch (position, epoch, from_seq, started_at) VALUES (1, ?, 0, ?)",
                arguments: [UUID().uuidString.lowercased(), ServerClock.nowText()])
        }
    }
}
