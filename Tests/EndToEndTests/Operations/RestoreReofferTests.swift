import BulletinCore
import Foundation
import GRDB
import SyncProtocol
import TestSupport
import Testing

@testable import SyncClient
@testable import SyncServer

/// A server restored from a backup loses what was acknowledged after the backup began; the editors' replicas still
/// hold it and offer it again (PROTOCOL.md section 12.5), so nothing is lost.
@Suite(.timeLimit(.minutes(2)))
struct RestoreReofferTests {
    @Test func threeEditorsGetBackEverythingTheRestoredLogLacked() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        let lan = try Editor("Nguyễn Thị Lan", in: directory)
        let backupFile = directory.file("bulletin.backup")

        let backedUp = try await withServer(in: directory.file("server")) { server in
            try await withTimeout {
                // Before the backup: an issue with a section and an article from Hồng, pulled by the others.
                try hong.draftSampleIssue()
                try await hong.sync(port: server.port)
                try await khang.sync(port: server.port)
                try await lan.sync(port: server.port)
                let report = try await ServerBackup.backup(server.store, to: backupFile, includeKey: true)

                // After the backup, all acknowledged: Khang adds an article, Lan pulls it and annotates it, Hồng
                // retitles hers and adds a section; Khang edits his article again on top of Lan's note; Hồng
                // removes nothing but never pulls Khang's second edit.
                try khang.addIHanoiArticle()
                try await khang.sync(port: server.port)
                try await lan.sync(port: server.port)
                try lan.store.annotate("2024-09-05/2", text: "Kiểm tra lại con số 5.700", paragraph: 0)
                try await lan.sync(port: server.port)
                try hong.store.editArticle("2024-09-05/1", title: "Tăng cường cải cách hành chính năm 2024")
                try hong.store.addSection(issue: "2024-09-05", title: "CẢI CÁCH ĐỊA PHƯƠNG")
                try await hong.sync(port: server.port)
                try await khang.sync(port: server.port)
                try khang.store.editArticle(
                    "2024-09-05/2", paragraphs: ["Hệ thống iHanoi đã tiếp nhận 5.712 phản ánh."])
                try await khang.sync(port: server.port)
                try await lan.sync(port: server.port)
                return report
            }
        }
        let held = try Set(hong.changeIDs()).union(khang.changeIDs()).union(lan.changeIDs())
        #expect(backedUp.headSeq == 3)

        let restored = directory.file("restored")
        _ = try ServerBackup.restore(from: backupFile, into: restored)
        try await withServer(in: restored) { server in
            #expect(server.store.logEpochs.count == 2)
            #expect(server.store.logEpochs.last?.fromSeq == backedUp.headSeq)
            let lost = try await server.store.read { db in
                try held.filter { try ServerQueries.seq(ofChange: $0, db) == nil }
            }
            #expect(lost.count == 5, "the restore lost the five changes made after the backup")

            try await withTimeout {
                // Each editor syncs once: every change any of them had is back in the log, once.
                let first = try await khang.sync(port: server.port)
                #expect(first.reoffered > 0 && first.reofferRefused == 0)
                try await hong.sync(port: server.port)
                try await lan.sync(port: server.port)
            }
            let log = try await server.store.read { db in
                try String.fetchAll(db, sql: "SELECT change_id FROM change_log WHERE entity != 'publication'")
            }
            #expect(Set(log).isSuperset(of: held), "missing: \(held.subtracting(log))")
            #expect(log.count == Set(log).count)
            #expect(
                try await server.store.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity WHERE kind = 'conflict'")
                } == 0, "re-offered records of one history never conflict with each other")

            // After one more round (the first to sync could not pull what the others offered later), every
            // replica holds what the server holds.
            try await withTimeout {
                for editor in [khang, hong, lan] { try await editor.sync(port: server.port) }
            }
            let contents = try hong.contents()
            #expect(contents.entities.count == 6)
            #expect(try khang.contents() == contents)
            #expect(try lan.contents() == contents)
            #expect(try await ReplicaContents.onServer(server, like: contents) == contents)
            #expect(
                try hong.store.issue("2024-09-05").articles.map(\.title)
                    == ["Tăng cường cải cách hành chính năm 2024", "iHanoi tiếp nhận phản ánh"])
            #expect(
                try hong.store.articleText("2024-09-05/2").paragraphs
                    == ["Hệ thống iHanoi đã tiếp nhận 5.712 phản ánh."])
            for editor in [hong, khang, lan] {
                #expect(try editor.store.logEpoch() == server.store.logEpochs.last?.epoch)
            }
        }
    }

    @Test func anEditMadeSinceTheRestoreKeepsTheReofferedValueInAConflict() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let hong = try Editor("Thanh Hồng", in: directory)
        let khang = try Editor("Minh Khang", in: directory)
        let backupFile = directory.file("bulletin.backup")
        try await withServer(in: directory.file("server")) { server in
            try await withTimeout {
                try hong.store.createIssue(date: "2024-09-05")
                try hong.store.addSection(issue: "2024-09-05", title: "CHỦ TRƯỞNG CẢI CÁCH")
                try hong.store.addArticle(
                    issue: "2024-09-05", section: 1, title: "Tiêu đề cũ",
                    paragraphs: ["Đoạn một."], source: nil)
                try await hong.sync(port: server.port)
                try await khang.sync(port: server.port)
                _ = try await ServerBackup.backup(server.store, to: backupFile, includeKey: false)
                // Lost with the restore: Hồng's new title.
                try hong.store.editArticle("2024-09-05/1", title: "Tiêu đề của Hồng")
                try await hong.sync(port: server.port)
            }
        }
        let restored = directory.file("restored")
        _ = try ServerBackup.restore(from: backupFile, into: restored)
        try await withServer(in: restored) { server in
            try await withTimeout {
                // Khang never saw Hồng's title; his own retitling reaches the restored server first.
                try khang.store.editArticle("2024-09-05/1", title: "Tiêu đề của Khang")
                try await khang.sync(port: server.port)
                let summary = try await hong.sync(port: server.port)
                #expect(summary.reoffered == 1)
                try await khang.sync(port: server.port)
            }
            let conflicts = try await server.store.read { db in
                try StoredEntity.fetchAll(db).filter { $0.kind == "conflict" }.map { try $0.state().fields }
            }
            #expect(conflicts.count == 1)
            #expect(conflicts.first?[ConflictField.mine] == .string("Tiêu đề của Hồng"))
            #expect(conflicts.first?[ConflictField.theirs] == .string("Tiêu đề của Khang"))
            #expect(try hong.store.issue("2024-09-05").articles.first?.title == "Tiêu đề của Khang")
            #expect(try hong.contents() == khang.contents())
        }
    }
}

extension Editor {
    /// Drafts the restore tests' starting point: the issue of 2024-09-05, one section, one article.
    func draftSampleIssue() throws {
        try store.createIssue(date: "2024-09-05")
        try store.addSection(issue: "2024-09-05", title: "CHỦ TRƯỞNG CẢI CÁCH")
        try store.addArticle(
            issue: "2024-09-05", section: 1, title: "Tăng cường cải cách hành chính",
            paragraphs: ["Đây là đề nghị của Bộ trưởng."], source: nil)
    }

    /// Adds the sample issue's second article (iHanoi's 5.700 reports) to its first section.
    func addIHanoiArticle() throws {
        try store.addArticle(
            issue: "2024-09-05", section: 1, title: "iHanoi tiếp nhận phản ánh",
            paragraphs: ["Hệ thống iHanoi đã tiếp nhận 5.700 phản ánh."], source: nil)
    }

    /// The ids of every change this replica applied (its own and pulled), publications aside.
    func changeIDs() throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT change_id FROM change_log WHERE entity != 'publication'")
        }
    }
}
