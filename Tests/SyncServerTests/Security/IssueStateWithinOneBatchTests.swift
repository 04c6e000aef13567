import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// The access policy and the late-edit rule judge each change of a batch by its issue's state as it stands then,
/// also when an earlier change of the same batch moved it: a push's transaction remembers issue states
/// (``EntityRowCache``), and writing the issue must make it forget.
@Suite(.timeLimit(.minutes(1))) struct IssueStateWithinOneBatchTests {
    @Test(arguments: StoreKind.available)
    func aRetractionRefusesTheLaterChangesOfItsOwnBatch(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            let fixture = try await IssueFixture.make(in: store, state: .published)
            var factory = ChangeFactory()
            let outcome = try await store.push(
                [
                    // Read while the issue is published: a chief may still correct it.
                    factory.update(.article, fixture.article, ["title": "Đính chính"]),
                    factory.update(.issue, fixture.issue, ["state": "retracted"]),
                    // Read after the retraction in the same transaction: nothing changes any more.
                    factory.update(.article, fixture.article, ["title": "Sau khi thu hồi"]),
                    factory.update(.section, fixture.section, ["title": "Mục sau khi thu hồi"]),
                ], role: .chief)
            #expect(outcome.results.map(\.status) == [.applied, .applied, .rejected, .rejected])
            #expect(outcome.results.suffix(2).allSatisfy { $0.code == ErrorCode.forbidden.name })
            let article = try #require(try await store.entityState(.article, id: fixture.article))
            #expect(article.state.fields["title"] == "Đính chính")
        }
    }
}
