import BulletinCore
import Foundation
import GRDB
import TestSupport
import Testing

@testable import SyncClient

/// ``WALCheckpoints`` (BulletinCore) on an editor's store, as `bulletin sync` runs them.
@Suite struct WALCheckpointsTests {
    private func autocheckpoint(_ store: LocalStore) throws -> Int? {
        try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") }
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// Waits (with a time limit, yielding) until `condition` holds: the loop under test runs on its own schedule.
    private func eventually(_ condition: @escaping @Sendable () throws -> Bool) async throws {
        try await withTimeout(seconds: 10) {
            // Checked for cancellation: the time limit ends this loop by cancelling it.
            while try !condition() {
                try Task.checkCancellation()
                await Task.yield()
            }
        }
    }

    @Test func theLogIsCopiedBackBesideTheWriterAndAutomaticCheckpointsComeBackAfterwards() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        let store = try LocalStore.create(at: path, editor: "Thanh Hồng", options: StoreFixtures.options())
        try await store.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        #expect(try autocheckpoint(store) == 1_000)
        let initialSize = fileSize(path)

        let checkpoints = WALCheckpoints(path: path, writer: store.writer, thresholdPages: 1)
        let loop = Task { try await checkpoints.run() }
        try await eventually { try autocheckpoint(store) == 0 }
        // Far below the automatic threshold: only the checkpoint this commit asks for copies these pages into the file.
        try store.importIssue(StoreFixtures.sampleIssue())
        #expect(fileSize(path + "-wal") > 0)
        try await eventually { fileSize(path) > initialSize }

        loop.cancel()
        try await loop.value
        #expect(try autocheckpoint(store) == 1_000)
        #expect(try store.issue("2024-09-05").articles.count == 3)
    }
}
