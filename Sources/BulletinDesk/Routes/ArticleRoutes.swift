import BulletinCore
import Foundation
import Hummingbird
import SyncClient

/// Article and annotation actions.
enum ArticleRoutes {
    static func register(on router: Router<BasicRequestContext>, desk: Desk) {
        router.post("/articles/:id") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            let article = try await articleIssue(desk, id)
            try await IssueRoutes.requireEditable(desk, request, issueID: article.issueID)
            let title = try form.required("title")
            let paragraphsText = form["paragraphs"] ?? ""
            let paragraphs = ParagraphText.split(paragraphsText)
            let source = try CitationForm.citation(form)
            let baseTitle = form["base_title"]
            let baseParagraphs = form["base_paragraphs"].map(ParagraphText.split)
            let outcome = try await desk.worker.run { store -> EditOutcome in
                let current = try store.articleText(id)
                // Only the fields the editor changed are written: a change another editor made to the other field
                // meanwhile stays. A field changed both here and elsewhere since the form opened is not
                // overwritten: the form comes back with both.
                let titleChanged = baseTitle.map { $0 != title } ?? (title != current.title)
                let paragraphsChanged = baseParagraphs.map { $0 != paragraphs } ?? (paragraphs != current.paragraphs)
                let titleMoved = baseTitle.map { $0 != current.title && current.title != title } ?? false
                let paragraphsMoved =
                    baseParagraphs.map { $0 != current.paragraphs && current.paragraphs != paragraphs }
                    ?? false
                if (titleChanged && titleMoved) || (paragraphsChanged && paragraphsMoved) {
                    return .clash
                }
                if titleChanged || paragraphsChanged {
                    try store.editArticle(
                        id, title: titleChanged ? title : nil,
                        paragraphs: paragraphsChanged ? paragraphs : nil)
                }
                let stored = try store.issue(article.issueID).articles.first { $0.id == id }?.source
                if stored != source {
                    try store.setArticleSource(id, source: source)
                }
                return .saved
            }
            switch outcome {
            case .saved:
                desk.events.changed()
                return DeskResponse.redirect("/issues/\(article.issueID)#a-\(id)", fallback: "/")
            case .clash:
                let env = try await desk.env(for: request)
                let model = try await IssueRoutes.issueModel(
                    desk, env: env, id: article.issueID, editing: id,
                    clash: EditClash(articleID: id, title: title, paragraphs: paragraphsText))
                return DeskResponse.html(IssuePage.render(env, model), status: .conflict)
            }
        }

        router.post("/articles/:id/move") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            guard let direction = form["direction"].flatMap(MoveDirection.init(rawValue:)) else {
                throw DeskFailure.badRequest("error.invalid_input")
            }
            let article = try await articleIssue(desk, id)
            try await IssueRoutes.requireEditable(desk, request, issueID: article.issueID)
            try await desk.change { store in try store.moveArticle(id, direction) }
            return DeskResponse.redirect("/issues/\(article.issueID)#a-\(id)", fallback: "/")
        }

        router.post("/articles/:id/delete") { request, context -> Response in
            let id = try PathID.get(context)
            _ = try await desk.form(request)
            let article = try await articleIssue(desk, id)
            try await IssueRoutes.requireEditable(desk, request, issueID: article.issueID)
            try await desk.change { store in try store.removeArticle(id) }
            return DeskResponse.redirect("/issues/\(article.issueID)", fallback: "/")
        }

        router.post("/articles/:id/annotations") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            let article = try await articleIssue(desk, id)
            try await IssueRoutes.requireEditable(desk, request, issueID: article.issueID)
            let text = try form.required("text")
            guard let kind = AnnotationKind(rawValue: form["kind"] ?? "comment") else {
                throw DeskFailure.badRequest("error.invalid_input")
            }
            var paragraph: Int?
            if let value = form["paragraph"], !value.isEmpty {
                guard let index = Int(value), index >= 0 else { throw DeskFailure.badRequest("error.bad_paragraph") }
                paragraph = index
            }
            let anchor = paragraph
            let note = try await desk.change { store in
                try store.annotate(id, text: text, kind: kind, paragraph: anchor)
            }
            return DeskResponse.redirect("/issues/\(article.issueID)#n-\(note.id)", fallback: "/")
        }

        router.post("/annotations/:id/resolve") { request, context -> Response in
            let id = try PathID.get(context)
            _ = try await desk.form(request)
            guard let location = try await desk.read({ store in try store.annotationLocation(id) }) else {
                throw DeskFailure.notFound
            }
            try await IssueRoutes.requireEditable(desk, request, issueID: location.issueID)
            try await desk.change { store in try store.setAnnotationResolved(id) }
            return DeskResponse.redirect("/issues/\(location.issueID)#n-\(id)", fallback: "/")
        }
    }

    enum EditOutcome: Sendable {
        case saved
        case clash
    }

    /// The article with this exact id (404 otherwise).
    static func articleIssue(_ desk: Desk, _ id: String) async throws -> ArticleReference {
        let article = try await desk.read { store in try store.article(id) }
        guard article.id == id else { throw DeskFailure.notFound }
        return article
    }
}
