import BulletinCore
import GRDB
import SyncProtocol
import TestSupport
import Testing

@testable import SyncClient

@Suite struct SearchTests {
    private func store() throws -> LocalStore {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.importIssue(StoreFixtures.sampleIssue())
        return store
    }

    @Test func queriesWithoutDiacriticsFindTextWithThem() throws {
        let store = try store()
        let hits = try store.search("cai cach")
        #expect(hits.map(\.ref) == ["2024-09-05/1"])
        #expect(hits.first?.title == "Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính")
    }

    @Test func dongFindsDongWithStrokeAndViceVersa() throws {
        let store = try store()
        // "đồng bộ" (article 1), "Lâm Đồng" (article 2), "tỷ dong" (article 3, written without accents).
        #expect(Set(try store.search("dong").map(\.ref)) == ["2024-09-05/1", "2024-09-05/2", "2024-09-05/3"])
        #expect(Set(try store.search("Đồng").map(\.ref)) == ["2024-09-05/1", "2024-09-05/2", "2024-09-05/3"])
        #expect(try store.search("đồng bộ").map(\.ref) == ["2024-09-05/1"])
        // "làm việc … đồng bộ" in article 1 matches too; "Lâm Đồng" in article 2's title ranks first.
        #expect(try store.search("lam dong").map(\.ref) == ["2024-09-05/2", "2024-09-05/1"])
    }

    @Test func titleMatchesRankFirst() throws {
        let store = try store()
        // "Lâm Đồng" is in article 2's title and body; "đồng" only in article 1's body.
        let hits = try store.search("dong")
        #expect(hits.first?.ref == "2024-09-05/2")
        #expect(hits.map(\.rank) == [1, 2, 3])
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
    }

    @Test func snippetsShowTheOriginalVietnameseWithMatchesMarked() throws {
        let store = try store()
        let hit = try #require(try store.search("dong bo").first)
        #expect(
            hit.snippet
                == "Công tác tham mưu được triển khai «đồng» «bộ», xuyên suốt từ Trung ương đến địa phương.")
        let number = try #require(try store.search("5.700").first)
        #expect(number.snippet == "Tỉnh Lâm Đồng đã tiếp nhận «5».«700» hồ sơ trực tuyến.")
    }

    @Test func snippetsKeepEveryGraphemeClusterWhole() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.createIssue(date: "2024-09-06")
        try store.addSection(issue: "2024-09-06", title: "ĐỜI SỐNG")
        // "q̃" has no precomposed form: q + U+0303 stays two scalars in NFC, one character.
        try store.addArticle(
            issue: "2024-09-06", section: 1, title: "Gia đình",
            paragraphs: ["Gia đình 👩‍👩‍👧 đọc báo q\u{0303}ua mạng, ĐỌC BÁO giấy."], source: nil)
        let reading = try #require(try store.search("doc bao").first?.snippet)
        #expect(reading == "Gia đình 👩‍👩‍👧 «đọc» «báo» q\u{0303}ua mạng, «ĐỌC» «BÁO» giấy.")
        let marked = try #require(try store.search("qua").first?.snippet)
        #expect(marked == "Gia đình 👩‍👩‍👧 đọc báo «q\u{0303}ua» mạng, ĐỌC BÁO giấy.")
    }

    @Test func longParagraphsAreCutAroundTheMatches() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        try store.createIssue(date: "2024-09-06")
        try store.addSection(issue: "2024-09-06", title: "PHÂN TÍCH")
        let filler = (1...40).map { "từ\($0)" }.joined(separator: " ")
        try store.addArticle(
            issue: "2024-09-06", section: 1, title: "Dài",
            paragraphs: [filler + " chuyển đổi số " + filler], source: nil)
        let snippet = try #require(try store.search("chuyen doi").first?.snippet)
        #expect(snippet.hasPrefix("…từ38 từ39 từ40 «chuyển» «đổi» số từ1"))
        #expect(snippet.hasSuffix("…"))
    }

    @Test func prefixesAndPhrasesWork() throws {
        let store = try store()
        #expect(try store.search("minh*").map(\.ref) == ["2024-09-05/3"])
        #expect(try store.search("9,7").map(\.ref) == ["2024-09-05/3"])
        #expect(try store.search("\"quoted\" OR NOT").isEmpty)
    }

    @Test func editsAndRemovalsUpdateTheIndex() throws {
        let store = try store()
        try store.editArticle("2024-09-05/3", paragraphs: ["Hợp tác xã nông nghiệp."])
        #expect(try store.search("hop tac").map(\.ref) == ["2024-09-05/3"])
        #expect(try store.search("ngan sach").isEmpty)
        try store.removeArticle("2024-09-05/3")
        #expect(try store.search("hop tac").isEmpty)
    }

    /// Words the index itself matches, below the article filter of `search`: the contentless index must forget the
    /// text of a replaced or removed article, not only hide it.
    private func indexedRowCount(_ store: LocalStore, matching words: String) throws -> Int {
        try store.writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM article_search WHERE article_search MATCH ?",
                arguments: [words]) ?? -1
        }
    }

    @Test func theIndexForgetsReplacedAndRemovedText() throws {
        let store = try store()
        #expect(try indexedRowCount(store, matching: "ngan sach") == 1)
        try store.editArticle("2024-09-05/3", paragraphs: ["Hợp tác xã nông nghiệp."])
        try store.editArticle("2024-09-05/3", paragraphs: ["Hợp tác xã thủy sản."])
        #expect(try indexedRowCount(store, matching: "ngan sach") == 0)
        #expect(try indexedRowCount(store, matching: "nong nghiep") == 0)
        #expect(try indexedRowCount(store, matching: "thuy san") == 1)
        try store.removeArticle("2024-09-05/3")
        #expect(try indexedRowCount(store, matching: "thuy san") == 0)
        #expect(try indexedRowCount(store, matching: "dong") == 2)
    }

    @Test func aStoreFromBeforeTheContentlessIndexIsReindexedWhenOpened() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        // One id sequence for both opens: the edit below must not reuse a change id of the import.
        let options = StoreFixtures.options()
        do {
            // Today's code writes the rows; they are copied into a store at the schema before the contentless index.
            let currentPath = directory.path("current.sqlite")
            let current = try LocalStore.create(at: currentPath, editor: "Thanh Hồng", options: options)
            try current.importIssue(StoreFixtures.sampleIssue())
            try current.writer.close()
            let pool = try DatabasePool(path: path)
            try StoreSchema.migrator.migrate(pool, upTo: "v4-conflicts")
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS current", arguments: [currentPath])
                try db.inTransaction {
                    try copyRowsOfTheOlderSchema(in: db)
                    return .commit
                }
                try db.execute(sql: "DETACH DATABASE current")
            }
            #expect(
                try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_search_content") }
                    == 3)
        }
        let store = try LocalStore.open(at: path, options: options)
        #expect(try store.writer.read { db in try db.tableExists("article_search_content") } == false)
        #expect(Set(try store.search("dong").map(\.ref)) == ["2024-09-05/1", "2024-09-05/2", "2024-09-05/3"])
        try store.editArticle("2024-09-05/3", paragraphs: ["Hợp tác xã nông nghiệp."])
        #expect(try indexedRowCount(store, matching: "ngan sach") == 0)
    }

    /// Copies the attached store `current` into the main one, which has an older schema: the columns the older
    /// tables have, the per-field versions into the `field_version` table they had, and the articles' folded texts
    /// into the index (which then kept a copy of them).
    private func copyRowsOfTheOlderSchema(in db: Database) throws {
        for table in ["replica", "issue", "section", "article", "annotation", "outbox", "change_log"] {
            let columns = try db.columns(in: table, in: "main").map { "\"\($0.name)\"" }.joined(separator: ", ")
            try db.execute(sql: "INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM current.\(table)")
            guard table != "replica", table != "outbox", table != "change_log" else { continue }
            try db.execute(
                sql: """
                    INSERT INTO main.field_version (entity, entity_id, field, change_id)
                    SELECT '\(table)', row.id, version.key, version.value
                    FROM current.\(table) AS row, json_each(row.versions) AS version
                    """)
        }
        let articles = try ArticleRecord.fetchAll(db, sql: "SELECT * FROM current.article")
        for article in articles {
            try db.execute(
                sql: "INSERT INTO main.article_search (rowid, title, body) VALUES (?, ?, ?)",
                arguments: [
                    article.searchID, DiacriticFolding.fold(article.title),
                    DiacriticFolding.fold(article.paragraphs.joined(separator: "\n")),
                ])
        }
    }

    /// Pages of many articles are folded on a second thread (``FoldAhead``) while the store writes them: the index
    /// must hold each article's own folded text, and updates must replace it.
    @Test func articlesOfALargePulledPageAreFoundAndTheirUpdatesReplaceTheIndexedText() throws {
        let store = try store()
        let count = FoldAhead.minimumArticles * 5
        let issue = "5a000000-0000-4000-8000-000000000001"
        func article(_ number: Int) -> String { "5d000000-0000-4000-8000-\(String(100_000_000_000 + number))" }
        func page(_ round: Int, city: String) -> [ChangeRecord] {
            (1...count).map { number in
                ChangeRecord(
                    changeID: "r\(round)-\(number)", entity: .article, entityID: article(number),
                    op: round == 0 ? .create : .update,
                    fields: [
                        "issue_id": .string(issue), "section_id": .string("s"), "position": .double(Double(number)),
                        "title": .string("Đường sắt số \(number)"),
                        "paragraphs": .array([.string("Tàu về \(city) lúc \(number) giờ."), .string("Đúng giờ.")]),
                    ],
                    hlc: HLCTimestamp(wallMillis: Int64(round * 1_000 + number), counter: 0), author: "Minh Quân",
                    clientID: "other", seq: Int64(round * count + number))
            }
        }
        try store.applyPulled(page(0, city: "Đà Nẵng"), cursor: Int64(count))
        #expect(try indexedRowCount(store, matching: "\"da nang\"") == count)
        for number in [1, count / 2, count] {
            #expect(try store.search("đường sắt \(number)").map(\.articleID) == [article(number)])
        }
        try store.applyPulled(page(1, city: "Hải Phòng"), cursor: Int64(2 * count))
        #expect(try indexedRowCount(store, matching: "\"da nang\"") == 0)
        #expect(try indexedRowCount(store, matching: "\"hai phong\"") == count)
        #expect(try store.search("hai phong \(count)").map(\.articleID) == [article(count)])
    }

    @Test func articlesOfADeletedIssueAreNotFound() throws {
        let store = try store()
        try store.createIssue(date: "2024-09-06")
        try store.addSection(issue: "2024-09-06", title: "PHÂN TÍCH")
        try store.addArticle(issue: "2024-09-06", section: 1, title: "Đồng bộ dữ liệu", paragraphs: [], source: nil)
        #expect(try store.search("dong bo").count == 2)
        let deletion = ChangeRecord(
            changeID: "d1", entity: .issue, entityID: "5a000000-0000-4000-8000-000000000001", op: .delete,
            hlc: HLCTimestamp(wallMillis: 1, counter: 0), author: "Minh Quân", clientID: "other", seq: 1)
        try store.applyPulled([deletion], cursor: 1)
        #expect(try store.search("dong bo", limit: 1).map(\.ref) == ["2024-09-06/1"])
    }

    @Test func aHitShowsItsIssueDateNumberAndTitleAndAnUnreadableRowIsAnErrorNotAnEmptyHit() throws {
        let store = try store()
        let hit = try #require(try store.search("cai cach").first)
        let issue = try store.issue("2024-09-05")
        #expect(hit.issueID == issue.id && hit.date == "2024-09-05" && hit.number == 1)
        #expect(hit.articleID == issue.sections.first?.articles.first?.id)
        try store.writer.write { db in
            try db.execute(sql: "UPDATE article SET paragraphs = '[1]' WHERE id = ?", arguments: [hit.articleID])
        }
        #expect(
            throws: StoreError.corruptRow(
                table: "article", key: hit.articleID, reason: "paragraphs is not an array of strings")
        ) {
            try store.search("cai cach")
        }
    }

    @Test func aQueryWithoutWordsIsAnError() throws {
        let store = try store()
        #expect(throws: StoreError.self) { try store.search(" … ") }
    }
}
