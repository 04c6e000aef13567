import BulletinCore
import GRDB
import SyncProtocol
import Testing

@testable import SyncClient

/// A user action is one transaction: when a write fails midway, neither the entity rows nor the outbox change.
///
/// The failures are real SQLite errors raised by triggers installed for the test, at chosen points of an action.
@Suite struct AtomicityTests {
    @Test func aFailureMidwayThroughAnImportLeavesNoRowsAndNoOutboxEntries() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.createIssue(date: "2024-09-04")
        // Fail when the second article is written: the issue, a section, an article and an annotation are in by then.
        try store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER fail_second_article BEFORE INSERT ON article
                    WHEN (SELECT COUNT(*) FROM article) >= 1
                    BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END
                    """)
        }
        let before = try TableCounts(store)
        #expect(throws: DatabaseError.self) { try store.importIssue(StoreFixtures.sampleIssue()) }
        #expect(try TableCounts(store) == before)
        #expect(throws: StoreError.unknownIssue("2024-09-05")) { try store.issue("2024-09-05") }
    }

    @Test func aFailingOutboxAppendUndoesTheEntityWrite() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.importIssue(StoreFixtures.sampleIssue())
        try store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox
                    BEGIN SELECT RAISE(ABORT, 'outbox unavailable (simulated)'); END
                    """)
        }
        let before = try TableCounts(store)
        let title = try store.issue("2024-09-05").articles[0].title
        #expect(throws: DatabaseError.self) {
            try store.editArticle("2024-09-05/1", title: "Một tiêu đề mới", paragraphs: ["Một đoạn mới."])
        }
        #expect(throws: DatabaseError.self) { try store.removeArticle("2024-09-05/2") }
        #expect(throws: DatabaseError.self) { try store.setState(issue: "2024-09-05", to: .review) }
        #expect(try TableCounts(store) == before)
        let issue = try store.issue("2024-09-05")
        #expect(issue.articles[0].title == title)
        #expect(issue.articles.count == 3)
        #expect(issue.state == .draft)
        #expect(try store.search("tieu de moi").isEmpty)
    }

    /// A record that fails the page (a text edit of paragraphs this replica does not hold) undoes the records
    /// applied before it. (A record with a field of the wrong type does not fail its page: it is skipped, see
    /// `SyncAPITests`.)
    @Test func aFailingPulledRecordLeavesThePageUnappliedAndTheCursorUnmoved() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        let good = ChangeRecord(
            changeID: "c1", entity: .issue, entityID: "6b000000-0000-4000-8000-000000000001", op: .create,
            fields: ["date": .string("2024-09-10"), "state": .string("draft")],
            hlc: HLCTimestamp(wallMillis: 5, counter: 0), author: "Minh Quân", clientID: "other", seq: 1)
        var bad = good
        bad.changeID = "c2"
        bad.entity = .article
        bad.entityID = "6b000000-0000-4000-8000-000000000002"
        bad.op = .update
        bad.fields = [
            "paragraphs": .object([
                "h": .string("0000000000000000"), "n": .int(1), "ops": .array([.int(1)]),
            ])
        ]
        bad.seq = 2
        let before = try TableCounts(store)
        #expect(throws: StoreError.staleTextEdit(changeID: "c2")) {
            try store.applyPulled([good, bad], cursor: 2)
        }
        #expect(try TableCounts(store) == before)
        #expect(try store.cursor() == 0)
    }
}
