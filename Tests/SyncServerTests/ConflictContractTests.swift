import BulletinCore
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// Conflicts are made by the server; an editor's change may only resolve one.
@Suite struct ConflictContractTests {
    /// A store with an article whose title two editors changed concurrently: one open conflict.
    private func conflicted(_ store: ServerStore) async throws -> (String, ChangeFactory) {
        var hong = ChangeFactory()
        var khang = ChangeFactory()
        khang.clientID = ChangeFactory.newID()
        let issue = ChangeFactory.newID()
        let section = ChangeFactory.newID()
        let article = ChangeFactory.newID()
        let create = hong.article(article, issue: issue, section: section)
        _ = try await store.push([hong.issue(issue, date: "2024-09-05"), hong.section(section, issue: issue), create])
        var first = hong.update(.article, article, ["title": "Tiêu đề A"])
        first.base = ["title": create.changeID]
        var second = khang.update(.article, article, ["title": "Tiêu đề B"])
        second.base = ["title": create.changeID]
        second.hlc = HLCTimestamp(wallMillis: first.hlc.wallMillis + 60_000, counter: 0)  // a minute later
        _ = try await store.push([first])
        let outcome = try await store.push([second])
        #expect(outcome.results.first?.status == .conflict)
        let conflictID = try #require(outcome.results.first?.conflictID)
        #expect(outcome.results.first?.seq == 5, "the change is logged first")
        #expect(outcome.headSeq == 6, "then its conflict")
        return (conflictID, khang)
    }

    @Test(arguments: StoreKind.available)
    func aConflictRecordsBothSidesAndTheLaterWritersValueIsStored(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            let (conflictID, _) = try await conflicted(store)
            let conflict = try #require(try await store.entityState(.conflict, id: conflictID)).state.fields
            #expect(conflict["kind"] == "value")
            #expect(conflict["base"] == "Tăng cường cải cách")
            #expect(conflict["mine"] == "Tiêu đề B")
            #expect(conflict["theirs"] == "Tiêu đề A")
            #expect(conflict["current"] == "Tiêu đề B")
            #expect(conflict["status"] == "open")
            #expect(conflict["resolution"] == .null)
        }
    }

    @Test(arguments: StoreKind.available)
    func editorsCannotCreateDeleteOrRewriteConflicts(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            let (conflictID, khang) = try await conflicted(store)
            var factory = khang
            let outcome = try await store.push([
                factory.record(.conflict, ChangeFactory.newID(), .create, ["status": "open"]),
                factory.delete(.conflict, conflictID),
                factory.update(.conflict, conflictID, ["mine": "khác"]),
                factory.update(.conflict, conflictID, ["status": "closed"]),
            ])
            #expect(outcome.results.map(\.status) == [.rejected, .rejected, .rejected, .rejected])
            #expect(outcome.results[2].reason?.contains("may only set") == true)
        }
    }

    @Test(arguments: StoreKind.available)
    func concurrentResolutionsNeverConflictAndStatusOnlyMovesForward(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            let (conflictID, khang) = try await conflicted(store)
            var factory = khang
            let created = try #require(try await store.entityState(.conflict, id: conflictID)).state.versions
            var resolve = factory.update(
                .conflict, conflictID,
                [
                    "status": "resolved", "resolution": "mine", "resolved_by": "Minh Khang",
                ])
            resolve.base = created
            var reopen = factory.update(
                .conflict, conflictID,
                [
                    "status": "open", "resolution": "theirs", "resolved_by": "Thanh Hồng",
                ])
            reopen.base = created
            let outcome = try await store.push([resolve, reopen])
            #expect(outcome.results.map(\.status) == [.applied, .applied])
            let fields = try #require(try await store.entityState(.conflict, id: conflictID)).state.fields
            #expect(fields["status"] == "resolved")
            #expect(fields["resolution"] == "theirs", "the later writer")
            #expect(try await store.headSeq() == 8, "no conflict about a conflict")
        }
    }
}
