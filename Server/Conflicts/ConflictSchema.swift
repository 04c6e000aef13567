import GRDB

/// The schema pieces concurrent edits need, as a named migration appended to the server's migrator.
enum ConflictSchema {
    /// Registers the migration. Shipped migrations are never edited; later changes are new migrations.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2 conflicts and compact edits") { db in
            // client_id: who made a logged change (the author of a record is told its own edits apart).
            // sent_fields: the values the author sent for the fields whose stored value differs (a merge, a late
            //   edit): an author's later change based on that version was made against what it sent.
            // edit_record / author_record: the record with `paragraphs` as a text edit against the value other
            //   replicas / the author hold, when that is smaller than the full record (pulls with `edits`).
            try db.execute(
                sql: """
                    ALTER TABLE change_log ADD COLUMN client_id TEXT;
                    ALTER TABLE change_log ADD COLUMN sent_fields TEXT;
                    ALTER TABLE change_log ADD COLUMN edit_record TEXT;
                    ALTER TABLE change_log ADD COLUMN author_record TEXT;
                    """)
        }
    }
}
