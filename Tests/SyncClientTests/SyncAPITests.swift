import BulletinCore
import Foundation
import GRDB
import SyncProtocol
import TestSupport
import Testing

@testable import SyncClient

@Suite struct SyncAPITests {
    private func storeWithChanges() throws -> LocalStore {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.importIssue(StoreFixtures.sampleIssue())  // 7 changes
        return store
    }

    private func remote(
        _ id: String, seq: Int64, entity: EntityKind = .article, entityID: String, op: ChangeOperation = .update,
        fields: [String: JSONValue], wall: Int64 = 1_725_600_000_000
    ) -> ChangeRecord {
        ChangeRecord(
            changeID: id, entity: entity, entityID: entityID, op: op, fields: fields,
            hlc: HLCTimestamp(wallMillis: wall, counter: 0), author: "Minh Quân", clientID: "other-client",
            seq: seq)
    }

    @Test func pendingChangesComeInAuthorOrderBoundedByCountAndBytes() throws {
        let store = try storeWithChanges()
        let all = try store.pendingChanges(maxCount: 100, maxBytes: .max)
        #expect(all.count == 7)
        #expect(all.map(\.hlc) == all.map(\.hlc).sorted())
        #expect(try store.pendingChanges(maxCount: 3, maxBytes: .max) == Array(all.prefix(3)))
        let sizes = all.map { ChangeRecordJSON.encode($0).utf8.count }
        let budget = sizes[0] + sizes[1] + sizes[2] - 1
        #expect(try store.pendingChanges(maxCount: 100, maxBytes: budget) == Array(all.prefix(2)))
        #expect(try store.pendingChanges(maxCount: 100, maxBytes: 1) == Array(all.prefix(1)))
        #expect(try store.pendingChanges(maxCount: 0, maxBytes: .max).isEmpty)
        #expect(try store.pendingTotals().count == 7)
        #expect(try store.pendingTotals().bytes == sizes.reduce(0, +))
    }

    /// A push sends the outbox's texts as they are: they are the records' canonical texts, and a damaged one is
    /// refused here, naming its change, instead of going to the server.
    @Test func pendingBatchesHoldTheRecordsCanonicalTextsAndRefuseADamagedOne() throws {
        let store = try storeWithChanges()
        let all = try store.pendingChanges(maxCount: 100, maxBytes: .max)
        let batch = try store.pendingBatch(after: nil, maxCount: 100, maxBytes: .max)
        #expect(batch.records == all.map(CanonicalRecord.init))
        let damaged = all[2].changeID
        try store.writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET record = substr(record, 1, length(record) - 1) WHERE change_id = ?",
                arguments: [damaged])
        }
        #expect(try store.pendingBatch(after: nil, maxCount: 2, maxBytes: .max).records.count == 2)
        #expect {
            try store.pendingBatch(after: nil, maxCount: 100, maxBytes: .max)
        } throws: { error in
            guard case StoreError.corruptRow(let table, let key, _) = error else { return false }
            return table == "outbox" && key == damaged
        }
    }

    @Test func acknowledgingRemovesLoggedChangesAndSetsAsideRejectedOnes() throws {
        let store = try storeWithChanges()
        let pending = try store.pendingChanges(maxCount: 4, maxBytes: .max)
        let summary = try store.acknowledge([
            ChangeResult(changeID: pending[0].changeID, status: .applied, seq: 10),
            ChangeResult(changeID: pending[1].changeID, status: .duplicate, seq: 4),
            ChangeResult(changeID: pending[2].changeID, status: .conflict, seq: 11, conflictID: "k1"),
            ChangeResult(changeID: pending[3].changeID, status: .rejected, reason: "not allowed", code: "forbidden"),
            ChangeResult(changeID: "unknown", status: .applied, seq: 12),
        ])
        #expect(summary == AcknowledgeSummary(accepted: 3, rejected: 1, unknown: 1))
        let remaining = try store.outbox()
        #expect(remaining.count == 3)
        #expect(!remaining.contains { change in pending.contains { $0.changeID == change.changeID } })
        let rejected = try store.rejectedChanges()
        #expect(rejected.map(\.change) == [pending[3]])
        #expect(rejected.first?.code == "forbidden")
        // Acknowledging again is harmless.
        #expect(
            try store.acknowledge([ChangeResult(changeID: pending[0].changeID, status: .applied, seq: 10)])
                == AcknowledgeSummary(accepted: 0, rejected: 0, unknown: 1))
    }

    /// A record logged before the server enforced the data contract (paragraphs as one string) is left out and
    /// reported by seq and change id; the rest of its page applies and the cursor moves past it.
    @Test func aPulledRecordThatCannotBeStoredIsSkippedAndReported() throws {
        let store = try storeWithChanges()
        let article = "5a000000-0000-4000-8000-0000000000a2"
        let page = [
            remote("r1", seq: 1, entityID: article, fields: ["title": .string("Tiêu đề thứ nhất")]),
            remote("r2", seq: 2, entityID: article, fields: ["paragraphs": .string("Một đoạn.")]),
            remote("r3", seq: 3, entityID: article, fields: ["title": .string("Tiêu đề thứ ba")]),
        ]
        let summary = try store.applyPulled(page, cursor: 3)
        #expect(summary.applied == 2)
        #expect(summary.undecodable.map(\.seq) == [2])
        #expect(summary.undecodable.map(\.changeID) == ["r2"])
        #expect(summary.undecodable.first?.reason.contains("paragraphs") == true)
        #expect(try store.cursor() == 3)
        let state = try #require(try store.entityState(.article, id: article))
        #expect(state.fields["title"] == .string("Tiêu đề thứ ba"))
        #expect(state.versions["paragraphs"] != "r2", "nothing of the skipped record was stored")
    }

    @Test func aPulledPageIsAppliedInSeqOrderAndMovesTheCursor() throws {
        let store = try storeWithChanges()
        let article = "5a000000-0000-4000-8000-0000000000a2"
        let page = [
            remote("r3", seq: 3, entityID: article, fields: ["title": .string("Tiêu đề thứ ba")]),
            remote("r1", seq: 1, entityID: article, fields: ["title": .string("Tiêu đề thứ nhất")]),
            remote("r2", seq: 2, entityID: article, fields: ["paragraphs": .array([.string("Đồng bộ.")])]),
        ]
        let summary = try store.applyPulled(page, cursor: 5)
        #expect(summary == PullSummary(applied: 3, skipped: 0, acknowledgedFromOutbox: 0, cursor: 5))
        #expect(try store.cursor() == 5)
        let state = try #require(try store.entityState(.article, id: article))
        #expect(state.fields["title"] == .string("Tiêu đề thứ ba"))
        #expect(state.versions["title"] == "r3")
        #expect(state.versions["paragraphs"] == "r2")
        #expect(try store.issue("2024-09-05").articles[1].paragraphs == ["Đồng bộ."])
        #expect(try store.search("dong bo").map(\.articleID).contains(article))

        // The same page again (a resent page) changes nothing; a page below the cursor is refused.
        #expect(try store.applyPulled(page, cursor: 5).skipped == 3)
        #expect(throws: StoreError.cursorWentBack(current: 5, proposed: 4)) { try store.applyPulled([], cursor: 4) }
    }

    /// Pulled pages commit without waiting for the disk; the editor's own edits after them must again.
    @Test func localEditsStayFullySynchronousAfterAPulledPage() throws {
        let directory = try TemporaryDirectory()
        let store = try LocalStore.create(
            at: directory.path("store.sqlite"), editor: "Thanh Hồng",
            options: StoreFixtures.options())
        try store.importIssue(StoreFixtures.sampleIssue())
        func writerSynchronous() throws -> Int? {
            try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        }
        #expect(try writerSynchronous() == 2)
        let article = "5a000000-0000-4000-8000-0000000000a2"
        try store.applyPulled([remote("r1", seq: 1, entityID: article, fields: ["title": .string("Mới")])], cursor: 1)
        #expect(try writerSynchronous() == 2)
        #expect(throws: StoreError.cursorWentBack(current: 1, proposed: 0)) { try store.applyPulled([], cursor: 0) }
        #expect(try writerSynchronous() == 2)
        #expect(try store.cursor() == 1)
    }

    @Test func theStoreAppliesRecordsExactlyAsEntityStateDoes() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        let id = "7c000000-0000-4000-8000-000000000001"
        let records = [
            remote(
                "s1", seq: 1, entity: .section, entityID: id, op: .create,
                fields: [
                    "issue_id": .string("i1"), "title": .string("CẢI CÁCH"), "position": .int(1),
                    "contents_page": .null,
                    "colour": .string("xanh"),
                ]),
            remote("s2", seq: 2, entity: .section, entityID: id, fields: ["position": .double(1.5)]),
            remote("s3", seq: 3, entity: .section, entityID: id, op: .delete, fields: [:]),
            remote("s4", seq: 4, entity: .section, entityID: id, fields: ["contents_page": .int(4)]),
        ]
        try store.applyPulled(records, cursor: 4)
        let expected = records.reduce(EntityState()) { $0.applying($1) }
        #expect(try store.entityState(.section, id: id) == expected)
    }

    @Test func ownRecordsArePulledBackAppliedAndLeaveTheOutbox() throws {
        let store = try storeWithChanges()
        var own = try #require(try store.outbox().first)
        own.seq = 1
        own.fields["editor"] = .string("Thanh Hồng (server merge)")
        let summary = try store.applyPulled([own], cursor: 1)
        #expect(summary.acknowledgedFromOutbox == 1)
        #expect(try store.outbox().count == 6)
        #expect(try store.issue("2024-09-05").editor == "Thanh Hồng (server merge)")
    }

    @Test func pulledTimestampsMoveTheLocalClockPastThem() throws {
        let clock = ManualClock(1_000)
        let store = try LocalStore.inMemory(options: StoreFixtures.options(clock: clock))
        try store.createIssue(date: "2024-09-05")
        let issueID = try store.issue("2024-09-05").id
        try store.applyPulled(
            [
                remote(
                    "r1", seq: 1, entity: .issue, entityID: issueID, fields: ["intro": .string("Mở đầu")],
                    wall: 9_000_000)
            ], cursor: 1)
        try store.setState(issue: issueID, to: .review)
        let local = try #require(try store.outbox().last)
        #expect(local.hlc > HLCTimestamp(wallMillis: 9_000_000, counter: 0))
    }

    @Test func aRecordWithoutSeqIsRefused() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        var record = remote("r1", seq: 1, entity: .issue, entityID: "x", op: .create, fields: [:])
        record.seq = nil
        #expect(throws: StoreError.missingSeq(changeID: "r1")) { try store.applyPulled([record], cursor: 1) }
    }

    @Test func cursorAndServerAddressArePersisted() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        let store = try LocalStore.create(at: path, editor: "A", options: StoreFixtures.options())
        try store.setServerAddress(" 127.0.0.1:7420 ")
        try store.setCursor(42)
        #expect(throws: StoreError.cursorWentBack(current: 42, proposed: 41)) { try store.setCursor(41) }
        #expect(throws: StoreError.self) { try store.setServerAddress("  ") }
        let reopened = try LocalStore.open(at: path)
        #expect(try reopened.serverAddress() == "127.0.0.1:7420")
        #expect(try reopened.cursor() == 42)
        #expect(try reopened.replicaInfo().cursor == 42)
    }
}
