import BulletinCore
import BulletinFormat
import SyncClient

/// Search and history pages.
enum ReadingPages {
    static func search(_ env: PageEnv, query: String, hits: [SearchHit]?, failure: DeskFailure?) -> [UInt8] {
        Layout.page(env, title: env.t("search.title"), mainID: "search") {
            el("h1") { env.t("search.title") }
            el(
                "form", .class("search-form"), .id("search-form"), .init("method", "get"), .init("action", "/search"),
                .init("role", "search")
            ) {
                el("label", .for("search-q")) { env.t("search.label") }
                el(
                    "input", .type("search"), .id("search-q"), .name("q"), .value(query),
                    .init("aria-describedby", "search-hint"))
                el("button", .type("submit"), .class("primary")) { env.t("search.submit") }
                el("p", .class("hint"), .id("search-hint")) { env.t("search.hint") }
            }
            if let failure {
                el("p", .class("alert"), .id("search-error")) { env.t(failure.key, failure.values) }
            }
            if let hits {
                el("p", .id("search-count")) { env.n("search.count", hits.count) }
                el("ol", .class("hits"), .id("search-results")) {
                    for hit in hits {
                        el("li") {
                            el("a", .href("/issues/\(hit.issueID)#a-\(hit.articleID)")) { hit.title }
                            " "
                            el("span", .class("hit-date")) { env.format.longDate(hit.date) }
                            el("p", .class("snippet")) { snippet(hit.snippet) }
                        }
                    }
                }
            }
        }
    }

    /// A snippet with the matched words, which the library marks with « », as `<mark>`.
    static func snippet(_ text: String) -> [Node] {
        var nodes: [Node] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "«"), let close = rest[open...].firstIndex(of: "»") {
            if open > rest.startIndex { nodes.append(.text(String(rest[..<open]))) }
            nodes.append(el("mark") { String(rest[rest.index(after: open)..<close]) })
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { nodes.append(.text(String(rest))) }
        return nodes
    }

    static func history(
        _ env: PageEnv, heading: String, back: (href: String, label: String)?,
        entries: [HistoryEntry]
    ) -> [UInt8] {
        Layout.page(env, title: heading, mainID: "history") {
            el("h1") { heading }
            if let back { el("p") { el("a", .href(back.href)) { back.label } } }
            if entries.isEmpty {
                el("p", .class("empty")) { env.t("history.empty") }
            } else {
                el("div", .class("table-wrap")) {
                    el("table", .class("history"), .id("history-table")) {
                        el("caption", .class("visually-hidden")) { env.n("history.caption", entries.count) }
                        el("thead") {
                            el("tr") {
                                el("th", .init("scope", "col")) { env.t("history.col.time") }
                                el("th", .init("scope", "col")) { env.t("history.col.author") }
                                el("th", .init("scope", "col")) { env.t("history.col.what") }
                                el("th", .init("scope", "col")) { env.t("history.col.fields") }
                                el("th", .init("scope", "col")) { env.t("history.col.sync") }
                            }
                        }
                        el("tbody") {
                            for entry in entries.reversed().prefix(500) {
                                el("tr") {
                                    el("td") {
                                        if let millis = DeskFormat.millis(iso: entry.time) {
                                            el("time", .init("datetime", entry.time)) {
                                                env.format.dateTime(millis: millis)
                                            }
                                        }
                                    }
                                    el("td") { entry.author }
                                    el("td") { operation(entry, env) }
                                    el("td") {
                                        entry.fields.map { ConflictPages.fieldName($0, env) }.joined(separator: ", ")
                                    }
                                    el("td") {
                                        entry.pending ? env.t("history.pending") : env.t("history.synced")
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func operation(_ entry: HistoryEntry, _ env: PageEnv) -> String {
        let entity: String
        switch entry.entity {
        case "issue": entity = env.t("entity.issue")
        case "section": entity = env.t("entity.section")
        case "article": entity = env.t("entity.article")
        case "annotation": entity = env.t("entity.annotation")
        case "conflict": entity = env.t("entity.conflict")
        default: entity = env.t("entity.publication")
        }
        switch entry.op {
        case "create": return env.t("history.op.create", ["entity": entity])
        case "delete": return env.t("history.op.delete", ["entity": entity])
        default: return env.t("history.op.update", ["entity": entity])
        }
    }

    /// The print view: the issue alone, as the bulletin prints (the print stylesheet drops the desk).
    static func print(_ env: PageEnv, _ issue: Issue) -> [UInt8] {
        Layout.page(env, title: env.t("print.title", ["date": env.format.longDate(issue.date)]), mainID: "print") {
            el("p", .class("print-hint no-print")) {
                el("a", .href("/issues/\(issue.id)")) { env.t("print.back") }
                " · "
                env.t("print.hint")
            }
            el("article", .class("bulletin printed"), .id("bulletin")) {
                el("header", .class("masthead")) {
                    el("p", .class("year-line")) { issue.yearLine }
                    el("p", .class("weekday-line")) { issue.weekday }
                    el("p", .class("release-line")) { issue.releaseLine }
                    el("h1", .class("title-lines")) {
                        for (index, line) in issue.titleLines.enumerated() {
                            if index > 0 { " " }
                            el("span") { line }
                        }
                    }
                    el("p", .class("subject")) { issue.subject }
                    el("p", .class("cadence")) { issue.cadence }
                }
                el("p", .class("intro")) { issue.intro }
                el("nav", .class("contents"), .init("aria-labelledby", "contents-title")) {
                    el("h2", .id("contents-title")) { env.t("issue.contents") }
                    el("ol", .class("contents-sections")) {
                        for section in issue.sections {
                            el("li") {
                                el("span", .class("contents-section")) { section.title }
                                el("ol", .class("contents-articles")) {
                                    for article in section.articles {
                                        el("li", .init("value", String(article.number))) { article.title }
                                    }
                                }
                            }
                        }
                    }
                }
                for section in issue.sections {
                    el("section", .class("bulletin-section")) {
                        el("h2", .class("section-title")) { section.title }
                        for article in section.articles {
                            el("article", .class("story")) {
                                el("h3", .class("story-title")) {
                                    el("span", .class("story-number")) { "\(article.number)." }
                                    " "
                                    article.title
                                }
                                for paragraph in article.paragraphs { el("p", .class("para")) { paragraph } }
                                if let source = article.source {
                                    el("p", .class("source")) { CitationText.format(source) }
                                }
                            }
                        }
                    }
                }
                el("p", .class("credit")) { env.t("issue.editor_credit", ["editor": issue.editor]) }
            }
        }
    }
}
