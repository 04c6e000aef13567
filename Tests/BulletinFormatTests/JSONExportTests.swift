import BulletinCore
import Foundation
import Testing

@testable import BulletinFormat

/// The `json` export is the `bulletin show --json` shape.
@Suite struct JSONExportTests {
    let issue: IssueModel
    let json: String

    init() throws {
        issue = try importWithCountingIDs(SampleFixture.text())
        json = BulletinExporter.export(issue, as: .json)
    }

    @Test func hasTheShowJSONFields() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "id-1")
        #expect(object["date"] as? String == "2024-09-05")
        #expect(object["weekday"] as? String == "THỨ NĂM")
        #expect(object["state"] as? String == "draft")
        #expect(object["editor"] as? String == "Thanh Hồng")
        let sections = try #require(object["sections"] as? [[String: Any]])
        #expect(
            sections.compactMap { $0["title"] as? String }
                == ["CHỦ TRƯỞNG CẢI CÁCH", "CẢI CÁCH ĐỊA PHƯƠNG", "QUẢN LÝ HÀNH CHÍNH", "PHÂN TÍCH – BÌNH LUẬN"])
        let articles = sections.flatMap { $0["articles"] as? [[String: Any]] ?? [] }
        #expect(articles.count == 10)
        #expect(articles.compactMap { $0["number"] as? Int } == Array(1...10))
        #expect(articles.allSatisfy { $0["id"] is String && $0["title"] is String && $0["paragraphs"] is [String] })
        let first = try #require(articles.first)
        let source = try #require(first["source"] as? [String: Any])
        #expect(source["outlet"] as? String == "Baophapluat.vn")
        #expect(source["date"] as? String == "05/9")
        #expect(source["authors"] as? [String] == ["Lê Hồng"])
        let notes = try #require(articles[5]["annotations"] as? [[String: Any]])
        #expect(notes.count == 1)
        let note = try #require(notes.first)
        #expect(note["id"] is String)
        #expect(note["kind"] as? String == "fact-check")
        #expect((note["text"] as? String)?.hasPrefix("contents: Long An:") == true)
        #expect(note["author"] as? String == "import")
        #expect(note["resolved"] as? Bool == false)
    }

    @Test func isPrettySortedReadableUTF8() {
        #expect(json.contains("\n  \"cadence\""))
        #expect(json.contains("\"weekday\" : \"THỨ NĂM\""))
        #expect(json.contains("\"date\" : \"05\\/9\"") == false)
        #expect(json.contains("\"date\" : \"05/9\""))
        #expect(json.contains("\"article_id\" : \"id-"))
        #expect(json.hasSuffix("}\n"))
    }

    @Test func decodesBackToTheIssue() throws {
        let decoded = try BulletinJSON.decoder().decode(IssueModel.self, from: Data(json.utf8))
        #expect(decoded == issue)
    }
}
