import BulletinCore
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite struct ServerStorePullTests {
    /// Ten issues (dates 2024-09-01 … 2024-09-10), one log record each.
    private func tenIssues(in store: ServerStore) async throws -> [ChangeRecord] {
        var factory = ChangeFactory()
        let changes = (1...10).map { day in
            factory.issue(ChangeFactory.newID(), date: "2024-09-\(day < 10 ? "0" : "")\(day)")
        }
        _ = try await store.push(changes)
        return changes
    }

    private func allPages(
        _ store: ServerStore, since: Int64 = 0, limits: PageLimits, filter: PullFilter? = nil
    ) async throws -> [LogPage] {
        let bound = try await store.headSeq()
        var pages: [LogPage] = []
        var cursor = since
        repeat {
            let page = try await store.logPage(since: cursor, bound: bound, limits: limits, filter: filter)
            pages.append(page)
            cursor = page.toSeq
        } while pages.last?.more == true && pages.count < 100
        return pages
    }

    @Test(arguments: StoreKind.available)
    func logPagesRespectTheChangeLimitAndCarryMoreAndTheCursor(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            let changes = try await tenIssues(in: store)
            let pages = try await allPages(store, limits: PageLimits(maxChanges: 3, maxBytes: 1 << 20))
            #expect(pages.map(\.records.count) == [3, 3, 3, 1])
            #expect(pages.map(\.more) == [true, true, true, false])
            #expect(pages.map(\.toSeq) == [3, 6, 9, 10])
            #expect(pages.flatMap(\.records).map(\.changeID) == changes.map(\.changeID))
            #expect(pages.flatMap(\.records).map(\.seq) == (1...10).map { Int64($0) })
        }
    }

    @Test(arguments: StoreKind.available)
    func logPagesRespectTheByteLimitButAlwaysCarryOneRecord(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            _ = try await tenIssues(in: store)
            let whole = try await store.logPage(
                since: 0, bound: 10,
                limits: PageLimits(
                    maxChanges: 100, maxBytes: 1 << 20))
            let recordSize = whole.bytes / 10
            let twoAndAHalf = try await allPages(
                store,
                limits: PageLimits(
                    maxChanges: 100, maxBytes: recordSize * 5 / 2))
            #expect(twoAndAHalf.map(\.records.count) == [2, 2, 2, 2, 2])
            #expect(twoAndAHalf.allSatisfy { $0.bytes <= recordSize * 5 / 2 })
            let tiny = try await allPages(store, limits: PageLimits(maxChanges: 100, maxBytes: 1))
            #expect(tiny.map(\.records.count) == Array(repeating: 1, count: 10))
        }
    }

    @Test(arguments: StoreKind.available)
    func logPagesStopAtTheBoundAndAnEmptyPullReturnsTheBound(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            _ = try await tenIssues(in: store)
            let roomy = PageLimits(maxChanges: 100, maxBytes: 1 << 20)
            let bounded = try await store.logPage(since: 2, bound: 5, limits: roomy)
            #expect(bounded.records.compactMap(\.seq) == [3, 4, 5])
            #expect(bounded.more == false)
            #expect(bounded.toSeq == 5)
            let empty = try await store.logPage(since: 10, bound: 10, limits: PageLimits(maxChanges: 5, maxBytes: 100))
            #expect(empty.records.isEmpty)
            #expect(empty.toSeq == 10)
        }
    }

    @Test(arguments: StoreKind.available) func logPagesFilterByEntityKindAndIssue(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            var factory = ChangeFactory()
            let (first, second) = (ChangeFactory.newID(), ChangeFactory.newID())
            let (section1, section2) = (ChangeFactory.newID(), ChangeFactory.newID())
            _ = try await store.push([
                factory.issue(first, date: "2024-09-04"), factory.issue(second, date: "2024-09-05"),
                factory.section(section1, issue: first), factory.section(section2, issue: second),
                factory.article(ChangeFactory.newID(), issue: second, section: section2),
            ])
            let limits = PageLimits(maxChanges: 2, maxBytes: 1 << 20)
            let sections = try await allPages(store, limits: limits, filter: PullFilter(entities: [.section]))
            #expect(sections.flatMap(\.records).map(\.entityID) == [section1, section2])
            #expect(sections.last?.toSeq == 5)
            let ofSecond = try await allPages(store, limits: limits, filter: PullFilter(issues: [second]))
            #expect(ofSecond.flatMap(\.records).compactMap(\.seq) == [2, 4, 5])
            let both = try await allPages(
                store, limits: limits, filter: PullFilter(entities: [.issue, .article], issues: [second]))
            #expect(both.flatMap(\.records).compactMap(\.seq) == [2, 5])
        }
    }
}
