import BulletinCore
import BulletinFormat
import Foundation
import Hummingbird
import SyncClient

/// Search, history, export and the print view.
enum ReadingRoutes {
    static func register(on router: Router<BasicRequestContext>, desk: Desk) {
        router.get("/search") { request, _ -> Response in
            let env = try await desk.env(for: request)
            let query = TextNormalization.normalize(request.uri.queryParameters["q"].map(String.init) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard !query.isEmpty else {
                return DeskResponse.html(ReadingPages.search(env, query: "", hits: nil, failure: nil))
            }
            guard query.utf8.count <= 500 else {
                return DeskResponse.html(
                    ReadingPages.search(
                        env, query: "", hits: nil,
                        failure: .badRequest("error.query_too_long")),
                    status: .badRequest)
            }
            let fieldOffice = env.role == .fieldOffice
            do {
                var hits = try await desk.read { store in try store.search(query, limit: 50) }
                if fieldOffice {
                    let published = Set(
                        try await desk.read { store in
                            try store.issueSummaries().filter { $0.state == .published }.map(\.id)
                        })
                    hits = hits.filter { published.contains($0.issueID) }
                }
                return DeskResponse.html(ReadingPages.search(env, query: query, hits: hits, failure: nil))
            } catch let error as StoreError {
                _ = error
                return DeskResponse.html(
                    ReadingPages.search(
                        env, query: query, hits: nil,
                        failure: .badRequest("error.query_no_words")),
                    status: .badRequest)
            }
        }

        router.get("/history") { request, _ -> Response in
            let env = try await desk.env(for: request)
            let entries = try await desk.read { store in try store.history(of: nil) }
            return DeskResponse.html(
                ReadingPages.history(
                    env, heading: env.t("history.title_all"), back: nil,
                    entries: entries))
        }

        router.get("/issues/:id/history") { request, context -> Response in
            let id = try PathID.get(context)
            let env = try await desk.env(for: request)
            let (issue, entries) = try await desk.read { store in (try store.issue(id), try store.history(of: id)) }
            guard issue.id == id else { throw DeskFailure.notFound }
            let date = env.format.longDate(issue.date)
            return DeskResponse.html(
                ReadingPages.history(
                    env, heading: env.t("history.title_issue", ["date": date]),
                    back: ("/issues/\(id)", env.t("history.back_issue")), entries: entries))
        }

        router.get("/articles/:id/history") { request, context -> Response in
            let id = try PathID.get(context)
            let env = try await desk.env(for: request)
            let article = try await ArticleRoutes.articleIssue(desk, id)
            let entries = try await desk.read { store in try store.history(of: id) }
            return DeskResponse.html(
                ReadingPages.history(
                    env, heading: env.t("history.title_article", ["title": article.title]),
                    back: ("/issues/\(article.issueID)#a-\(id)", env.t("history.back_issue")), entries: entries))
        }

        router.get("/issues/:id/export") { request, context -> Response in
            let id = try PathID.get(context)
            guard let format = request.uri.queryParameters["format"].flatMap({ ExportFormat(rawValue: String($0)) })
            else { throw DeskFailure.badRequest("error.bad_format") }
            let issue = try await desk.read { store in try store.issue(id) }
            guard issue.id == id else { throw DeskFailure.notFound }
            var text = BulletinExporter.export(issue, as: format)
            if !text.hasSuffix("\n") { text += "\n" }
            let (type, ext): (String, String) =
                switch format {
                case .bulletin: ("text/plain; charset=utf-8", "txt")
                case .markdown: ("text/markdown; charset=utf-8", "md")
                case .html: ("text/html; charset=utf-8", "html")
                case .json: ("application/json", "json")
                }
            return Response(
                status: .ok,
                headers: [
                    .contentType: type,
                    .contentDisposition: "attachment; filename=\"bulletin-\(issue.date).\(ext)\"",
                ], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }

        router.get("/issues/:id/print") { request, context -> Response in
            let id = try PathID.get(context)
            let env = try await desk.env(for: request)
            let model = try await IssueRoutes.issueModel(desk, env: env, id: id, editing: nil)
            return DeskResponse.html(ReadingPages.print(env, model.issue))
        }
    }
}
