import BulletinCore
import GRDB
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// A store whose log holds records the data contract refuses (written by a server from before the door): they
/// are found when it opens, reported, and never served; the records around them are.
@Suite struct LogQuarantineTests {
    /// A store with three good records (seqs 1–3), then — as an older server logged them — an article update whose
    /// paragraphs are one string (4), one whose client id is `k` (5), and a good update (6).
    static func poisonedStore() async throws -> (TemporaryDirectory, [String]) {
        let directory = try TemporaryDirectory()
        let store = try ServerStore(directory: directory.path)
        var factory = ChangeFactory()
        let issue = ChangeFactory.newID()
        let section = ChangeFactory.newID()
        let article = ChangeFactory.newID()
        _ = try await store.push([
            factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue),
            factory.article(article, issue: issue, section: section),
        ])
        var paragraphs = factory.update(.article, article, ["title": "Tiêu đề"])
        paragraphs.fields = ["paragraphs": "Một đoạn."]
        var client = factory.update(.article, article, ["title": "Tiêu đề khác"])
        client.clientID = "k"
        let good = factory.update(.article, article, ["title": "Tiêu đề mới"])
        let poisoned = [paragraphs, client, good]
        try await store.writer.write { db in
            for (offset, change) in poisoned.enumerated() {
                var logged = change
                logged.seq = Int64(4 + offset)
                try ChangeLogEntry(
                    seq: Int64(4 + offset), changeID: change.changeID, entity: "article", entityID: article,
                    issueID: issue, op: "update", record: RecordJSON.text(logged), receivedAt: "2024-09-05T08:00:00Z",
                    clientID: change.clientID, sentFields: nil, editRecord: nil, authorRecord: nil
                ).append(db)
            }
        }
        // The state an older server built from the first bad record.
        try await store.writer.write { db in
            try db.execute(
                sql: "UPDATE entity SET fields = json_set(fields, '$.paragraphs', 'Một đoạn.') WHERE id = ?",
                arguments: [article])
        }
        try store.close()
        return (directory, [paragraphs.changeID, client.changeID, good.changeID])
    }

    @Test func theScanFindsTheRefusedRecordsAndPullsPassOverThem() async throws {
        let (directory, ids) = try await Self.poisonedStore()
        defer { directory.remove() }
        let store = try ServerStore(directory: directory.path)
        defer { try? store.close() }
        #expect(store.quarantine.entries.map(\.seq) == [4, 5])
        #expect(store.quarantine.entries.map(\.changeID) == Array(ids.prefix(2)))
        #expect(store.quarantine.entries[0].reason.hasPrefix("wrong_type: field 'paragraphs'"))
        #expect(store.quarantine.entries[1].reason.hasPrefix("invalid_id: client_id"))
        #expect(store.quarantine.entities.count == 1)
        #expect(store.quarantine.entities.first?.hasPrefix("article ") == true)
        #expect(store.quarantine.entities.first?.contains("wrong_type: field 'paragraphs'") == true)
        let page = try await store.logPage(since: 0, bound: 6, limits: PageLimits(maxChanges: 100, maxBytes: 1 << 20))
        #expect(page.records.compactMap(\.seq) == [1, 2, 3, 6])
        #expect(page.toSeq == 6)
        // Paged one record at a time, the cursor still moves past the quarantined ones.
        let next = try await store.logPage(since: 3, bound: 6, limits: PageLimits(maxChanges: 1, maxBytes: 1 << 20))
        #expect(next.records.map(\.changeID) == [ids[2]])
        #expect(!next.more)
        #expect(next.toSeq == 6)
    }

    @Test func aServerReportsTheQuarantineWhenItStarts() async throws {
        let (directory, _) = try await Self.poisonedStore()
        defer { directory.remove() }
        let logs = CapturedLogs()
        try await withTimeout {
            try await withTestServer(directory: directory, logs: logs) { _ in }
        }
        let line = try #require(logs.lines.first { $0.message.contains("data contract refuses") })
        #expect(line.metadata["quarantine.count"] == "2")
        #expect(line.metadata["quarantine.seqs"] == "[4, 5]")
        let entities = try #require(logs.lines.first { $0.message.contains("live entities") })
        #expect(entities.metadata["quarantine.entities"] == "1")
    }

    @Test func aCleanLogHasNoQuarantine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var factory = ChangeFactory()
        let issue = ChangeFactory.newID()
        let store = try ServerStore(directory: directory.path)
        _ = try await store.push([factory.issue(issue, date: "2024-09-05"), factory.delete(.issue, issue)])
        try store.close()
        let reopened = try ServerStore(directory: directory.path)
        defer { try? reopened.close() }
        #expect(reopened.quarantine.entries.isEmpty)
        #expect(reopened.quarantine.entities.isEmpty)
    }
}
