import BulletinCore
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite struct ServerStoreSnapshotTests {
    /// One issue with a section, an article and an annotation; returns the ids in walk order.
    static func pushIssue(
        _ store: ServerStore, _ factory: inout ChangeFactory, date: String
    ) async throws -> [String] {
        let (issue, section, article, note) = (
            ChangeFactory.newID(), ChangeFactory.newID(), ChangeFactory.newID(), ChangeFactory.newID()
        )
        // Pushed children first-to-last in a different order from the walk, to show the order is the server's.
        let outcome = try await store.push([
            factory.issue(issue, date: date), factory.section(section, issue: issue),
            factory.article(article, issue: issue, section: section),
            factory.annotation(note, issue: issue, article: article),
        ])
        #expect(outcome.rejectedCount == 0)
        return [issue, section, article, note]
    }

    private func wholeSnapshot(
        _ store: ServerStore, limits: PageLimits, filter: PullFilter? = nil
    ) async throws -> [SnapshotPage] {
        var pages: [SnapshotPage] = []
        var position: SnapshotPosition?
        repeat {
            let page = try await store.snapshotPage(from: position, limits: limits, filter: filter)
            pages.append(page)
            // The token is what travels; resume from it as a reconnecting client would.
            position = try page.next.map { try SnapshotPosition(token: $0.token) }
        } while position != nil && pages.count < 1000
        return pages
    }

    @Test(arguments: StoreKind.available)
    func aSnapshotSendsLiveEntitiesNewestIssueFirstEachFollowedByItsChildren(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let middle = try await Self.pushIssue(store, &factory, date: "2024-09-04")
            let oldest = try await Self.pushIssue(store, &factory, date: "2024-09-03")
            let newest = try await Self.pushIssue(store, &factory, date: "2024-09-05")
            let deletedArticle = ChangeFactory.newID()
            _ = try await store.push([
                factory.article(deletedArticle, issue: newest[0], section: newest[1]),
                factory.update(.article, newest[2], ["title": "Tiêu đề cuối"]),
                factory.delete(.article, deletedArticle),
            ])
            let pages = try await wholeSnapshot(store, limits: PageLimits(maxChanges: 3, maxBytes: 1 << 20))
            let records = pages.flatMap(\.records)
            #expect(records.map(\.entityID) == newest + middle + oldest)
            #expect(records.allSatisfy { $0.op == .create })
            // Each record's `base` carries the entity's per-field versions: the update wrote `title` only.
            let retitled = try #require(records.first { $0.entityID == newest[2] })
            #expect(Set(retitled.base.keys) == Set(retitled.fields.keys))
            #expect(Set(retitled.base.values).count == 2)
            #expect(retitled.base["title"] == retitled.changeID)
            #expect(pages.map(\.records.count) == [3, 3, 3, 3])
            #expect(pages.allSatisfy { $0.headSeq == 15 })
            let edited = try #require(records.first { $0.entityID == newest[2] })
            #expect(edited.fields["title"] == "Tiêu đề cuối")
            #expect(edited.seq == 14)
            // Applying the snapshot gives every live entity exactly the server's fields.
            for record in records {
                let stored = try #require(try await store.entityState(record.entity, id: record.entityID))
                #expect(EntityState().applying(record).fields == stored.state.fields)
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aSnapshotResumedFromAnyPageEqualsAnUninterruptedOne(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            for day in 1...5 {
                _ = try await Self.pushIssue(store, &factory, date: "2024-09-0\(day)")
            }
            let whole = try await store.snapshotPage(from: nil, limits: PageLimits(maxChanges: 1000, maxBytes: 1 << 24))
            #expect(whole.next == nil)
            #expect(whole.records.count == 20)
            let recordSize = whole.bytes / 20
            let paged = try await wholeSnapshot(store, limits: PageLimits(maxChanges: 100, maxBytes: recordSize * 3))
            #expect(paged.count > 5)
            #expect(paged.flatMap(\.records) == whole.records)
            #expect(paged.dropLast().allSatisfy { $0.next != nil })
        }
    }

    @Test(arguments: StoreKind.available)
    func aSnapshotAlsoSendsOrphansAndEntitiesChangedWhileItRan(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let older = try await Self.pushIssue(store, &factory, date: "2024-09-03")
            let newer = try await Self.pushIssue(store, &factory, date: "2024-09-04")
            _ = try await store.push([factory.delete(.issue, older[0])])
            let limits = PageLimits(maxChanges: 2, maxBytes: 1 << 20)
            let first = try await store.snapshotPage(from: nil, limits: limits)
            #expect(first.records.map(\.entityID) == [newer[0], newer[1]])
            // Meanwhile an article the walk has not reached yet is edited.
            _ = try await store.push([factory.update(.article, newer[2], ["title": "Đổi trong lúc chụp"])])
            var position = first.next
            var rest: [ChangeRecord] = []
            while let next = position {
                let page = try await store.snapshotPage(from: next, limits: limits)
                rest += page.records
                position = page.next
            }
            // The children of the deleted issue come as orphans, then the changed article again, in its new state.
            #expect(rest.map(\.entityID) == [newer[2], newer[3], older[1], older[2], older[3], newer[2]])
            #expect(rest.last?.fields["title"] == "Đổi trong lúc chụp")
            #expect(rest.last?.seq == 10)
            #expect(first.headSeq == 9)
        }
    }

    @Test(arguments: StoreKind.available) func aSnapshotCanBeFilteredByIssueAndKind(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let first = try await Self.pushIssue(store, &factory, date: "2024-09-03")
            _ = try await Self.pushIssue(store, &factory, date: "2024-09-04")
            let limits = PageLimits(maxChanges: 100, maxBytes: 1 << 20)
            let page = try await store.snapshotPage(
                from: nil, limits: limits, filter: PullFilter(entities: [.issue, .article], issues: [first[0]]))
            #expect(page.records.map(\.entityID) == [first[0], first[2]])
        }
    }

    @Test func anInvalidResumeTokenIsRefused() {
        #expect(throws: SnapshotPositionError.invalidToken) { try SnapshotPosition(token: "not a token") }
        #expect(throws: SnapshotPositionError.invalidToken) { try SnapshotPosition(token: "e30=") }
    }
}
