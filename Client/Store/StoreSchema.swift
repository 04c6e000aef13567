import BulletinCore
import Foundation
import GRDB

/// The local store's schema, as a sequence of named migrations. A migration that has shipped is never edited:
/// changes to the schema are new migrations appended here. Each is self-contained — table and column names and
/// SQL written out here, never the app's record types (which change with later versions), as GRDB's migration
/// guide asks; `StoreFixtureTests` opens a store made by an earlier release and checks every row survives.
enum StoreSchema {
    /// The schema version sent in `hello` (the number of migrations).
    static var version: Int { migrationNames.count }

    /// Names of the migrations, in order.
    static let migrationNames = [
        "v1-entities", "v1-sync", "v1-search", "v2-snapshot", "v3-access", "v4-conflicts",
        "v5-contentless-search", "v6-account", "v7-settings",
        "v8-log-epoch", "v9-outbox-sizes", "v10-row-versions",
    ]

    /// The migrator that brings any store up to date.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-entities", migrate: createEntityTables)
        migrator.registerMigration("v1-sync", migrate: createSyncTables)
        migrator.registerMigration("v1-search", migrate: createSearchIndex)
        migrator.registerMigration("v2-snapshot") { db in
            try db.execute(
                sql: """
                    CREATE TABLE "snapshot_progress" ("id" INTEGER PRIMARY KEY CHECK ("id" = 1), "resume" TEXT,
                        "head" INTEGER, "completed" BOOLEAN NOT NULL)
                    """)
        }
        migrator.registerMigration("v3-access") { db in
            try db.execute(
                sql: """
                    CREATE TABLE "access" ("id" INTEGER PRIMARY KEY CHECK ("id" = 1), "role" TEXT NOT NULL, "token" TEXT,
                        "server_key" TEXT, "tls" BOOLEAN NOT NULL, "tls_ca" TEXT);
                    CREATE TABLE "publication" ("issue_id" TEXT PRIMARY KEY NOT NULL, "version" INTEGER NOT NULL,
                        "state" TEXT NOT NULL, "content" TEXT NOT NULL, "signature" TEXT NOT NULL, "key_id" TEXT NOT NULL,
                        "seq" INTEGER NOT NULL)
                    """)
        }
        migrator.registerMigration("v4-conflicts", migrate: createConflictTables)
        migrator.registerMigration("v5-contentless-search", migrate: makeSearchIndexContentless)
        migrator.registerMigration("v6-account") { db in
            try db.execute(
                sql: """
                    CREATE TABLE "account" ("id" INTEGER PRIMARY KEY CHECK ("id" = 1), "name" TEXT NOT NULL,
                        "role" TEXT NOT NULL, "server_id" TEXT NOT NULL)
                    """)
        }
        migrator.registerMigration("v7-settings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE "setting" ("key" TEXT PRIMARY KEY NOT NULL, "value" TEXT NOT NULL)
                    """)
        }
        migrator.registerMigration("v8-log-epoch") { db in
            // The server log history this replica last synced in (PROTOCOL.md section 12.5).
            try db.execute(sql: "ALTER TABLE replica ADD COLUMN log_epoch TEXT")
        }
        migrator.registerMigration("v9-outbox-sizes") { db in
            // The push's batch cut (a running total of `bytes` in outbox order) read from this index alone: `bytes`
            // sits after the record in the table's rows, so reading it there walked every ~5 KB record's overflow
            // pages — thousands of rows per batch, most of them not sent in it.
            try db.execute(sql: "CREATE INDEX outbox_sizes ON outbox(position, bytes)")
        }
        migrator.registerMigration("v10-row-versions", migrate: moveFieldVersionsIntoRows)
        return migrator
    }

    /// Per-field versions move from the `field_version` table (~7 random-keyed rows per entity) into a JSON object
    /// column of the entity's own row (see ``FieldVersions``), which every change that writes a field rewrites
    /// anyway. Names are sorted as the column's writer sorts them (bytewise, SQLite's BINARY order).
    private static func moveFieldVersionsIntoRows(_ db: Database) throws {
        for table in ["issue", "section", "article", "annotation", "conflict"] {
            try db.execute(
                sql: """
                    ALTER TABLE "\(table)" ADD COLUMN "versions" TEXT NOT NULL DEFAULT '{}';
                    UPDATE "\(table)" SET "versions" = (
                        SELECT json_group_object("field", "change_id") FROM (
                            SELECT "field", "change_id" FROM "field_version"
                            WHERE "entity" = '\(table)' AND "entity_id" = "\(table)"."id" ORDER BY "field"))
                    WHERE "id" IN (SELECT "entity_id" FROM "field_version" WHERE "entity" = '\(table)')
                    """)
        }
        try db.execute(sql: "DROP TABLE field_version")
    }

    // Entity tables have no foreign keys on purpose: pulled changes may name a parent this replica has not seen
    // yet (e.g. during a snapshot), and deletions are tombstones, so rows never disappear under their children.
    private static func createEntityTables(_ db: Database) throws {
        try db.create(table: "issue") { table in
            table.primaryKey("id", .text)
            table.column("publication", .text).notNull()
            table.column("date", .text).notNull().indexed()
            table.column("weekday", .text).notNull()
            table.column("year_line", .text).notNull()
            table.column("release_line", .text).notNull()
            table.column("title_lines", .jsonText).notNull()
            table.column("subject", .text).notNull()
            table.column("cadence", .text).notNull()
            table.column("intro", .text).notNull()
            table.column("editor", .text).notNull()
            table.column("state", .text).notNull()
            table.column("deleted", .boolean).notNull()
            table.column("extra_fields", .jsonText)
        }
        try db.create(table: "section") { table in
            table.primaryKey("id", .text)
            table.column("issue_id", .text).notNull()
            table.column("title", .text).notNull()
            table.column("position", .double).notNull()
            table.column("contents_page", .integer)
            table.column("deleted", .boolean).notNull()
            table.column("extra_fields", .jsonText)
        }
        try db.create(index: "section_by_issue", on: "section", columns: ["issue_id", "deleted", "position"])
        // Small columns first: SQLite reads a row's columns in order, so lookups that need only these never touch
        // the (large) paragraphs or their overflow pages.
        try db.create(table: "article") { table in
            table.primaryKey("id", .text)
            table.column("search_id", .integer).notNull().unique()
            table.column("issue_id", .text).notNull()
            table.column("section_id", .text).notNull()
            table.column("position", .double).notNull()
            table.column("deleted", .boolean).notNull()
            table.column("contents_page", .integer)
            table.column("title", .text).notNull()
            table.column("source", .jsonText)
            table.column("paragraphs", .jsonText).notNull()
            table.column("extra_fields", .jsonText)
        }
        // Covers per-issue counts and numbering without touching the (large) article rows.
        try db.create(
            index: "article_by_issue", on: "article",
            columns: ["issue_id", "deleted", "section_id", "position", "id"])
        try db.create(table: "annotation") { table in
            table.primaryKey("id", .text)
            table.column("issue_id", .text).notNull()
            table.column("article_id", .text).notNull().indexed()
            table.column("paragraph", .integer)
            table.column("range", .jsonText)
            table.column("kind", .text).notNull()
            table.column("text", .text).notNull()
            table.column("author", .text).notNull()
            table.column("created_at", .text).notNull()
            table.column("resolved", .boolean).notNull()
            table.column("deleted", .boolean).notNull()
            table.column("extra_fields", .jsonText)
        }
        try db.create(table: "field_version", options: .withoutRowID) { table in
            table.column("entity", .text).notNull()
            table.column("entity_id", .text).notNull()
            table.column("field", .text).notNull()
            table.column("change_id", .text).notNull()
            table.primaryKey(["entity", "entity_id", "field"])
        }
    }

    private static func createSyncTables(_ db: Database) throws {
        try db.create(table: "replica") { table in
            table.primaryKey("id", .integer).check { $0 == 1 }
            table.column("client_id", .text).notNull()
            table.column("editor", .text).notNull()
            table.column("server_address", .text)
            table.column("cursor", .integer).notNull()
            table.column("hlc", .text).notNull()
        }
        try db.create(table: "outbox") { table in
            table.autoIncrementedPrimaryKey("position")
            table.column("change_id", .text).notNull().unique()
            table.column("issue_id", .text).indexed()
            table.column("record", .text).notNull()
            table.column("bytes", .integer).notNull()
        }
        try db.create(table: "change_log") { table in
            table.primaryKey("change_id", .text)
            table.column("entity", .text).notNull()
            table.column("entity_id", .text).notNull().indexed()
            table.column("issue_id", .text).indexed()
            table.column("article_id", .text).indexed()
            table.column("op", .text).notNull()
            table.column("fields", .jsonText).notNull()
            table.column("author", .text).notNull()
            table.column("client_id", .text).notNull()
            table.column("hlc", .text).notNull().indexed()
            table.column("seq", .integer)
        }
        try db.create(table: "rejected_change") { table in
            table.primaryKey("change_id", .text)
            table.column("record", .text).notNull()
            table.column("reason", .text)
            table.column("code", .text)
        }
    }

    /// Conflicts (made by the server, synced like any entity) and the compact form of outbox records.
    private static func createConflictTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE "conflict" ("id" TEXT PRIMARY KEY NOT NULL, "kind" TEXT NOT NULL, "entity" TEXT NOT NULL,
                    "entity_id" TEXT NOT NULL, "field" TEXT, "issue_id" TEXT NOT NULL, "base" TEXT NOT NULL,
                    "mine" TEXT NOT NULL, "theirs" TEXT NOT NULL, "mine_author" TEXT NOT NULL, "theirs_author" TEXT,
                    "mine_change" TEXT NOT NULL, "theirs_change" TEXT, "current" TEXT NOT NULL, "status" TEXT NOT NULL,
                    "resolution" TEXT, "resolved_by" TEXT, "deleted" BOOLEAN NOT NULL, "extra_fields" TEXT);
                CREATE INDEX "conflict_on_entity_id" ON "conflict"("entity_id");
                CREATE INDEX "conflict_on_issue_id" ON "conflict"("issue_id")
                """)
        try db.alter(table: "outbox") { table in
            // The record with `paragraphs` as a text edit, when that is smaller: what a push sends.
            table.add(column: "compact", .text)
        }
    }

    // The index holds folded text (see DiacriticFolding), so the tokenizer needs no diacritics handling of its own;
    // rowid = article.search_id.
    private static func createSearchIndex(_ db: Database) throws {
        try db.create(virtualTable: "article_search", using: FTS5()) { table in
            table.tokenizer = .unicode61(diacritics: .keep)
            table.column("title")
            table.column("body")
        }
    }

    /// The index keeps no copy of the folded text (it was as large as the articles themselves, and writing it was a
    /// third of an initial pull's disk traffic): search ranks in the index and reads the article rows, and
    /// ``SearchIndex`` removes an entry by re-folding the row it replaces.
    private static func makeSearchIndexContentless(_ db: Database) throws {
        try db.drop(table: "article_search")
        try db.create(virtualTable: "article_search", using: FTS5()) { table in
            table.tokenizer = .unicode61(diacritics: .keep)
            table.content = ""
            table.column("title")
            table.column("body")
        }
        // Rows read as SQL values: the article record type of a later version may have columns this store lacks.
        let articles = try Row.fetchCursor(
            db, sql: "SELECT search_id, title, paragraphs FROM article WHERE NOT deleted")
        let insert = try db.makeStatement(sql: "INSERT INTO article_search(rowid, title, body) VALUES (?, ?, ?)")
        while let row = try articles.next() {
            let paragraphs = try JSONDecoder().decode([String].self, from: Data((row["paragraphs"] as String).utf8))
            try insert.execute(arguments: [
                row["search_id"] as Int64, DiacriticFolding.fold(row["title"] as String),
                DiacriticFolding.fold(paragraphs.joined(separator: "\n")),
            ])
        }
    }
}
