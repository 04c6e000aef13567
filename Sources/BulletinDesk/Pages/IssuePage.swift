import BulletinCore
import BulletinFormat
import SyncClient

/// What the issue page shows besides the issue.
struct IssuePageModel: Sendable {
    /// The issue.
    var issue: Issue
    /// Open conflicts by the article they concern (`nil`: the issue or a section).
    var conflicts: [String?: [String]]
    /// The article being edited in place, if any.
    var editing: String?
    /// A save that met another editor's change: the form comes back with both.
    var clash: EditClash?
    /// For a field office: the signature check.
    var verification: Result<PublicationVerification, DeskFailure>?
}

/// A save refused because the stored text changed after the form was opened.
struct EditClash: Sendable {
    /// The article.
    var articleID: String
    /// What the editor submitted.
    var title: String
    var paragraphs: String
}

/// `/issues/{id}`: the issue laid out like the printed bulletin — masthead, contents, sections, numbered articles
/// with their sources — with the desk's actions beside it.
enum IssuePage {
    static func render(_ env: PageEnv, _ model: IssuePageModel) -> [UInt8] {
        let issue = model.issue
        let title = issue.titleLines.joined(separator: " ")
        return Layout.page(env, title: "\(title) — \(env.format.longDate(issue.date))", mainID: "issue") {
            deskBar(env, model)
            el("article", .class("bulletin"), .id("bulletin"), .init("aria-labelledby", "issue-title")) {
                masthead(env, issue)
                if !issue.intro.isEmpty { el("p", .class("intro")) { issue.intro } }
                contents(env, issue)
                for (index, section) in issue.sections.enumerated() {
                    SectionView.node(env, model, section: section, index: index, count: issue.sections.count)
                }
                if issue.sections.isEmpty {
                    el("p", .class("empty"), .id("sections-empty")) { env.t("issue.no_sections") }
                }
                el("p", .class("credit")) { env.t("issue.editor_credit", ["editor": issue.editor]) }
            }
            if env.role.edits, model.issue.state < .published || env.role != .editor {
                addSectionForm(env, issue)
            }
        }
    }

    private static func masthead(_ env: PageEnv, _ issue: Issue) -> Node {
        el("header", .class("masthead")) {
            el("p", .class("year-line")) { issue.yearLine }
            el("p", .class("weekday-line")) { issue.weekday }
            el("p", .class("release-line")) { issue.releaseLine }
            el("h1", .id("issue-title"), .class("title-lines")) {
                for (index, line) in issue.titleLines.enumerated() {
                    if index > 0 { " " }
                    el("span") { line }
                }
            }
            el("p", .class("subject")) { issue.subject }
            el("p", .class("cadence")) { issue.cadence }
        }
    }

    private static func contents(_ env: PageEnv, _ issue: Issue) -> Node {
        el("nav", .class("contents"), .id("contents"), .init("aria-labelledby", "contents-title")) {
            el("h2", .id("contents-title")) { env.t("issue.contents") }
            el("ol", .class("contents-sections")) {
                for section in issue.sections {
                    el("li") {
                        el("a", .href("#s-\(section.id)"), .class("contents-section")) { section.title }
                        if !section.articles.isEmpty {
                            el("ol", .class("contents-articles")) {
                                for article in section.articles {
                                    el("li", .init("value", String(article.number))) {
                                        el("a", .href("#a-\(article.id)")) { article.title }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The bar above the bulletin: date, state, the workflow buttons the role allows, and links.
    private static func deskBar(_ env: PageEnv, _ model: IssuePageModel) -> Node {
        let issue = model.issue
        return el("section", .class("desk-bar"), .id("issue-bar"), .label(env.t("issue.bar_label"))) {
            el("p", .class("issue-date")) {
                el("strong") { env.format.longDate(issue.date) }
                " "
                StateBadge.node(issue.state.rawValue, env)
            }
            if let verification = model.verification {
                VerificationView.node(env, verification)
            }
            let transitions = Workflow.transitions(from: issue.state, role: env.role)
            if !transitions.isEmpty {
                el(
                    "form", .class("workflow"), .id("workflow"), .init("method", "post"),
                    .init("action", "/issues/\(issue.id)/state")
                ) {
                    env.csrfField
                    for target in transitions {
                        el(
                            "button",
                            attributes: [
                                .type("submit"), .name("state"), .value(target.rawValue),
                                .class(target == .retracted ? "danger" : "primary"),
                                .id("state-\(target.rawValue)"),
                            ]
                        ) { Workflow.label(target, env) }
                    }
                }
            }
            el("ul", .class("issue-links")) {
                el("li") {
                    el("a", .href("/issues/\(issue.id)/history"), .id("link-history")) { env.t("issue.history") }
                }
                el("li") { el("a", .href("/issues/\(issue.id)/print"), .id("link-print")) { env.t("issue.print") } }
                el("li", .class("export")) {
                    el("span") { env.t("issue.export") }
                    for format in ["bulletin", "markdown", "html", "json"] {
                        " "
                        el(
                            "a", .href("/issues/\(issue.id)/export?format=\(format)"), .init("download", ""),
                            .id("export-\(format)")
                        ) { ExportNames.label(format, env) }
                    }
                }
            }
            let issueConflicts = model.conflicts.values.reduce(0) { $0 + $1.count }
            if issueConflicts > 0 {
                el("p", .class("alert"), .id("issue-conflicts")) {
                    el("a", .href("/conflicts")) { env.n("issue.conflicts", issueConflicts) }
                }
            }
        }
    }

    private static func addSectionForm(_ env: PageEnv, _ issue: Issue) -> Node {
        el("details", .class("add-section")) {
            el("summary") { env.t("section.add") }
            el("form", .id("add-section"), .init("method", "post"), .init("action", "/issues/\(issue.id)/sections")) {
                env.csrfField
                el("label", .for("new-section-title")) { env.t("section.title") }
                el("input", .type("text"), .id("new-section-title"), .name("title"), .flag("required"))
                el("button", .type("submit")) { env.t("section.add_submit") }
            }
        }
    }
}

/// Export format names.
enum ExportNames {
    static func label(_ format: String, _ env: PageEnv) -> String {
        switch format {
        case "bulletin": env.t("export.bulletin")
        case "markdown": env.t("export.markdown")
        case "html": env.t("export.html")
        default: env.t("export.json")
        }
    }
}

/// The publication workflow: which moves each role is offered.
enum Workflow {
    static func transitions(from state: PublicationState, role: DeskRole) -> [PublicationState] {
        switch role {
        case .fieldOffice:
            return []
        case .editor:
            return state == .draft ? [.review] : []
        case .chief, .admin:
            switch state {
            case .draft: return [.review]
            case .review: return [.approved]
            case .approved: return [.published]
            case .published: return [.retracted]
            case .retracted: return []
            }
        }
    }

    static func label(_ target: PublicationState, _ env: PageEnv) -> String {
        switch target {
        case .draft: env.t("state.draft")
        case .review: env.t("action.submit_review")
        case .approved: env.t("action.approve")
        case .published: env.t("action.publish")
        case .retracted: env.t("action.retract")
        }
    }
}

/// A field office's signature check, shown on the issue.
enum VerificationView {
    static func node(_ env: PageEnv, _ result: Result<PublicationVerification, DeskFailure>) -> Node {
        switch result {
        case .success(let verification):
            return el("p", .class("verified"), .id("signature")) {
                el("span", .init("aria-hidden", "true")) { "✔ " }
                env.t("verify.ok", ["key": verification.keyID, "version": String(verification.version)])
            }
        case .failure:
            return el("p", .class("alert"), .id("signature")) { env.t("verify.failed") }
        }
    }
}
