import BulletinCore
import Hummingbird
import HummingbirdTesting
import SyncClient
import Testing

@testable import BulletinDesk

@Suite("Every page and action of the desk, in-process")
struct RouteTests {
    @Test("The issues list: Vietnamese by default, dates as the bulletin writes them, the counts")
    func issuesList() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let response = try await client.get("/")
            #expect(response.status == .ok)
            let page = response.text
            #expect(page.contains("<html lang=\"vi\">"))
            #expect(page.contains("Thứ Năm, 05/9/2024"))
            #expect(page.contains("href=\"/issues/\(fixture.issueID)\""))
            #expect(page.contains("id=\"issues-table\""))
            #expect(page.contains("Bản nháp"))
            #expect(page.components(separatedBy: "<h1").count == 2)
        }
    }

    @Test("The issue page is laid out like the bulletin: masthead, contents, sections, numbered articles")
    func issuePage() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let page = try await client.get("/issues/\(fixture.issueID)").text
            #expect(page.components(separatedBy: "<h1").count == 2)
            #expect(page.contains("CẢI CÁCH HÀNH CHÍNH"))
            #expect(page.contains("Mục lục"))
            #expect(page.contains("CHỦ TRƯỞNG CẢI CÁCH"))
            #expect(page.contains("<span class=\"story-number\">10.</span>"))
            #expect(page.contains("Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính"))
            #expect(page.contains("(Baophapluat.vn 05/9, Lê Hồng)"))
            #expect(page.contains("Biên tập viên"))
            #expect(page.contains("id=\"sync-status\""))
            #expect(page.contains("aria-live=\"polite\""))
        }
    }

    @Test("Editing an article's title and paragraphs in place, NFD input stored as NFC")
    func editArticle() async throws {
        let fixture = try DeskFixture()
        let article = try fixture.store.issue(fixture.issueID).articles[2]
        let nfdTitle = "iHanoi đã tiếp nhận 5.700 phản ánh".decomposedStringWithCanonicalMapping
        try await fixture.run { client in
            let form = try await client.get("/issues/\(fixture.issueID)?edit=\(article.id)").text
            #expect(form.contains("id=\"edit-\(article.id)\""))
            #expect(form.contains("name=\"paragraphs\""))
            let response = try await client.post(
                "/articles/\(article.id)",
                [
                    ("title", nfdTitle), ("paragraphs", "Đoạn một.\r\n\r\nĐoạn hai."),
                    ("base_title", article.title), ("base_paragraphs", ParagraphText.join(article.paragraphs)),
                    ("outlet", article.source?.outlet ?? ""), ("source_date", article.source?.date ?? ""),
                    ("authors", article.source?.authors.joined(separator: ", ") ?? ""),
                ])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/issues/\(fixture.issueID)#a-\(article.id)")
        }
        let stored = try fixture.store.articleText(article.id)
        #expect(stored.title == "iHanoi đã tiếp nhận 5.700 phản ánh")
        #expect(
            stored.title.unicodeScalars.elementsEqual(stored.title.precomposedStringWithCanonicalMapping.unicodeScalars)
        )
        #expect(stored.paragraphs == ["Đoạn một.", "Đoạn hai."])
        let log = try fixture.store.history(of: article.id)
        #expect(log.last?.fields.sorted() == ["paragraphs", "title"])
    }

    @Test("A save over another editor's change to the same field is not written: the form comes back")
    func editClash() async throws {
        let fixture = try DeskFixture()
        let article = try fixture.store.issue(fixture.issueID).articles[0]
        try fixture.store.editArticle(article.id, title: "Tiêu đề của biên tập viên khác")
        try await fixture.run { client in
            let response = try await client.post(
                "/articles/\(article.id)",
                [
                    ("title", "Tiêu đề của tôi"), ("paragraphs", ParagraphText.join(article.paragraphs)),
                    ("base_title", article.title), ("base_paragraphs", ParagraphText.join(article.paragraphs)),
                ])
            #expect(response.status == .conflict)
            #expect(response.text.contains("id=\"edit-\(article.id)-clash\""))
            #expect(response.text.contains("value=\"Tiêu đề của tôi\""))
        }
        #expect(try fixture.store.articleText(article.id).title == "Tiêu đề của biên tập viên khác")
    }

    @Test("Annotations: added to a paragraph, shown beside it with kind and author, marked resolved")
    func annotations() async throws {
        let fixture = try DeskFixture()
        let article = try fixture.store.issue(fixture.issueID).articles[0]
        try await fixture.run { client in
            let added = try await client.post(
                "/articles/\(article.id)/annotations",
                [
                    ("paragraph", "1"), ("kind", "fact-check"), ("text", "Kiểm tra lại số liệu"),
                ])
            #expect(added.status == .seeOther)
            let note = try #require(try fixture.store.issue(fixture.issueID).articles[0].annotations.first)
            #expect(note.paragraph == 1)
            #expect(note.kind == .factCheck)
            let page = try await client.get("/issues/\(fixture.issueID)").text
            #expect(page.contains("id=\"n-\(note.id)\""))
            #expect(page.contains("Kiểm chứng"))
            #expect(page.contains("Thanh Hồng"))
            #expect(page.contains("vừa xong"))
            let resolved = try await client.post("/annotations/\(note.id)/resolve", [])
            #expect(resolved.status == .seeOther)
            let badParagraph = try await client.post(
                "/articles/\(article.id)/annotations",
                [
                    ("paragraph", "99"), ("kind", "comment"), ("text", "x"),
                ])
            #expect(badParagraph.status == .badRequest)
        }
        #expect(try fixture.store.issue(fixture.issueID).articles[0].annotations.first?.resolved == true)
    }

    @Test("The workflow: an editor sends for review; a chief approves and publishes")
    func workflow() async throws {
        let editor = try DeskFixture(role: .editor)
        try await editor.run { client in
            let response = try await client.post("/issues/\(editor.issueID)/state", [("state", "review")])
            #expect(response.status == .seeOther)
        }
        #expect(try editor.store.issue(editor.issueID).state == .review)
        let chief = try DeskFixture(role: .chief)
        try await chief.run { client in
            #expect(try await client.post("/issues/\(chief.issueID)/state", [("state", "review")]).status == .seeOther)
            #expect(
                try await client.post("/issues/\(chief.issueID)/state", [("state", "approved")]).status == .seeOther)
            let page = try await client.get("/issues/\(chief.issueID)").text
            #expect(page.contains("id=\"state-published\""))
            #expect(
                try await client.post("/issues/\(chief.issueID)/state", [("state", "published")]).status == .seeOther)
            // Skipping a step is not offered, so it is refused.
            #expect(
                try await client.post("/issues/\(chief.issueID)/state", [("state", "published")]).status
                    == .forbidden)
        }
        #expect(try chief.store.issue(chief.issueID).state == .published)
    }

    @Test("Sections and articles: added, renamed, reordered, removed")
    func arrangement() async throws {
        let fixture = try DeskFixture()
        let issue = try fixture.store.issue(fixture.issueID)
        try await fixture.run { client in
            #expect(
                try await client.post("/issues/\(fixture.issueID)/sections", [("title", "TIN MỚI")]).status
                    == .seeOther)
            let added = try await client.post(
                "/issues/\(fixture.issueID)/articles",
                [
                    ("section", "5"), ("title", "Bài mới"), ("paragraphs", "Một.\n\nHai."), ("outlet", "Nhân Dân"),
                    ("source_date", "06/9"), ("authors", "An, Bình"),
                ])
            #expect(added.status == .seeOther)
            let section = issue.sections[1]
            #expect(try await client.post("/sections/\(section.id)/move", [("direction", "up")]).status == .seeOther)
            #expect(try await client.post("/sections/\(section.id)", [("title", "ĐỊA PHƯƠNG")]).status == .seeOther)
            let second = issue.sections[1].articles[1]
            #expect(try await client.post("/articles/\(second.id)/move", [("direction", "up")]).status == .seeOther)
            let last = issue.articles.last!
            #expect(try await client.post("/articles/\(last.id)/delete", []).status == .seeOther)
        }
        let after = try fixture.store.issue(fixture.issueID)
        #expect(after.sections.map(\.title).prefix(2) == ["ĐỊA PHƯƠNG", "CHỦ TRƯỞNG CẢI CÁCH"])
        #expect(after.sections.last?.title == "TIN MỚI")
        let newArticle = try #require(after.sections.last?.articles.first)
        #expect(newArticle.paragraphs == ["Một.", "Hai."])
        #expect(newArticle.source == Citation(outlet: "Nhân Dân", date: "06/9", authors: ["An", "Bình"]))
        #expect(after.sections[0].articles.first?.id == issue.sections[1].articles[1].id)
        #expect(!after.articles.contains { $0.id == issue.articles.last!.id })
    }

    @Test("Create an issue, import a bulletin file, export it in every format")
    func createImportExport() async throws {
        let fixture = try DeskFixture(importSample: false)
        let sample = try DeskFixture.sample()
        try await fixture.run { client in
            let created = try await client.post("/issues", [("date", "2024-09-06")])
            #expect(created.status == .seeOther)
            let duplicate = try await client.post("/issues", [("date", "2024-09-06")])
            #expect(duplicate.status == .conflict)
            let boundary = "----desk-test-boundary"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ncsrf-token\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.txt\"\r\n"
            body += "Content-Type: text/plain\r\n\r\n\(sample)\r\n--\(boundary)--\r\n"
            let imported = try await client.execute(
                uri: "/import", method: .post,
                headers: DeskFixture.headers(extra: [.contentType: "multipart/form-data; boundary=\(boundary)"]),
                body: ByteBuffer(string: body))
            #expect(imported.status == .seeOther)
            let location = try #require(imported.headers[.location])
            let id = String(location.dropFirst("/issues/".count))
            for format in ["bulletin", "markdown", "html", "json"] {
                let export = try await client.get("/issues/\(id)/export?format=\(format)")
                #expect(export.status == .ok, "\(format)")
                #expect(export.headers[.contentDisposition]?.contains("bulletin-2024-09-05") == true)
                #expect(export.text.contains("iHanoi"))
            }
            #expect(try await client.get("/issues/\(id)/export?format=pdf").status == .badRequest)
        }
        #expect(try fixture.store.issueSummaries().map(\.date) == ["2024-09-06", "2024-09-05"])
    }

    @Test("Search folds diacritics and highlights; history lists who changed what")
    func searchAndHistory() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let page = try await client.get("/search?q=cai+cach").text
            #expect(page.contains("<mark>"))
            #expect(page.contains("id=\"search-results\""))
            let empty = try await client.get("/search?q=%22%22")
            #expect(empty.status == .badRequest)
            let history = try await client.get("/issues/\(fixture.issueID)/history").text
            #expect(history.contains("Thanh Hồng"))
            #expect(history.contains("chờ đồng bộ"))
            #expect(try await client.get("/history").status == .ok)
            #expect(try await client.get("/issues/\(fixture.issueID)/print").status == .ok)
        }
    }

    @Test("The language: --lang, the switch (remembered in the store), Accept-Language")
    func language() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let english = try await client.get("/", headers: DeskFixture.headers(extra: [.acceptLanguage: "en-GB,en"]))
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("Thursday, 5 September 2024"))
            let switched = try await client.post("/language", [("lang", "en"), ("return", "/search")])
            #expect(switched.status == .seeOther)
            #expect(switched.headers[.location] == "/search")
            #expect(try await client.get("/").text.contains("<html lang=\"en\">"))
            let offsite = try await client.post("/language", [("lang", "vi"), ("return", "//evil.example/")])
            #expect(offsite.headers[.location] == "/")
        }
        #expect(try fixture.store.setting("desk.language") == "vi")
        let reopened = try Desk(store: fixture.store, secrets: DeskFixture.secrets)
        _ = reopened
        let fixed = try DeskFixture(language: .en)
        try await fixed.run { client in
            let page = try await client.get("/", headers: DeskFixture.headers(extra: [.acceptLanguage: "vi"])).text
            #expect(page.contains("<html lang=\"en\">"))
        }
    }

    @Test("A field office sees published issues only, read-only")
    func fieldOffice() async throws {
        let fixture = try DeskFixture(role: .fieldOffice)
        try await fixture.run { client in
            let list = try await client.get("/").text
            #expect(!list.contains(fixture.issueID))
            #expect(!list.contains("id=\"create-issue\""))
            #expect(try await client.get("/issues/\(fixture.issueID)").status == .notFound)
            let article = try fixture.store.issue(fixture.issueID).articles[0]
            #expect(try await client.post("/articles/\(article.id)/annotations", [("text", "x")]).status == .forbidden)
        }
    }

    @Test("Assets are served from the binary")
    func assets() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let css = try await client.get("/assets/desk.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType]?.hasPrefix("text/css") == true)
            #expect(css.text.contains("@media print"))
            let script = try await client.get("/assets/desk.js")
            #expect(script.text.contains("EventSource"))
        }
    }
}
