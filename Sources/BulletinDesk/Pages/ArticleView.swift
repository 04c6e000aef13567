import BulletinCore
import BulletinFormat
import Foundation

/// One numbered article: title, paragraphs with their annotations beside them, the source line, and its actions;
/// or, when it is being edited, the form in its place.
enum ArticleView {
    static func node(_ env: PageEnv, _ model: IssuePageModel, article: Article, position: Int, count: Int) -> Node {
        let editable = Editing.allowed(env, model.issue)
        let anchor = "a-\(article.id)"
        let conflicts = model.conflicts[article.id] ?? []
        return el(
            "article", .class("story"), .id(anchor), .init("aria-labelledby", "\(anchor)-title"),
            .init("data-live", anchor)
        ) {
            el("h3", .id("\(anchor)-title"), .class("story-title")) {
                el("span", .class("story-number")) { "\(article.number)." }
                " "
                el("span", .class("story-title-text")) { article.title }
            }
            if !conflicts.isEmpty {
                el("p", .class("alert"), .id("\(anchor)-conflict")) {
                    el("a", .href("/conflicts/\(conflicts[0])")) { env.n("article.conflict", conflicts.count) }
                }
            }
            if editable, model.editing == article.id {
                EditForm.node(env, model, article: article)
            } else {
                body(env, article: article, editable: editable, issueID: model.issue.id)
                if editable {
                    actions(env, model, article: article, position: position, count: count)
                }
            }
        }
    }

    private static func body(_ env: PageEnv, article: Article, editable: Bool, issueID: String) -> Node {
        let anchor = "a-\(article.id)"
        let byParagraph = Dictionary(grouping: article.annotations, by: { $0.paragraph ?? -1 })
        return el("div", .class("story-body")) {
            for (index, paragraph) in article.paragraphs.enumerated() {
                let notes = byParagraph[index] ?? []
                el("div", .class(notes.isEmpty ? "para-row" : "para-row has-notes"), .id("\(anchor)-p\(index)")) {
                    el("p", .class("para")) { paragraph }
                    if !notes.isEmpty {
                        el("div", .class("notes")) {
                            el("p", .class("visually-hidden")) {
                                env.t("note.for_paragraph", ["number": String(index + 1)])
                            }
                            el("ul") {
                                for note in notes { NoteView.node(env, note, editable: editable) }
                            }
                        }
                    }
                }
            }
            if let source = article.source {
                el("p", .class("source")) { CitationText.format(source) }
            }
            let loose = byParagraph[-1] ?? []
            if !loose.isEmpty {
                el("div", .class("notes notes-article")) {
                    el("p", .class("visually-hidden")) { env.t("note.for_article") }
                    el("ul") {
                        for note in loose { NoteView.node(env, note, editable: editable) }
                    }
                }
            }
        }
    }

    private static func actions(
        _ env: PageEnv, _ model: IssuePageModel, article: Article, position: Int,
        count: Int
    ) -> Node {
        let anchor = "a-\(article.id)"
        return el("div", .class("story-actions")) {
            el(
                "a", .class("button"), .id("\(anchor)-edit"),
                .href("/issues/\(model.issue.id)?edit=\(article.id)#\(anchor)"),
                .label(env.t("article.edit_named", ["title": article.title]))
            ) { env.t("article.edit") }
            SectionView.moveButtons(
                env, action: "/articles/\(article.id)/move", index: position, count: count,
                what: article.title, idPrefix: anchor)
            el(
                "a", .class("button"), .href("/articles/\(article.id)/history"),
                .label(env.t("article.history_named", ["title": article.title]))
            ) { env.t("article.history") }
            AnnotateForm.node(env, article: article)
            el("details", .class("inline-form remove")) {
                el("summary") { env.t("article.remove") }
                el(
                    "form", .id("\(anchor)-remove"), .init("method", "post"),
                    .init("action", "/articles/\(article.id)/delete")
                ) {
                    env.csrfField
                    el("p") { env.t("article.remove_confirm", ["title": article.title]) }
                    el("button", .type("submit"), .class("danger")) { env.t("article.remove_submit") }
                }
            }
        }
    }
}

/// One annotation: kind, author, time, text, and a button to mark it resolved.
enum NoteView {
    static func node(_ env: PageEnv, _ note: Annotation, editable: Bool) -> Node {
        el("li", .class(note.resolved ? "note resolved" : "note note-\(note.kind.rawValue)"), .id("n-\(note.id)")) {
            el("p", .class("note-meta")) {
                el("span", .class("note-kind")) { Messages.kind(note.kind.rawValue, env) }
                " · "
                el("span", .class("note-author")) { note.author }
                if let millis = DeskFormat.millis(iso: note.createdAt) {
                    " · "
                    el("time", .init("datetime", note.createdAt), .init("title", env.format.dateTime(millis: millis))) {
                        env.format.relative(millis: millis, now: env.now)
                    }
                }
                if note.resolved {
                    " · "
                    el("span", .class("note-resolved")) { env.t("note.resolved") }
                }
            }
            el("p", .class("note-text")) { note.text }
            if editable, !note.resolved {
                el(
                    "form", .class("note-resolve"), .init("method", "post"),
                    .init("action", "/annotations/\(note.id)/resolve")
                ) {
                    env.csrfField
                    el("button", .type("submit"), .id("n-\(note.id)-resolve")) { env.t("note.resolve") }
                }
            }
        }
    }
}

/// The form that adds an annotation to a paragraph.
enum AnnotateForm {
    static func node(_ env: PageEnv, article: Article) -> Node {
        let prefix = "a-\(article.id)-note"
        return el("details", .class("inline-form annotate")) {
            el("summary", .id("\(prefix)-open")) { env.t("note.add") }
            el("form", .id(prefix), .init("method", "post"), .init("action", "/articles/\(article.id)/annotations")) {
                env.csrfField
                el("label", .for("\(prefix)-paragraph")) { env.t("note.paragraph") }
                el("select", .id("\(prefix)-paragraph"), .name("paragraph")) {
                    el("option", .value("")) { env.t("note.whole_article") }
                    for index in article.paragraphs.indices {
                        el("option", .value(String(index))) {
                            env.t("note.paragraph_number", ["number": String(index + 1)])
                        }
                    }
                }
                el("label", .for("\(prefix)-kind")) { env.t("note.kind") }
                el("select", .id("\(prefix)-kind"), .name("kind")) {
                    for kind in AnnotationKind.allCases {
                        el("option", .value(kind.rawValue)) { Messages.kind(kind.rawValue, env) }
                    }
                }
                el("label", .for("\(prefix)-text")) { env.t("note.text") }
                el("textarea", .id("\(prefix)-text"), .name("text"), .init("rows", "3"), .flag("required")) {}
                el("button", .type("submit"), .class("primary")) { env.t("note.add_submit") }
            }
        }
    }
}

/// The in-place edit form of an article: title, paragraphs, citation. It carries the text it was opened with,
/// so that a save never silently overwrites another editor's change that arrived meanwhile.
enum EditForm {
    static func node(_ env: PageEnv, _ model: IssuePageModel, article: Article) -> Node {
        let prefix = "edit-\(article.id)"
        let stored = ParagraphText.join(article.paragraphs)
        let clash = model.clash?.articleID == article.id ? model.clash : nil
        return el(
            "form", .class("edit-article"), .id(prefix), .init("method", "post"),
            .init("action", "/articles/\(article.id)"), .init("data-edit-form", article.id)
        ) {
            env.csrfField
            if clash != nil {
                el("div", .class("alert"), .id("\(prefix)-clash"), .init("role", "alert")) {
                    el("p") { env.t("edit.clash") }
                }
            }
            el("input", .type("hidden"), .name("base_title"), .value(article.title))
            el("input", .type("hidden"), .name("base_paragraphs"), .value(stored))
            el("label", .for("\(prefix)-title")) { env.t("article.title") }
            el(
                "input", .type("text"), .id("\(prefix)-title"), .name("title"), .value(clash?.title ?? article.title),
                .flag("required"), .init("data-field", "title"))
            el("label", .for("\(prefix)-paragraphs")) { env.t("article.paragraphs") }
            el("p", .class("hint"), .id("\(prefix)-hint")) { env.t("article.paragraphs_hint") }
            el(
                "textarea", .id("\(prefix)-paragraphs"), .name("paragraphs"), .init("rows", "14"),
                .init("aria-describedby", "\(prefix)-hint"), .init("data-field", "paragraphs")
            ) {
                clash?.paragraphs ?? stored
            }
            CitationFields.nodes(env, prefix: prefix, citation: article.source)
            el("div", .class("form-actions")) {
                el("button", .type("submit"), .class("primary"), .id("\(prefix)-save")) { env.t("action.save") }
                el("a", .class("button"), .href("/issues/\(model.issue.id)#a-\(article.id)"), .id("\(prefix)-cancel")) {
                    env.t("action.cancel")
                }
            }
        }
    }
}

/// Paragraphs in a text area: separated by a blank line.
enum ParagraphText {
    static func join(_ paragraphs: [String]) -> String {
        paragraphs.joined(separator: "\n\n")
    }

    static func split(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
