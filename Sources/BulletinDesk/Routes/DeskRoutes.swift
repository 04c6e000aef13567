import BulletinCore
import BulletinFormat
import Foundation
import Hummingbird
import SyncClient

/// Registers every route of the desk (README.md beside this folder lists them).
enum DeskRoutes {
    static func register(on router: Router<BasicRequestContext>, desk: Desk) {
        AssetRoutes.register(on: router)
        IssueRoutes.register(on: router, desk: desk)
        ArticleRoutes.register(on: router, desk: desk)
        ConflictRoutes.register(on: router, desk: desk)
        ReadingRoutes.register(on: router, desk: desk)
        LiveRoutes.register(on: router, desk: desk)
        router.post("/language") { request, _ -> Response in
            let form = try await desk.form(request)
            guard let language = form["lang"].flatMap(DeskLanguage.init(rawValue:)) else {
                throw DeskFailure.badRequest("error.invalid_input")
            }
            try await desk.choose(language)
            return DeskResponse.redirect(form["return"], fallback: "/")
        }
    }
}

/// The issues list and the issue-level actions.
enum IssueRoutes {
    static func register(on router: Router<BasicRequestContext>, desk: Desk) {
        router.get("/") { request, _ -> Response in
            try await issuesPage(desk, request)
        }

        router.post("/issues") { request, _ -> Response in
            let form = try await desk.form(request)
            try await requireEditor(desk, request)
            let date = try form.required("date")
            guard CivilDate(date) != nil else { throw DeskFailure.badRequest("error.bad_date", ["date": date]) }
            let reference = try await desk.change { store in try store.createIssue(date: date) }
            return DeskResponse.redirect("/issues/\(reference.id)", fallback: "/")
        }

        router.post("/import") { request, _ -> Response in
            let form = try await desk.form(request)
            try await requireEditor(desk, request)
            let text = try form.required("file")
            let reference = try await desk.change { store in try store.importBulletin(text: text) }
            return DeskResponse.redirect("/issues/\(reference.id)", fallback: "/")
        }

        router.get("/issues/:id") { request, context -> Response in
            let id = try PathID.get(context)
            let editing = request.uri.queryParameters["edit"].map(String.init).flatMap { PathID.valid($0) ? $0 : nil }
            return try await issuePage(desk, request, id: id, editing: editing)
        }

        router.post("/issues/:id/state") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            let env = try await desk.env(for: request)
            guard let target = form["state"].flatMap(PublicationState.init(rawValue:)) else {
                throw DeskFailure.badRequest("error.invalid_input")
            }
            let issue = try await desk.read { store in try store.issue(id) }
            guard issue.id == id else { throw DeskFailure.notFound }
            // The buttons shown are the only moves accepted: a forged request for another is refused here,
            // before the store is touched (and the server refuses it again).
            guard Workflow.transitions(from: issue.state, role: env.role).contains(target) else {
                throw DeskFailure.notAllowed
            }
            try await desk.change { store in try store.setState(issue: id, to: target) }
            return DeskResponse.redirect("/issues/\(id)", fallback: "/")
        }

        router.post("/issues/:id/sections") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            try await requireEditable(desk, request, issueID: id)
            let title = try form.required("title")
            let section = try await desk.change { store in try store.addSection(issue: id, title: title) }
            return DeskResponse.redirect("/issues/\(id)#s-\(section.id)", fallback: "/")
        }

        router.post("/issues/:id/articles") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            try await requireEditable(desk, request, issueID: id)
            let title = try form.required("title")
            guard let section = form["section"].flatMap(Int.init) else {
                throw DeskFailure.badRequest("error.missing_field", ["field": "section"])
            }
            let paragraphs = ParagraphText.split(form["paragraphs"] ?? "")
            let source = try CitationForm.citation(form)
            let article = try await desk.change { store in
                try store.addArticle(issue: id, section: section, title: title, paragraphs: paragraphs, source: source)
            }
            return DeskResponse.redirect("/issues/\(id)#a-\(article.id)", fallback: "/")
        }

        router.post("/sections/:id") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            let title = try form.required("title")
            let issueID = try await sectionIssue(desk, id)
            try await requireEditable(desk, request, issueID: issueID)
            try await desk.change { store in try store.renameSection(id, title: title) }
            return DeskResponse.redirect("/issues/\(issueID)#s-\(id)", fallback: "/")
        }

        router.post("/sections/:id/move") { request, context -> Response in
            let id = try PathID.get(context)
            let form = try await desk.form(request)
            guard let direction = form["direction"].flatMap(MoveDirection.init(rawValue:)) else {
                throw DeskFailure.badRequest("error.invalid_input")
            }
            let issueID = try await sectionIssue(desk, id)
            try await requireEditable(desk, request, issueID: issueID)
            try await desk.change { store in try store.moveSection(id, direction) }
            return DeskResponse.redirect("/issues/\(issueID)#s-\(id)", fallback: "/")
        }
    }

    /// `/`: the issues list.
    static func issuesPage(_ desk: Desk, _ request: Request) async throws -> Response {
        let env = try await desk.env(for: request)
        let fieldOffice = env.role == .fieldOffice
        let (issues, conflicts) = try await desk.read { store in
            var summaries = try store.issueSummaries()
            if fieldOffice { summaries = summaries.filter { $0.state == .published } }
            let open = try store.conflicts()
            return (summaries, Dictionary(grouping: open, by: \.issueID).mapValues(\.count))
        }
        let today = CivilDate(daysSinceEpoch: Int((env.now / 1000 + Int64(desk.options.utcOffsetSeconds)) / 86_400))
        return DeskResponse.html(
            IssuesPage.render(
                env, issues: issues, conflictsByIssue: conflicts,
                today: today.description))
    }

    /// `/issues/ID`: the issue page.
    static func issuePage(_ desk: Desk, _ request: Request, id: String, editing: String?) async throws -> Response {
        let env = try await desk.env(for: request)
        let model = try await issueModel(desk, env: env, id: id, editing: editing)
        return DeskResponse.html(IssuePage.render(env, model))
    }

    /// Builds the issue page's model.
    static func issueModel(_ desk: Desk, env: PageEnv, id: String, editing: String?, clash: EditClash? = nil)
        async throws -> IssuePageModel
    {
        let fieldOffice = env.role == .fieldOffice
        return try await desk.read { store in
            let issue = try store.issue(id)
            guard issue.id == id else { throw DeskFailure.notFound }
            if fieldOffice, issue.state != .published { throw DeskFailure.notFound }
            var verification: Result<PublicationVerification, DeskFailure>?
            if fieldOffice {
                do {
                    verification = .success(try store.verifyPublication(id))
                } catch {
                    verification = .failure(DeskFailure.from(error))
                }
            }
            return IssuePageModel(
                issue: issue, conflicts: try store.openConflicts(ofIssue: id), editing: editing,
                clash: clash, verification: verification)
        }
    }

    /// The issue a section belongs to (404 for an unknown or deleted section).
    static func sectionIssue(_ desk: Desk, _ sectionID: String) async throws -> String {
        try await desk.read { store in
            guard let issueID = try store.sectionIssueID(sectionID) else { throw DeskFailure.notFound }
            return issueID
        }
    }

    /// Refuses a field office.
    static func requireEditor(_ desk: Desk, _ request: Request) async throws {
        let role = try await desk.read { store in try desk.options.role(store) }
        guard role.edits else { throw DeskFailure.notAllowed }
    }

    /// Refuses edits the role may not make to this issue (a field office; an editor on a published issue).
    static func requireEditable(_ desk: Desk, _ request: Request, issueID: String) async throws {
        let (role, issue) = try await desk.read { store in (try desk.options.role(store), try store.issue(issueID)) }
        guard issue.id == issueID else { throw DeskFailure.notFound }
        guard role.edits, issue.state < .published || role == .chief || role == .admin else {
            throw DeskFailure.notAllowed
        }
    }
}

/// The citation fields of a form.
enum CitationForm {
    /// The citation the form describes; `nil` when all its fields are blank.
    static func citation(_ form: FormData) throws -> Citation? {
        let outlet = (form["outlet"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let date = (form["source_date"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let authors = (form["authors"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if outlet.isEmpty, date.isEmpty, authors.isEmpty { return nil }
        guard !outlet.isEmpty else { throw DeskFailure.badRequest("error.citation_outlet") }
        return Citation(outlet: outlet, date: date, authors: authors)
    }
}
