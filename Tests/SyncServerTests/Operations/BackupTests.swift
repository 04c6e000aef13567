import Foundation
import NIOConcurrencyHelpers
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// `bulletin-server backup` and `restore`: a consistent copy taken while the server serves pushes, and a restore
/// that keeps every change acknowledged before the backup began.
@Suite(.timeLimit(.minutes(2)))
struct BackupTests {
    @Test func aBackupTakenDuringPushesRestoresEveryChangeAcknowledgedBeforeItBegan() async throws {
        let backupDirectory = try TemporaryDirectory()
        defer { backupDirectory.remove() }
        let backupFile = backupDirectory.file("bulletin.backup")
        let acknowledged = NIOLockedValueBox<[String]>([])
        let (batches, batchDone) = AsyncStream.makeStream(of: Int.self)
        let (live, original) = try await withTestServer { server in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await TestClient.with(port: server.port) { client in
                        _ = try await client.handshake()
                        var factory = ChangeFactory()
                        for batch in 0..<30 {
                            let changes = (0..<20).map { index in
                                factory.issue(ChangeFactory.newID(), date: Self.date(batch * 20 + index))
                            }
                            let ack = try await client.push(changes, batchID: ChangeFactory.newID())
                            #expect(ack.results.allSatisfy { $0.status == .applied })
                            acknowledged.withLockedValue { $0 += changes.map(\.changeID) }
                            batchDone.yield(batch)
                        }
                        batchDone.finish()
                    }
                }
                // The backup starts once some batches are in, while the others are still being pushed.
                for await batch in batches where batch == 4 { break }
                let before = acknowledged.withLockedValue { $0 }
                let report = try await ServerBackup.backup(server.store, to: backupFile, includeKey: true)
                #expect(report.headSeq >= Int64(before.count))
                #expect(report.includesSigningKey)
                try await group.waitForAll()
                return (before, server.store.publicationKey)
            }
        }
        #expect(live.count >= 100)

        let restoredDirectory = try TemporaryDirectory()
        defer { restoredDirectory.remove() }
        let report = try ServerBackup.restore(from: backupFile, into: restoredDirectory.path)
        #expect(report.includesSigningKey)
        #expect(report.entities["issue"] == Int(report.headSeq))
        try await withTestServer(directory: restoredDirectory) { server in
            let missing = try await server.store.writer.read { db in
                try live.filter { try ServerQueries.seq(ofChange: $0, db) == nil }
            }
            #expect(missing.isEmpty, "\(missing.count) acknowledged changes are missing from the restored log")
            #expect(server.store.publicationKey == original)
            #expect(try await server.store.headSeq() == report.headSeq)
        }
    }

    @Test func restoreRefusesANonEmptyDirectoryAndBackupRefusesAnExistingFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try ServerStore(directory: directory.file("data"))
        defer { try? store.close() }
        let file = directory.file("copy.backup")
        let report = try await ServerBackup.backup(store, to: file, includeKey: false)
        #expect(report.headSeq == 0 && !report.includesSigningKey)
        await #expect(throws: BackupError.destinationExists(path: file)) {
            try await ServerBackup.backup(store, to: file, includeKey: false)
        }
        #expect(throws: BackupError.targetNotEmpty(path: directory.file("data"))) {
            try ServerBackup.restore(from: file, into: directory.file("data"))
        }
        try Data("not a database, just text".utf8).write(to: URL(fileURLWithPath: directory.file("junk")))
        #expect(throws: (any Error).self) {
            try ServerBackup.restore(
                from: directory.file("junk"),
                into: directory.file("fresh"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("fresh/bulletin-server.sqlite")))
    }

    /// A distinct valid date for each number.
    static func date(_ day: Int) -> String {
        String(format: "%04d-%02d-%02d", 2001 + day / 336, day / 28 % 12 + 1, day % 28 + 1)
    }
}
