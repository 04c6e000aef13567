import Foundation
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// A server data directory written by an earlier release (Tests/Fixtures/release-2026-12-06, made by that release's
/// own `bulletin-server` with `make-release-fixtures.sh`) opens with today's code: migrated, every row intact.
@Suite struct ServerStoreFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fixtures/release-2026-12-06").standardized

    @Test func aServerStoreOfTheLastReleaseMigratesWithEveryRowIntact() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path, withIntermediateDirectories: true)
        let path = directory.file(ServerStore.fileName)
        try FileManager.default.copyItem(
            atPath: Self.fixtures.appendingPathComponent("server/bulletin-server.sqlite").path, toPath: path)
        let before = try StoreRows(path: path)
        let logged = try #require(before.counts["change_log"])
        #expect(logged > 10)
        #expect(before.counts["publication"] == 1)
        #expect(before.counts["account"] == 3)

        let store = try ServerStore(directory: directory.path)
        defer { try? store.close() }
        let after = try StoreRows(path: path)
        #expect(before.missing(from: after).isEmpty, "rows lost: \(before.missing(from: after))")
        #expect(store.logEpochs.map(\.fromSeq) == [0], "an upgraded store starts its one history at the empty log")
        #expect(
            store.quarantine.entries.isEmpty && store.quarantine.entities.isEmpty,
            "the release logged nothing the contract refuses")
        let head = try await store.headSeq()
        let page = try await store.logPage(
            since: 0, bound: head,
            limits: PageLimits(
                maxChanges: 10_000,
                maxBytes: 64 << 20))
        #expect(page.records.count == logged)
        #expect(try await store.accounts().map(\.name).sorted() == ["chief", "hong", "hue"])
    }
}
