import BulletinCore
import Foundation
import GRDB
import SyncProtocol
import Testing

@testable import SyncClient

/// Rows that encode themselves write the same JSON column texts as GRDB's Codable default (`JSONEncoder` with
/// `.sortedKeys`), so a store written before and after holds the same bytes.
@Suite struct DatabaseJSONTests {
    private static func grdbText(_ value: some Encodable) throws -> String {
        String(decoding: try ArticleRecord.databaseJSONEncoder(for: "paragraphs").encode(value), as: UTF8.self)
    }

    private static let tricky = [
        "Lâm Đồng: “Phủ sóng” 05/9", "a\\/b", "\"trích\"", "tab\there", "line\nbreak", "\u{0001}\u{001F}\u{007F}",
        "e\u{0301}", "😀 中", "", "//",
    ]

    @Test func stringArraysCitationsAndExtraFieldsMatchGRDB() throws {
        #expect(DatabaseJSON.text(Self.tricky) == (try Self.grdbText(Self.tricky)))
        let citation = Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng", "a/b"])
        #expect(DatabaseJSON.text(FieldEncoding.citation(citation)) == (try Self.grdbText(citation)))
        let extra: [String: JSONValue] = [
            "z/y": .string("1/2"), "n": .int(-3), "d": .double(0.25), "b": .bool(true), "x": .null,
            "a": .array([.string("ư/ờ"), .object(["k": .double(1e21)])]),
        ]
        #expect(DatabaseJSON.text(.object(extra)) == (try Self.grdbText(extra)))
        let versions = ["title": "c/1", "paragraphs": "c2", "đ": "c3", "Z": ""]
        #expect(DatabaseJSON.text(versions) == (try Self.grdbText(versions)))
        #expect(FieldVersions.fromDatabaseValue(FieldVersions(versions).databaseValue) == FieldVersions(versions))
    }

    private static func migratedStore() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try StoreSchema.migrator.migrate(queue)
        return queue
    }

    /// An article whose title and paragraphs hold the texts JSON escapes differently.
    private static func article() -> ArticleRecord {
        var article = ArticleRecord(newID: "0b7c3f5e-0000-4000-8000-000000000001")
        article.searchID = 7
        article.title = "Tiêu đề/1"
        article.paragraphs = tricky
        return article
    }

    /// An article inserted through ``ArticleRecord/insertNew(_:)`` (SQLite's C API) is the row GRDB's `insert` writes.
    @Test func aDirectlyInsertedArticleIsTheRowGRDBInserts() throws {
        let queue = try Self.migratedStore()
        var article = Self.article()
        article.position = -2.5
        article.versions = FieldVersions(["title": "c/1", "paragraphs": "c2"])
        var other = article
        other.id = "0b7c3f5e-0000-4000-8000-000000000002"
        other.searchID = 8
        other.source = Citation(outlet: "Nhandan.vn", date: "5/9", authors: ["a/b"])
        other.contentsPage = 4
        other.extraFields = ["future": .string("x/y")]
        other.deleted = true
        try queue.write { db in
            try article.insert(db)
            try other.insert(db)
            let grdb = try Row.fetchAll(db, sql: "SELECT * FROM article ORDER BY id")
            try db.execute(sql: "DELETE FROM article")
            try article.insertNew(db)
            try other.insertNew(db)
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM article ORDER BY id") == grdb)
            #expect(try ArticleRecord.fetchAll(db, sql: "SELECT * FROM article ORDER BY id") == [article, other])
        }
    }

    @Test func articleAndChangeLogRowsReadBackAsWritten() throws {
        let queue = try Self.migratedStore()
        var article = Self.article()
        article.issueID = "issue"
        article.sectionID = "section"
        article.source = Citation(outlet: "Nhandan.vn", date: "5/9", authors: [])
        article.contentsPage = 4
        article.position = 2.5
        article.extraFields = ["future": .string("x/y")]
        let logged = ChangeLogRecord(
            changeID: "c1", entity: .article, entityID: article.id, issueID: "issue", articleID: article.id,
            op: .update, fields: ["paragraphs", "title"], author: "Thanh Hồng", clientID: "client",
            hlc: "001725523200000-00003", seq: nil)
        try queue.write { db in
            try article.insert(db)
            try logged.insert(db)
        }
        let (readArticle, readLog, rawParagraphs) = try queue.read { db in
            (
                try ArticleRecord.fetchOne(db, key: article.id), try ChangeLogRecord.fetchOne(db, key: "c1"),
                try String.fetchOne(db, sql: "SELECT paragraphs FROM article")
            )
        }
        #expect(readArticle == article)
        #expect(readLog == logged)
        #expect(rawParagraphs == (try Self.grdbText(Self.tricky)))
    }
}
