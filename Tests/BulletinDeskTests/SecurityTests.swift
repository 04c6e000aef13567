import BulletinCore
import Hummingbird
import HummingbirdTesting
import SyncClient
import Testing

@testable import BulletinDesk

@Suite("A local web server that other sites cannot use")
struct SecurityTests {
    @Test("The launch key is exchanged for an HttpOnly SameSite=Strict cookie and dropped from the address bar")
    func keyExchange() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let response = try await client.get("/?key=launch-key", headers: DeskFixture.headers(cookie: false))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("bulletin_desk=session-value"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let wrong = try await client.get("/?key=guess", headers: DeskFixture.headers(cookie: false))
            #expect(wrong.status == .forbidden)
            #expect(wrong.headers[.setCookie] == nil)
        }
    }

    @Test("Without the session cookie nothing is served, and the refusal carries no token")
    func noCookie() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            for path in ["/", "/issues/\(fixture.issueID)", "/assets/desk.js", "/events"] {
                let response = try await client.get(path, headers: DeskFixture.headers(cookie: false))
                #expect(response.status == .forbidden, "\(path)")
                #expect(!response.text.contains("csrf-token"))
                #expect(!response.text.contains("Tăng cường"))
            }
        }
    }

    @Test("A Host header other than the served address is refused (DNS rebinding)")
    func rebinding() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            for host in ["evil.example:4242", "127.0.0.1:4243", "attacker.test"] {
                let response = try await client.get("/", headers: DeskFixture.headers(host: host))
                #expect(response.status == .forbidden, "\(host)")
                #expect(!response.text.contains("csrf-token"))
            }
            #expect(try await client.get("/", headers: DeskFixture.headers(host: "localhost:4242")).status == .ok)
        }
    }

    @Test("Every response carries a CSP without inline script or style, and no caching")
    func headers() async throws {
        let fixture = try DeskFixture()
        try await fixture.run { client in
            let response = try await client.get("/")
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(policy.contains("frame-ancestors 'none'"))
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(!response.text.contains(" style="))
            #expect(!response.text.contains("<script>"))
        }
    }

    @Test("A POST without the CSRF token, or from another site, changes nothing")
    func csrf() async throws {
        let fixture = try DeskFixture()
        let article = try fixture.store.issue(fixture.issueID).articles[0]
        let before = try fixture.store.pendingTotals().count
        try await fixture.run { client in
            let missing = try await client.post("/articles/\(article.id)", [("title", "Hacked")], csrf: nil)
            #expect(missing.status == .forbidden)
            let wrong = try await client.post("/articles/\(article.id)", [("title", "Hacked")], csrf: "nope")
            #expect(wrong.status == .forbidden)
            var crossSite = DeskFixture.headers(extra: DeskFixture.formType)
            crossSite[.init("Sec-Fetch-Site")!] = "cross-site"
            let forged = try await client.post("/articles/\(article.id)", [("title", "Hacked")], headers: crossSite)
            #expect(forged.status == .forbidden)
            var foreignOrigin = DeskFixture.headers(extra: DeskFixture.formType)
            foreignOrigin[.origin] = "http://evil.example"
            let foreign = try await client.post(
                "/articles/\(article.id)", [("title", "Hacked")],
                headers: foreignOrigin)
            #expect(foreign.status == .forbidden)
        }
        #expect(try fixture.store.articleText(article.id).title == article.title)
        #expect(try fixture.store.pendingTotals().count == before)
    }

    @Test("Hostile text in titles, paragraphs, annotations and author names is escaped everywhere")
    func escaping() async throws {
        let hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
        let fixture = try DeskFixture(editor: "Eve \(hostile)")
        let article = try fixture.store.issue(fixture.issueID).articles[0]
        try fixture.store.editArticle(article.id, title: "T \(hostile)", paragraphs: ["P \(hostile)", "second"])
        try fixture.store.annotate(article.id, text: "N \(hostile)", paragraph: 0)
        _ = try fixture.store.addSection(issue: fixture.issueID, title: "S \(hostile)")
        try await fixture.run { client in
            for path in [
                "/", "/issues/\(fixture.issueID)", "/issues/\(fixture.issueID)?edit=\(article.id)",
                "/issues/\(fixture.issueID)/history", "/history", "/search?q=second",
                "/issues/\(fixture.issueID)/print", "/search?q=\(DeskFixture.encode(hostile))",
            ] {
                let page = try await client.get(path).text
                #expect(!page.contains("<script>alert"), "\(path)")
                #expect(!page.contains("<img src=x"), "\(path)")
                #expect(!page.contains("\"><img"), "\(path)")
            }
            let issuePage = try await client.get("/issues/\(fixture.issueID)").text
            #expect(
                issuePage.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        }
    }

    @Test("Bad or unknown ids get a 404 page, bad input a 400 with the reason; nothing changes")
    func refusals() async throws {
        let fixture = try DeskFixture()
        let article = try fixture.store.issue(fixture.issueID).articles[0]
        let before = try pendingAfterImport(fixture)
        try await fixture.run { client in
            let unknown = "00000000-0000-0000-0000-000000000000"
            for path in [
                "/issues/\(unknown)", "/issues/2024-09-05", "/issues/\(fixture.issueID.prefix(8))",
                "/conflicts/\(unknown)", "/articles/\(unknown)/history", "/no/such/page",
                "/issues/\(fixture.issueID.uppercased())",
            ] {
                let response = try await client.get(path)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.text.contains("id=\"error-reason\""), "\(path)")
                #expect(response.text.contains("<html lang=\"vi\">"), "\(path)")
            }
            let emptyTitle = try await client.post("/articles/\(article.id)", [("title", "  "), ("paragraphs", "x")])
            #expect(emptyTitle.status == .badRequest)
            #expect(emptyTitle.text.contains("Thiếu thông tin bắt buộc"))
            let badDate = try await client.post("/issues", [("date", "2024-13-45")])
            #expect(badDate.status == .badRequest)
            let badState = try await client.post("/issues/\(fixture.issueID)/state", [("state", "bogus")])
            #expect(badState.status == .badRequest)
            let badMove = try await client.post("/articles/\(article.id)/move", [("direction", "sideways")])
            #expect(badMove.status == .badRequest)
            let notUTF8 = try await client.execute(
                uri: "/issues", method: .post, headers: DeskFixture.headers(extra: DeskFixture.formType),
                body: ByteBuffer(string: "_csrf=csrf-token&date=%FF%FE"))
            #expect(notUTF8.status == .badRequest)
            let unknownArticle = try await client.post("/articles/\(unknown)/annotations", [("text", "x")])
            #expect(unknownArticle.status == .notFound)
        }
        #expect(try fixture.store.pendingTotals().count == before)
    }

    @Test("An editor has no publish button, and a forged publish is refused without changing anything")
    func editorCannotPublish() async throws {
        let fixture = try DeskFixture(role: .editor)
        try await fixture.run { client in
            let page = try await client.get("/issues/\(fixture.issueID)").text
            #expect(page.contains("id=\"state-review\""))
            #expect(!page.contains("id=\"state-published\""))
            #expect(!page.contains("value=\"published\""))
            let forged = try await client.post("/issues/\(fixture.issueID)/state", [("state", "published")])
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("Vai trò của bạn không được làm thao tác này"))
        }
        #expect(try fixture.store.issue(fixture.issueID).state == .draft)
    }

    private func pendingAfterImport(_ fixture: DeskFixture) throws -> Int {
        try fixture.store.pendingTotals().count
    }
}
