import BulletinCore
import Foundation
import GRDB
import TestSupport
import Testing

@testable import SyncClient

/// A store written by an earlier release (Tests/Fixtures/release-2026-12-06, made by that release's own `bulletin`
/// with `make-release-fixtures.sh`) opens with today's code: its schema is migrated and every row is intact.
@Suite struct StoreFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/release-2026-12-06").standardized

    @Test func aClientStoreOfTheLastReleaseMigratesWithEveryRowIntact() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("client.sqlite")
        try FileManager.default.copyItem(
            atPath: Self.fixtures.appendingPathComponent("client.sqlite").path,
            toPath: path)
        let before = try StoreRows(path: path)
        #expect((before.counts["article"] ?? 0) > 5)
        #expect((before.counts["annotation"] ?? 0) >= 1)
        #expect((before.counts["conflict"] ?? 0) >= 1)
        #expect((before.counts["outbox"] ?? 0) == 1)

        let store = try LocalStore.open(at: path)
        let after = try StoreRows(path: path)
        #expect(before.missing(from: after).isEmpty, "rows lost: \(before.missing(from: after))")
        let applied = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == StoreSchema.migrationNames)
        // And it works: the issue reads, search finds its words, the unpushed change waits to be pushed.
        let issue = try store.issue("2024-09-05")
        #expect(issue.articles.count == before.counts["article"])
        #expect(try !store.search("cải cách").isEmpty)
        #expect(try store.pendingCount() == 1)
        #expect(try store.account()?.role == .chief)
    }
}
