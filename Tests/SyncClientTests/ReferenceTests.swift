import BulletinCore
import Testing

@testable import SyncClient

@Suite struct ReferenceTests {
    private func store() throws -> LocalStore {
        let store = try LocalStore.inMemory(options: StoreFixtures.options(ids: SequentialIDs(prefix: "abcd1234")))
        try store.importIssue(StoreFixtures.sampleIssue())
        return store
    }

    @Test func issuesResolveByIdPrefixAndDate() throws {
        let store = try store()
        let id = "5a000000-0000-4000-8000-000000000001"
        #expect(try store.issue(id).id == id)
        #expect(try store.issue("5A000000-0000-4000-8000-00000000000").id == id)
        #expect(try store.issue("2024-09-05").id == id)
        #expect(throws: StoreError.unknownIssue("2024-09-06")) { try store.issue("2024-09-06") }
        #expect(throws: StoreError.unknownIssue("zz")) { try store.issue("zz") }
        #expect(throws: StoreError.unknownIssue("5a*")) { try store.issue("5a*") }
    }

    @Test func anAmbiguousIssuePrefixNamesTheCandidates() throws {
        let store = try store()
        let first = try store.createIssue(date: "2024-09-06")
        let second = try store.createIssue(date: "2024-09-09")
        #expect(first.id.hasPrefix("abcd1234-") && second.id.hasPrefix("abcd1234-"))
        #expect(
            throws: StoreError.ambiguousIssue(
                "abcd",
                candidates: [
                    "\(first.id) (2024-09-06)", "\(second.id) (2024-09-09)",
                ])
        ) {
            try store.issue("abcd")
        }
        #expect(try store.issue(second.id).date == "2024-09-09")
    }

    @Test func articlesResolveByDateNumberIdAndPrefix() throws {
        let store = try store()
        #expect(try store.article("2024-09-05/3").id == "5a000000-0000-4000-8000-0000000000a3")
        #expect(try store.article("5a000000-0000-4000-8000-0000000000a2").reference == "2024-09-05/2")
        #expect(try store.article("5a000000-0000-4000-8000-0000000000a1").number == 1)
        #expect(throws: StoreError.self) { try store.article("2024-09-05/4") }
        #expect(throws: StoreError.self) { try store.article("2024-09-05/0") }
        #expect(throws: StoreError.unknownIssue("2024-09-06")) { try store.article("2024-09-06/1") }
        #expect(throws: StoreError.unknownArticle("nope")) { try store.article("nope") }
    }

    @Test func anAmbiguousArticlePrefixIsAnErrorListingReferences() throws {
        let store = try store()
        do {
            _ = try store.article("5a000000-0000-4000-8000-0000000000a")
            Issue.record("expected an ambiguity error")
        } catch let error as StoreError {
            guard case .ambiguousArticle(let reference, let candidates) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reference == "5a000000-0000-4000-8000-0000000000a")
            #expect(
                candidates == [
                    "5a000000-0000-4000-8000-0000000000a1 (2024-09-05/1)",
                    "5a000000-0000-4000-8000-0000000000a2 (2024-09-05/2)",
                    "5a000000-0000-4000-8000-0000000000a3 (2024-09-05/3)",
                ])
            #expect(error.description.contains("matches several articles"))
        }
    }
}
