import Foundation
import GRDB
import Testing

@testable import SyncClient

@Suite struct StoreLifecycleTests {
    @Test func createMakesAWALStoreWithNamedMigrationsAndAReplica() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("nested/dir/store.sqlite")
        let store = try LocalStore.create(at: path, editor: "  Thanh Hồng ", options: StoreFixtures.options())
        let info = try store.replicaInfo()
        #expect(info.editor == "Thanh Hồng")
        #expect(info.clientID == "0000aaaa-0000-4000-8000-000000000001")
        #expect(info.cursor == 0)
        #expect(info.serverAddress == nil)
        #expect(info.schemaVersion == 12)
        let (journal, migrations) = try store.writer.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            )
        }
        #expect(journal == "wal")
        #expect(
            migrations == [
                "v1-entities", "v1-sync", "v1-search", "v2-snapshot", "v3-access", "v4-conflicts",
                "v5-contentless-search",
                "v6-account",
                "v7-settings", "v8-log-epoch", "v9-outbox-sizes", "v10-row-versions",
            ])
        #expect(try store.account() == nil)
    }

    @Test func aStoreMadeBeforeTheAccountTableGainsItOnOpenAndKnowsNoAccountYet() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v5-contentless-search")
        try queue.write { db in
            try ReplicaRecord(clientID: "0000aaaa-0000-4000-8000-000000000009", editor: "Lan")
                .insert(db)
        }
        try queue.close()
        let store = try LocalStore.open(at: path)
        #expect(try store.account() == nil)
        #expect(try store.replicaInfo().editor == "Lan")
        let applied = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(Array(applied.dropFirst(5)) == Array(StoreSchema.migrationNames.dropFirst(5)))
        #expect(applied.contains("v6-account"))
    }

    @Test(arguments: [false, true])
    func reopeningKeepsTheIdentityDataAndWALMode(concurrentReads: Bool) throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        let created = try LocalStore.create(at: path, editor: "Minh Quân", options: StoreFixtures.options())
        let issue = try created.createIssue(date: "2024-09-06")
        let reopened = try LocalStore.open(at: path, options: LocalStoreOptions(concurrentReads: concurrentReads))
        #expect(try reopened.replicaInfo().editor == "Minh Quân")
        #expect(try reopened.issue(issue.id).date == "2024-09-06")
        try reopened.setState(issue: issue.id, to: .review)
        #expect(try reopened.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect((reopened.writer is DatabasePool) == concurrentReads)
        // Commits of local edits are synced to disk, on whichever kind of connection writes them.
        for store in [created, reopened] {
            #expect(
                try store.writer.writeWithoutTransaction { db in
                    try Int.fetchOne(db, sql: "PRAGMA synchronous")
                } == 2)
        }
    }

    @Test func creatingOverAnExistingFileFails() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        _ = try LocalStore.create(at: path, editor: "A", options: StoreFixtures.options())
        #expect(throws: StoreError.storeExists(path: path)) {
            try LocalStore.create(at: path, editor: "B")
        }
    }

    @Test func openingAMissingStoreFailsWithoutCreatingIt() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("absent.sqlite")
        #expect(throws: StoreError.missingStore(path: path)) {
            try LocalStore.open(at: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aStoreANewerBulletinMigratedIsRefusedAndLeftAsItIs() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("newer.sqlite")
        _ = try LocalStore.create(at: path, editor: "Lan")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        try queue.close()
        #expect(throws: StoreError.newerStore(path: path)) { try LocalStore.open(at: path) }
        #expect(throws: StoreError.newerStore(path: path)) {
            try LocalStore.open(at: path, options: LocalStoreOptions(concurrentReads: true))
        }
        let applied = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(applied.count == StoreSchema.migrationNames.count + 1)
    }

    @Test func aForeignFileIsNotAStoreAndIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        let text = directory.path("notes.txt")
        try Data("Bản tin Điểm báo\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.notAStore(path: text)) { try LocalStore.open(at: text) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == Data("Bản tin Điểm báo\n".utf8))

        let foreign = directory.path("other.sqlite")
        let queue = try DatabaseQueue(path: foreign)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes(body TEXT)") }
        try queue.close()
        #expect(throws: StoreError.notAStore(path: foreign)) { try LocalStore.open(at: foreign) }
        let (tables, journal) = try DatabaseQueue(path: foreign).read { db in
            (
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            )
        }
        #expect(tables == ["notes"])
        #expect(journal == "delete")
    }

    @Test func anEmptyEditorNameIsRefused() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: StoreError.invalidArgument("the editor name cannot be empty")) {
            try LocalStore.create(at: directory.path("s.sqlite"), editor: "  ")
        }
    }
}
