import BulletinCore
import Foundation
import GRDB
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite struct ServerStorePushTests {
    @Test func storeUsesWALAndFullSynchronousAndSurvivesReopening() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var factory = ChangeFactory()
        let store = try ServerStore(directory: directory.path + "/nested/data")
        // The writer's setting is the one that counts: commits happen there.
        let (journal, synchronous) = try await store.writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)
        let outcome = try await store.push([factory.issue(ChangeFactory.newID(), date: "2024-09-05")])
        #expect(outcome.headSeq == 1)
        #expect(try await store.headSeq() == 1)  // a reader connection is open too now
        let serverID = store.serverID
        try store.close()
        // Closed cleanly, the database file alone holds everything: no log or shared-memory file is left.
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/nested/data").sorted()
        #expect(files == ["bulletin-server.sqlite", "publication-signing-key"])

        let reopened = try ServerStore(directory: directory.path + "/nested/data")
        defer { try? reopened.close() }
        #expect(reopened.serverID == serverID)
        #expect(try await reopened.headSeq() == 1)
    }

    @Test(arguments: StoreKind.available)
    func appliedChangesGetGapFreeIncreasingSeqsAcrossBatches(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            let section = ChangeFactory.newID()
            let first = try await store.push([
                factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue),
            ])
            let second = try await store.push([
                factory.update(.section, section, ["title": "Mới"]),
                factory.update(.issue, issue, ["intro": "Chào"]),
            ])
            #expect(first.results.map(\.seq) == [1, 2])
            #expect(first.results.map(\.status) == [.applied, .applied])
            #expect(second.results.map(\.seq) == [3, 4])
            #expect(second.headSeq == 4)
            let seqs = try await store.logSeqs()
            #expect(seqs == [1, 2, 3, 4])
        }
    }

    @Test(arguments: StoreKind.available)
    func aResentChangeIsADuplicateWithItsOriginalSeqAndIsAppliedOnce(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            let create = factory.issue(issue, date: "2024-09-05")
            let update = factory.update(.issue, issue, ["intro": "Một"])
            _ = try await store.push([create, update])
            let later = factory.update(.issue, issue, ["intro": "Hai"])
            _ = try await store.push([later])

            // The ack of the first batch was lost: the client sends it again, then the same change twice in one batch.
            let again = try await store.push([create, update, update])
            #expect(again.results.map(\.status) == [.duplicate, .duplicate, .duplicate])
            #expect(again.results.map(\.seq) == [1, 2, 2])
            #expect(again.headSeq == 3)
            let state = try #require(try await store.entityState(.issue, id: issue))
            #expect(state.state.fields["intro"] == "Hai")
            #expect(state.lastSeq == 3)

            let fresh = factory.update(.issue, issue, ["intro": "Ba"])
            let mixed = try await store.push([fresh, fresh])
            #expect(mixed.results.map(\.status) == [.applied, .duplicate])
            #expect(mixed.results.map(\.seq) == [4, 4])
        }
    }

    @Test(arguments: StoreKind.available)
    func aRejectedChangeDoesNotBlockTheRestOfItsBatch(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let first = ChangeFactory.newID()
            let second = ChangeFactory.newID()
            let outcome = try await store.push([
                factory.issue(first, date: "2024-09-04"),
                factory.update(.article, ChangeFactory.newID(), ["title": "Không có"]),
                factory.issue(second, date: "2024-09-05"),
            ])
            #expect(outcome.results.map(\.status) == [.applied, .rejected, .applied])
            #expect(outcome.results.map(\.seq) == [1, nil, 2])
            #expect(outcome.results[1].code == "invalid_message")
            #expect(outcome.results[1].reason?.contains("does not exist") == true)
            #expect(outcome.headSeq == 2)
            #expect(try await store.entityState(.issue, id: second) != nil)
        }
    }

    @Test(arguments: StoreKind.available)
    func changesThatDependOnARejectedCreateAreRejectedAndOthersApplied(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            _ = try await store.push([factory.issue(issue, date: "2024-09-05")])
            let badSection = ChangeFactory.newID()
            var malformed = factory.section(badSection, issue: issue)
            malformed.fields["position"] = "first"
            let goodSection = ChangeFactory.newID()
            let outcome = try await store.push([
                malformed,
                factory.update(.section, badSection, ["title": "Sửa"]),
                factory.article(ChangeFactory.newID(), issue: issue, section: badSection),
                factory.section(goodSection, issue: issue),
                factory.article(ChangeFactory.newID(), issue: issue, section: goodSection),
            ])
            #expect(outcome.results.map(\.status) == [.rejected, .rejected, .rejected, .applied, .applied])
            #expect(outcome.results[0].reason?.contains("position") == true)
            #expect(outcome.results[1].reason?.contains("rejected earlier in this batch") == true)
            #expect(outcome.results[2].reason?.contains("section_id") == true)
            #expect(outcome.results.compactMap(\.seq) == [2, 3])
        }
    }

    @Test(arguments: ContractCase.all)
    func changesThatBreakTheDataContractAreRejectedWithTheFieldNamed(_ testCase: ContractCase) async throws {
        let (store, directory) = try Self.openStore()
        defer {
            try? store.close()
            directory.remove()
        }
        var factory = ChangeFactory()
        let ids = ContractCase.IDs()
        _ = try await store.push([
            factory.issue(ids.issue, date: "2024-09-05"), factory.section(ids.section, issue: ids.issue),
            factory.article(ids.article, issue: ids.issue, section: ids.section),
        ])
        let change = testCase.make(&factory, ids)
        let outcome = try await store.push([change])
        let result = try #require(outcome.results.first)
        #expect(result.status == .rejected)
        #expect(result.reason?.contains(testCase.expectedInReason) == true, "\(result.reason ?? "no reason")")
        #expect(result.code == testCase.code)
        #expect(outcome.headSeq == 3)
    }

    @Test(arguments: StoreKind.available) func anIssueStateOnlyMovesForward(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            let outcome = try await store.push([
                factory.issue(issue, date: "2024-09-05", state: "approved"),
                factory.update(.issue, issue, ["state": "review"]),
                factory.update(.issue, issue, ["state": "approved"]),
                factory.update(.issue, issue, ["state": "published"]),
                factory.update(.issue, issue, ["state": "draft"]),
            ])
            #expect(outcome.results.map(\.status) == [.applied, .rejected, .applied, .applied, .rejected])
            #expect(outcome.results[1].reason?.contains("from approved back to review") == true)
            #expect(try await store.entityState(.issue, id: issue)?.state.fields["state"] == "published")
        }
    }

    @Test(arguments: StoreKind.available)
    func theMaterialisedStateEqualsReplayingTheLogWithTheSharedRule(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            let section = ChangeFactory.newID()
            let article = ChangeFactory.newID()
            _ = try await store.push([
                factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue),
                factory.article(article, issue: issue, section: section),
                factory.update(.article, article, ["title": "Tiêu đề mới", "position": .double(1.5)]),
                factory.update(.section, section, ["contents_page": 3]),
                factory.delete(.section, section),
            ])
            let page = try await store.logPage(
                since: 0, bound: 100,
                limits: PageLimits(
                    maxChanges: 100, maxBytes: 1 << 20))
            var replayed: [String: EntityState] = [:]
            for record in page.records {
                replayed[record.entityID, default: EntityState()] = replayed[record.entityID, default: EntityState()]
                    .applying(record)
            }
            for (kind, id) in [(EntityKind.issue, issue), (.section, section), (.article, article)] {
                let stored = try #require(try await store.entityState(kind, id: id))
                #expect(stored.state == replayed[id])
            }
            #expect(try await store.entityState(.section, id: section)?.state.deleted == true)
            #expect(try await store.entityState(.article, id: article)?.issueID == issue)
        }
    }

    @Test(arguments: StoreKind.available) func storedTextIsNFCWithNewlines(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            factory.author = "Tha\u{0300}nh"
            let issue = ChangeFactory.newID()
            let decomposed = "Ca\u{0309}i ca\u{0301}ch\r\nha\u{0300}nh chi\u{0301}nh"
            _ = try await store.push([
                factory.issue(issue, date: "2024-09-05"),
                factory.update(.issue, issue, ["title_lines": .array([.string(decomposed)])]),
            ])
            let page = try await store.logPage(
                since: 1, bound: 2,
                limits: PageLimits(
                    maxChanges: 10, maxBytes: 1 << 20))
            let record = try #require(page.records.first)
            #expect(record.fields["title_lines"] == .array([.string("Cải cách\nhành chính")]))
            #expect(record.author == "Thành")
        }
    }

    @Test(arguments: StoreKind.available)
    func anEditOfADeletedEntityRevivesItAndTheLoggedUpdateCarriesEveryField(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            let create = factory.issue(issue, date: "2024-09-05")
            _ = try await store.push([
                create, factory.delete(.issue, issue), factory.update(.issue, issue, ["intro": "Trở lại"]),
            ])
            let page = try await store.logPage(
                since: 2, bound: 3,
                limits: PageLimits(
                    maxChanges: 10, maxBytes: 1 << 20))
            let revive = try #require(page.records.first)
            #expect(revive.op == .update)
            #expect(Set(revive.fields.keys) == Set(create.fields.keys))
            #expect(revive.fields["intro"] == "Trở lại")
            // A replica that never saw the issue ends with the whole entity.
            #expect(EntityState().applying(revive).fields == create.fields.merging(["intro": "Trở lại"]) { $1 })
        }
    }

    static func openStore() throws -> (ServerStore, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        return (try ServerStore(directory: directory.path), directory)
    }
}
