import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// A batch large enough to be judged ahead on another thread (``PushPreflight``) gets, change for change, the
/// answers the same changes get when each is pushed alone and judged on the writer: valid changes, shape violations,
/// unknown references, text not in the stored form, edits of missing entities.
@Suite(.timeLimit(.minutes(1))) struct PushPreflightTests {
    @Test(arguments: StoreKind.available)
    func aBatchJudgedAheadIsAnsweredAsItsChangesAreAlone(_ kind: StoreKind) async throws {
        var factory = ChangeFactory()
        let (issue, section, article) = (ChangeFactory.newID(), ChangeFactory.newID(), ChangeFactory.newID())
        let kept = ChangeFactory.newID()
        let fixture = [
            factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue),
            factory.article(article, issue: issue, section: section),
            factory.annotation(kept, issue: issue, article: article),
        ]
        let existing = ChangeFactory.newID()
        var batch = [factory.annotation(existing, issue: issue, article: article)]
        for _ in 0..<10 { batch.append(factory.annotation(ChangeFactory.newID(), issue: issue, article: article)) }
        var unknownField = factory.annotation(ChangeFactory.newID(), issue: issue, article: article)
        unknownField.fields["colour"] = "đỏ"
        var upperCaseID = factory.annotation(ChangeFactory.newID().uppercased(), issue: issue, article: article)
        upperCaseID.fields["text"] = "Mã viết hoa"
        var missingField = factory.annotation(ChangeFactory.newID(), issue: issue, article: article)
        missingField.fields["kind"] = nil
        let unknownArticle = factory.annotation(ChangeFactory.newID(), issue: issue, article: ChangeFactory.newID())
        // Decomposed marks and a carriage return: not the stored form, normalised and applied.
        let decomposed = factory.update(.article, article, ["title": "Ca\u{0309}i ca\u{0301}ch\r\nhành chính"])
        let missingArticle = factory.update(.article, ChangeFactory.newID(), ["title": "Không có"])
        let existingAgain = factory.annotation(existing, issue: issue, article: article)
        var deleteWithFields = factory.delete(.annotation, kept)
        deleteWithFields.fields["text"] = "Xoá"
        batch += [
            unknownField, upperCaseID, missingField, unknownArticle, decomposed, missingArticle, existingAgain,
            deleteWithFields,
        ]
        for _ in 0..<5 { batch.append(factory.annotation(ChangeFactory.newID(), issue: issue, article: article)) }
        // Annotations as long as a short article: enough text for the batch to be judged ahead.
        let long = JSONValue.string(String(repeating: "Thủ tục hành chính một cửa. ", count: 60))
        batch = batch.map { change in
            var change = change
            if change.fields["text"] != nil { change.fields["text"] = long }
            return change
        }
        #expect(PushPreflight.start(batch) != nil)

        let together = try await withTestStore(kind) { store, _ in
            _ = try await store.push(fixture)
            let outcome = try await store.push(batch, role: .editor)
            return (outcome.results, try await store.entityState(.article, id: article), try await Self.log(store))
        }
        let alone = try await withTestStore(kind) { store, _ in
            _ = try await store.push(fixture)
            var results: [ChangeResult] = []
            for change in batch { results += try await store.push([change], role: .editor).results }
            return (results, try await store.entityState(.article, id: article), try await Self.log(store))
        }
        #expect(together.0.map(\.status) == alone.0.map(\.status))
        #expect(together.0.map(\.code) == alone.0.map(\.code))
        #expect(together.0.map(\.reason) == alone.0.map(\.reason))
        #expect(together.0.filter { $0.status == .rejected }.count == 7)
        #expect(together.1?.state.fields["title"] == "Cải cách\nhành chính")
        #expect(together.1?.state.fields["title"] == alone.1?.state.fields["title"])
        // The same records logged at the same seqs (the log's texts written ahead on another thread).
        #expect(together.2.count == 4 + 17)
        #expect(together.2 == alone.2)
    }

    /// The work ahead costs more CPU in all than it saves the writer for small records: annotations of a sentence
    /// each are judged inline; the same annotations with a long text each are judged ahead, unless they are too few.
    @Test func onlyBatchesOfEnoughChangesWithEnoughTextAreJudgedAhead() {
        var factory = ChangeFactory()
        let (issue, article) = (ChangeFactory.newID(), ChangeFactory.newID())
        let small = (0..<100).map { _ in factory.annotation(ChangeFactory.newID(), issue: issue, article: article) }
        #expect(small.allSatisfy { PushPreflight.textBytes(of: $0) < PushPreflight.minimumTextBytesPerChange })
        #expect(PushPreflight.start(small) == nil)
        let long = JSONValue.string(String(repeating: "ả", count: PushPreflight.minimumTextBytesPerChange / 2))
        let large = small.map { change in
            var change = change
            change.fields["text"] = long
            return change
        }
        #expect(PushPreflight.start(large) != nil)
        #expect(PushPreflight.start(Array(large.prefix(PushPreflight.minimumChanges - 1))) == nil)
    }

    /// The whole log, in seq order.
    static func log(_ store: ServerStore) async throws -> [ChangeRecord] {
        try await store.logPage(since: 0, bound: .max, limits: PageLimits(maxChanges: 1_000, maxBytes: 1 << 24))
            .records
    }
}
