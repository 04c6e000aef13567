import BulletinCore
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// A field office's snapshot taken one or two records per page: every released issue once, newest first, ties on
/// the date broken by issue id, whatever the page size.
@Suite struct PublicationSnapshotPagingTests {
    @Test(arguments: StoreKind.available, [1, 2])
    func smallPagesWalkEveryReleasedIssueOnceNewestFirst(_ kind: StoreKind, pageSize: Int) async throws {
        try await withTestStore(kind) { store, _ in
            try await walk(store, pageSize: pageSize)
        }
    }

    private func walk(_ store: ServerStore, pageSize: Int) async throws {
        var released: [(date: String, id: String)] = []
        for (date, state) in [
            ("2024-09-02", PublicationState.published), ("2024-09-03", .published), ("2024-09-03", .retracted),
            ("2024-09-04", .draft), ("2024-09-04", .published), ("2024-09-05", .approved),
        ] {
            let fixture = try await IssueFixture.make(in: store, state: state, date: date)
            if state >= .published { released.append((date, fixture.issue)) }
        }
        let expected = released.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map(\.id)

        var seen: [String] = []
        var position: PublicationSnapshotPosition?
        var pages = 0
        repeat {
            let page = try await store.publicationSnapshotPage(
                from: position, limits: PageLimits(maxChanges: pageSize, maxBytes: 1 << 20))
            #expect(page.records.count <= pageSize)
            #expect(page.records.allSatisfy { $0.entity == .publication })
            seen += page.records.map(\.entityID)
            position = page.next
            pages += 1
        } while position != nil && pages < 20
        #expect(seen == expected)
    }
}
