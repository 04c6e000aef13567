import GRDB

/// The migration that makes a pushed change write fewer pages (issue 14): each commit writes every page it changed
/// to the write-ahead log, which the checkpoints then copy back, so a row or an index entry put at a random place
/// costs a whole page.
///
/// - The entity table becomes an ordinary (rowid) table keyed by a unique `(kind, id)` index: its rows (a ~5 KB
///   article's fields among them) are appended in the order they are made instead of being kept inside the key's
///   B-tree at the random places their UUIDs fall.
/// - `entity_by_last_seq` goes: the entities changed after a seq are found through the change log (see
///   ``SQLiteReader/changedEntities(afterSeq:kinds:issues:limit:)``).
/// - The issues' date order indexes issues only: every other row carried an empty `sort_date` and was indexed at a
///   random place by its id.
///
/// Registered after the account sync times; never edited once shipped.
enum EntityIndexSchema {
    /// Registers the migration.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5 entity rows in creation order, fewer entity indexes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE entity_v5 (
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
                    );
                    INSERT INTO entity_v5 (kind, id, issue_id, sort_date, fields, versions, deleted, last_seq,
                        last_change_id, last_hlc, last_author, last_client_id)
                    SELECT kind, id, issue_id, sort_date, fields, versions, deleted, last_seq, last_change_id,
                        last_hlc, last_author, last_client_id
                    FROM entity ORDER BY last_seq;
                    DROP TABLE entity;
                    ALTER TABLE entity_v5 RENAME TO entity;
                    CREATE INDEX entity_by_issue ON entity(issue_id, kind, id);
                    CREATE INDEX entity_issue_dates ON entity(sort_date, id) WHERE kind = 'issue';
                    """)
        }
    }
}
