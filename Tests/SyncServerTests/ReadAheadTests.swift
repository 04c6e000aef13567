import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// A batch reads ahead whether its change ids are logged and its entities' rows (``StoreTransaction/readAhead(for:)``);
/// the outcome must be exactly that of its changes pushed one at a time, which read nothing ahead.
@Suite struct ReadAheadTests {
    /// Creates, updates of entities made earlier in the batch and before it, a change repeated within the batch, a
    /// change logged by an earlier push, an update of an entity that does not exist, a delete and an edit after it
    /// (a conflict), a create of an entity that exists.
    private static func changes() -> (earlier: [ChangeRecord], batch: [ChangeRecord]) {
        var factory = ChangeFactory()
        let issue = ChangeFactory.newID()
        let sections = (0..<3).map { _ in ChangeFactory.newID() }
        let earlier = [factory.issue(issue, date: "2024-09-05"), factory.section(sections[0], issue: issue)]
        let article = ChangeFactory.newID()
        let created = factory.section(sections[1], issue: issue, position: 2)
        let batch = [
            earlier[1],
            created,
            factory.update(.section, sections[0], ["title": "Mục một"]),
            factory.update(.section, sections[1], ["title": "Mục hai"]),
            created,
            factory.update(.section, sections[2], ["title": "Không có"]),
            factory.article(article, issue: issue, section: sections[1]),
            factory.annotation(ChangeFactory.newID(), issue: issue, article: article),
            factory.delete(.section, sections[0]),
            factory.update(.section, sections[0], ["title": "Trở lại"]),
            factory.update(.issue, issue, ["intro": "Giới thiệu"]),
            // Last: within a batch, the changes after a refused create that depend on it are refused too.
            factory.section(sections[1], issue: issue),
        ]
        return (earlier, batch)
    }

    @Test(arguments: StoreKind.available)
    func aBatchReadAheadEndsAsItsChangesPushedOneByOne(_ kind: StoreKind) async throws {
        let (earlier, batch) = Self.changes()
        let together = try await withTestStore(kind) { store, _ in
            _ = try await store.push(earlier)
            let outcome = try await store.push(batch)
            return (outcome.results, try await store.allEntities())
        }
        let oneByOne = try await withTestStore(kind) { store, _ in
            _ = try await store.push(earlier)
            var results: [ChangeResult] = []
            for change in batch { results += try await store.push([change]).results }
            return (results, try await store.allEntities())
        }
        #expect(together.0.map(\.status) == oneByOne.0.map(\.status))
        #expect(together.0.map(\.seq) == oneByOne.0.map(\.seq))
        #expect(together.0.map(\.reason) == oneByOne.0.map(\.reason))
        // Both kinds of refusal, both kinds of duplicate and a conflict are in the batch.
        #expect(together.0.map(\.status).filter { $0 == .duplicate }.count == 2)
        #expect(together.0.map(\.status).filter { $0 == .rejected }.count == 2)
        #expect(together.0.map(\.status).filter { $0 == .conflict }.count == 1)
        // The server makes a conflict's ids afresh each time: the rows are compared without them.
        let rows = { (entities: [StoredEntity]) in
            entities.map { entity in
                entity.kind == "conflict"
                    ? [entity.kind, "\(entity.lastSeq)"]
                    : [
                        entity.kind, entity.id, entity.fields, entity.versions, "\(entity.deleted)",
                        "\(entity.lastSeq)",
                    ]
            }
            .sorted { $0.lexicographicallyPrecedes($1) }
        }
        #expect(rows(together.1) == rows(oneByOne.1))
        #expect(together.1.count == 6)
    }
}
