import BulletinCore
import Foundation
import SyncProtocol
import Testing

@testable import SyncClient

@Suite("Reordering, renaming, citations, resolving annotations, settings")
struct ArrangementTests {
    private func store() throws -> (LocalStore, IssueReference) {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        let issue = try store.createIssue(date: "2024-09-05")
        try store.addSection(issue: issue.id, title: "MỘT")
        try store.addSection(issue: issue.id, title: "HAI")
        try store.addSection(issue: issue.id, title: "BA")
        for title in ["a", "b", "c"] {
            try store.addArticle(issue: issue.id, section: 1, title: title, paragraphs: ["x"], source: nil)
        }
        return (store, issue)
    }

    @Test("Moving a section records one update of its position only")
    func moveSection() throws {
        let (store, issue) = try store()
        let before = try store.pendingTotals().count
        let third = try store.issue(issue.id).sections[2]
        #expect(try store.moveSection(third.id, .up) == 2)
        #expect(try store.issue(issue.id).sections.map(\.title) == ["MỘT", "BA", "HAI"])
        #expect(try store.moveSection(third.id, .up) == 1)
        #expect(try store.issue(issue.id).sections.map(\.title) == ["BA", "MỘT", "HAI"])
        // Already first: nothing recorded.
        #expect(try store.moveSection(third.id, .up) == 1)
        #expect(try store.pendingTotals().count == before + 2)
        #expect(try store.history(of: issue.id).last?.fields == ["position"])
        #expect(try store.moveSection(third.id, .down) == 2)
        #expect(try store.issue(issue.id).sections.map(\.title) == ["MỘT", "BA", "HAI"])
    }

    @Test("Moving an article within its section renumbers the issue")
    func moveArticle() throws {
        let (store, issue) = try store()
        let articles = try store.issue(issue.id).articles
        let moved = try store.moveArticle(articles[2].id, .up)
        #expect(moved.number == 2)
        #expect(try store.issue(issue.id).articles.map(\.title) == ["a", "c", "b"])
        _ = try store.moveArticle(articles[0].id, .down)
        #expect(try store.issue(issue.id).articles.map(\.title) == ["c", "a", "b"])
        _ = try store.moveArticle(articles[1].id, .down)
        #expect(try store.issue(issue.id).articles.map(\.title) == ["c", "a", "b"])
    }

    @Test("Renaming a section; an unknown section or an empty title changes nothing")
    func renameSection() throws {
        let (store, issue) = try store()
        let section = try store.issue(issue.id).sections[0]
        try store.renameSection(section.id, title: "  TIN MỚI ".decomposedStringWithCanonicalMapping)
        let renamed = try store.issue(issue.id).sections[0].title
        #expect(Array(renamed.unicodeScalars) == Array("TIN MỚI".precomposedStringWithCanonicalMapping.unicodeScalars))
        let before = try store.pendingTotals().count
        #expect(throws: StoreError.self) { try store.renameSection(section.id, title: " ") }
        #expect(throws: StoreError.self) { try store.renameSection("00000000-0000-0000-0000-000000000000", title: "x") }
        #expect(try store.pendingTotals().count == before)
        #expect(try store.sectionIssueID(section.id) == issue.id)
        #expect(try store.sectionIssueID("nope") == nil)
    }

    @Test("Setting and removing an article's citation")
    func citation() throws {
        let (store, issue) = try store()
        let article = try store.issue(issue.id).articles[0]
        try store.setArticleSource(
            article.id, source: Citation(outlet: " Nhân Dân ", date: "05/9", authors: ["An", " "]))
        #expect(
            try store.issue(issue.id).articles[0].source
                == Citation(
                    outlet: "Nhân Dân", date: "05/9",
                    authors: ["An"]))
        #expect(throws: StoreError.self) {
            try store.setArticleSource(article.id, source: Citation(outlet: " ", date: "", authors: []))
        }
        try store.setArticleSource(article.id, source: nil)
        #expect(try store.issue(issue.id).articles[0].source == nil)
    }

    @Test("Marking an annotation resolved records one update of `resolved`")
    func resolveAnnotation() throws {
        let (store, issue) = try store()
        let article = try store.issue(issue.id).articles[0]
        let note = try store.annotate(article.id, text: "xem lại", paragraph: 0)
        #expect(try store.annotationLocation(note.id)?.articleID == article.id)
        let resolved = try store.setAnnotationResolved(note.id)
        #expect(resolved.resolved)
        #expect(try store.issue(issue.id).articles[0].annotations[0].resolved)
        #expect(try store.history(of: article.id).last?.fields == ["resolved"])
        #expect(throws: StoreError.self) { try store.setAnnotationResolved("00000000-0000-0000-0000-000000000000") }
    }

    @Test("Local settings are kept in the store (migration v6-settings) and never synced")
    func settings() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        let before = try store.pendingTotals().count
        #expect(try store.setting("desk.language") == nil)
        try store.setSetting("desk.language", to: "en")
        #expect(try store.setting("desk.language") == "en")
        try store.setSetting("desk.language", to: nil)
        #expect(try store.setting("desk.language") == nil)
        #expect(try store.pendingTotals().count == before)
    }

    @Test("Importing bulletin text parses and stores it as an issue")
    func importText() throws {
        let store = try LocalStore.inMemory(options: StoreFixtures.options())
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("BulletinFormatTests/Fixtures/bulletin-2024-09-05.txt")
        let reference = try store.importBulletin(text: try String(contentsOf: url, encoding: .utf8))
        #expect(reference.date == "2024-09-05")
        #expect(try store.issue(reference.id).articles.count == 10)
    }
}
