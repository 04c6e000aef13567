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

        // `field_version` rows move into their entity rows' `versions` (v10-row-versions): checked one by one below.
        var kept = before
        let versionRows = kept.tables.removeValue(forKey: "field_version") ?? []
        #expect(versionRows.count > 20)

        let store = try LocalStore.open(at: path)
        let after = try StoreRows(path: path)
        #expect(kept.missing(from: after).isEmpty, "rows lost: \(kept.missing(from: after))")
        #expect(after.tables["field_version"] == nil)
        var versionsByEntity: [String: [String: String]] = [:]
        for table in ["issue", "section", "article", "annotation", "conflict"] {
            for row in after.tables[table] ?? [] {
                let id = row["id"].flatMap(String.fromDatabaseValue) ?? ""
                let versions = try #require(row["versions"].flatMap(FieldVersions.fromDatabaseValue))
                versionsByEntity[table + "/" + id] = versions.byField
            }
        }
        let moved = versionRows.filter { row in
            let key =
                (row["entity"].flatMap(String.fromDatabaseValue) ?? "") + "/"
                + (row["entity_id"].flatMap(String.fromDatabaseValue) ?? "")
            let field = row["field"].flatMap(String.fromDatabaseValue) ?? ""
            return versionsByEntity[key]?[field] == row["change_id"].flatMap(String.fromDatabaseValue)
        }
        #expect(moved.count == versionRows.count, "every field version is in its entity's row")
        #expect(versionsByEntity.values.reduce(0) { $0 + $1.count } == versionRows.count, "and nothing else is")
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
