import BulletinCore
import Foundation
import GRDB
import SyncProtocol
import Testing

@testable import SyncClient

@Suite struct EditingTests {
    @Test func newIssueIsOneCreateWithTheWholeHeaderAndFieldVersions() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        let reference = try store.createIssue(date: "2024-09-05")
        let outbox = try store.outbox()
        let change = try #require(outbox.first)
        #expect(outbox.count == 1)
        #expect(change.op == .create && change.entity == .issue && change.entityID == reference.id)
        #expect(change.author == "Thanh Hồng")
        #expect(change.fields["weekday"] == .string("THỨ NĂM"))
        #expect(change.fields["release_line"] == .string("Phát hành: 05/9/2024"))
        #expect(change.fields["year_line"] == .string("Năm 2024"))
        #expect(change.fields["state"] == .string("draft"))
        #expect(change.fields["editor"] == .string("Thanh Hồng"))
        #expect(Set(change.fields.keys) == Set(IssueRecord.fieldNames))
        let state = try #require(try store.entityState(.issue, id: reference.id))
        #expect(state.fields == change.fields)
        #expect(Set(state.versions.values) == [change.changeID])
    }

    @Test func malformedAndDuplicateDatesAreRefusedWithoutAChange() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        #expect(throws: StoreError.self) { try store.createIssue(date: "2024-02-30") }
        let first = try store.createIssue(date: "2024-09-05")
        #expect(throws: StoreError.duplicateIssueDate(date: "2024-09-05", existingID: first.id)) {
            try store.createIssue(date: "2024-09-05")
        }
        #expect(try store.outbox().count == 1)
    }

    @Test func sectionsAndArticlesAppendInOrderAndAreNumberedAcrossTheIssue() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.createIssue(date: "2024-09-05")
        #expect(try store.addSection(issue: "2024-09-05", title: "CHỦ TRƯỞNG CẢI CÁCH").number == 1)
        #expect(try store.addSection(issue: "2024-09-05", title: "CẢI CÁCH ĐỊA PHƯƠNG").number == 2)
        let inSecond = try store.addArticle(
            issue: "2024-09-05", section: 2, title: "iHanoi", paragraphs: ["Một."],
            source: nil)
        let inFirst = try store.addArticle(
            issue: "2024-09-05", section: 1, title: "Tăng cường", paragraphs: ["Hai.", "", "Ba."],
            source: Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng"]))
        let another = try store.addArticle(
            issue: "2024-09-05", section: 1, title: "Phủ sóng", paragraphs: [],
            source: nil)
        #expect(inSecond.reference == "2024-09-05/1")
        #expect(inFirst.reference == "2024-09-05/1")
        #expect(another.reference == "2024-09-05/2")
        let issue = try store.issue("2024-09-05")
        #expect(issue.sections.map(\.title) == ["CHỦ TRƯỞNG CẢI CÁCH", "CẢI CÁCH ĐỊA PHƯƠNG"])
        #expect(issue.articles.map(\.title) == ["Tăng cường", "Phủ sóng", "iHanoi"])
        #expect(issue.articles.map(\.number) == [1, 2, 3])
        #expect(issue.articles[0].paragraphs == ["Hai.", "Ba."])
        #expect(issue.articles[0].source?.authors == ["Lê Hồng"])
        #expect(try store.article("2024-09-05/3").id == inSecond.id)
    }

    @Test func anUnknownSectionNumberIsRefused() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.createIssue(date: "2024-09-05")
        #expect(throws: StoreError.unknownSection(issue: "2024-09-05", number: 1, count: 0)) {
            try store.addArticle(issue: "2024-09-05", section: 1, title: "T", paragraphs: [], source: nil)
        }
    }

    @Test func editingRecordsOnlyChangedFieldsWithTheirBaseVersions() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.importIssue(StoreFixtures.sampleIssue())
        let before = try #require(try store.entityState(.article, id: "5a000000-0000-4000-8000-0000000000a2"))
        let unchangedTitle = "Lâm Đồng: Đẩy mạnh ứng dụng công nghệ thông tin"
        let edit = try store.editArticle("2024-09-05/2", title: unchangedTitle, paragraphs: ["Đoạn mới.", "Thêm."])
        #expect(edit.changedFields == ["paragraphs"])
        let change = try #require(try store.outbox().last)
        #expect(change.op == .update)
        #expect(change.fields == ["paragraphs": .array([.string("Đoạn mới."), .string("Thêm.")])])
        #expect(change.base == ["paragraphs": try #require(before.versions["paragraphs"])])
        let after = try #require(try store.entityState(.article, id: "5a000000-0000-4000-8000-0000000000a2"))
        #expect(after.versions["paragraphs"] == change.changeID)
        #expect(after.versions["title"] == before.versions["title"])

        let count = try store.outbox().count
        let noop = try store.editArticle("2024-09-05/2", title: unchangedTitle)
        #expect(noop.changedFields.isEmpty)
        #expect(try store.outbox().count == count)
    }

    @Test func removingAnArticleLeavesATombstoneAndRenumbers() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.importIssue(StoreFixtures.sampleIssue())
        let removed = try store.removeArticle("2024-09-05/1")
        #expect(removed.id == "5a000000-0000-4000-8000-0000000000a1")
        #expect(try store.outbox().last?.op == .delete)
        #expect(try store.entityState(.article, id: removed.id)?.deleted == true)
        let issue = try store.issue("2024-09-05")
        #expect(
            issue.articles.map(\.id)
                == ["5a000000-0000-4000-8000-0000000000a2", "5a000000-0000-4000-8000-0000000000a3"])
        #expect(issue.articles.map(\.number) == [1, 2])
        #expect(throws: StoreError.unknownArticle(removed.id)) { try store.removeArticle(removed.id) }
    }

    @Test func annotationsAreAnchoredCheckedAndShownOldestFirst() throws {
        let clock = ManualClock(1_725_530_000_000)
        let store = try LocalStore.inMemory(options: StoreFixtures.options(clock: clock))
        try store.importIssue(StoreFixtures.sampleIssue())
        let note = try store.annotate("2024-09-05/1", text: "Kiểm tra số liệu", kind: .factCheck, paragraph: 1)
        #expect(note.createdAt == "2024-09-05T09:53:20Z")
        #expect(note.author == "Thanh Hồng")
        #expect(throws: StoreError.self) { try store.annotate("2024-09-05/1", text: "x", paragraph: 2) }
        #expect(throws: StoreError.self) { try store.annotate("2024-09-05/1", text: "   ") }
        let annotations = try store.issue("2024-09-05").articles[0].annotations
        #expect(annotations.map(\.text) == ["contents: … / heading: …", "Kiểm tra số liệu"])
        #expect(annotations.last?.paragraph == 1)
        let change = try #require(try store.outbox().last)
        #expect(change.fields["issue_id"] == .string("5a000000-0000-4000-8000-000000000001"))
        #expect(change.fields["resolved"] == .bool(false))
        #expect(change.fields["range"] == .null)
    }

    @Test func stateMovesOnlyForward() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.createIssue(date: "2024-09-05")
        let review = try store.setState(issue: "2024-09-05", to: .review)
        #expect(review.from == .draft && review.to == .review)
        #expect(throws: StoreError.stateNotForward(from: "review", to: "draft")) {
            try store.setState(issue: "2024-09-05", to: .draft)
        }
        #expect(throws: StoreError.stateNotForward(from: "review", to: "review")) {
            try store.setState(issue: "2024-09-05", to: .review)
        }
        try store.setState(issue: "2024-09-05", to: .published)
        #expect(try store.issue("2024-09-05").state == .published)
        let change = try #require(try store.outbox().last)
        #expect(change.fields == ["state": .string("published")])
        #expect(change.base["state"] != nil)
    }

    @Test func importStoresTheWholeIssueInContentsOrder() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        let sample = StoreFixtures.sampleIssue()
        try store.importIssue(sample)
        let stored = try store.issue(sample.id)
        #expect(stored == sample)
        let ops = try store.outbox().map { "\($0.op.rawValue) \($0.entity.rawValue)" }
        #expect(
            ops == [
                "create issue", "create section", "create article", "create annotation", "create article",
                "create section", "create article",
            ])
        #expect(throws: StoreError.duplicateIssueDate(date: "2024-09-05", existingID: sample.id)) {
            try store.importIssue(StoreFixtures.sampleIssue(id: "5a000000-0000-4000-8000-0000000000ff"))
        }
    }

    @Test func changesAreStampedWithAStrictlyIncreasingPersistedClock() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        let clock = ManualClock(2_000_000)
        let store = try LocalStore.create(at: path, editor: "A", options: StoreFixtures.options(clock: clock))
        try store.importIssue(StoreFixtures.sampleIssue())
        clock.set(1_000_000)  // the laptop's clock is set back
        let reopened = try LocalStore.open(at: path, options: StoreFixtures.options(clock: clock))
        try reopened.setState(issue: "2024-09-05", to: .review)
        let stamps = try reopened.outbox().map(\.hlc)
        #expect(stamps == stamps.sorted())
        #expect(Set(stamps).count == stamps.count)
        #expect(stamps.last?.wallMillis == 2_000_000)
        #expect(try reopened.replicaInfo().clientID == "0000aaaa-0000-4000-8000-000000000001")
    }
}
