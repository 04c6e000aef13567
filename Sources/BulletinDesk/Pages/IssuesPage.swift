import SyncClient

/// `/`: the issues, newest first, with their counts; create an issue; import a bulletin file.
enum IssuesPage {
    static func render(
        _ env: PageEnv, issues: [IssueSummary], conflictsByIssue: [String: Int],
        today: String
    ) -> [UInt8] {
        Layout.page(env, title: env.t("issues.title"), mainID: "issues") {
            el("h1") { env.t("issues.title") }
            if env.role.edits {
                el("div", .class("toolbar")) {
                    createForm(env, today: today)
                    importForm(env)
                }
            } else {
                el("p", .class("lede")) { env.t("issues.field_office_lede") }
            }
            if issues.isEmpty {
                el("p", .class("empty"), .id("issues-empty")) { env.t("issues.empty") }
            } else {
                el("div", .class("table-wrap")) {
                    table(env, issues: issues, conflictsByIssue: conflictsByIssue)
                }
            }
        }
    }

    private static func table(_ env: PageEnv, issues: [IssueSummary], conflictsByIssue: [String: Int]) -> Node {
        el("table", .class("issues"), .id("issues-table")) {
            el("caption", .class("visually-hidden")) { env.n("issues.caption", issues.count) }
            el("thead") {
                el("tr") {
                    el("th", .init("scope", "col")) { env.t("issues.col.date") }
                    el("th", .init("scope", "col")) { env.t("issues.col.state") }
                    el("th", .init("scope", "col"), .class("num")) { env.t("issues.col.sections") }
                    el("th", .init("scope", "col"), .class("num")) { env.t("issues.col.articles") }
                    el("th", .init("scope", "col"), .class("num")) { env.t("issues.col.pending") }
                    el("th", .init("scope", "col"), .class("num")) { env.t("issues.col.conflicts") }
                }
            }
            el("tbody") {
                for issue in issues {
                    el("tr", .init("data-issue", issue.id)) {
                        el("th", .init("scope", "row")) {
                            el("a", .href("/issues/\(issue.id)")) { env.format.longDate(issue.date) }
                        }
                        el("td") { StateBadge.node(issue.state.rawValue, env) }
                        el("td", .class("num")) { env.format.number(issue.sections) }
                        el("td", .class("num")) { env.format.number(issue.articles) }
                        el("td", .class("num")) { env.format.number(issue.pending) }
                        el("td", .class("num")) {
                            let count = conflictsByIssue[issue.id] ?? 0
                            if count > 0 {
                                el("a", .href("/conflicts"), .class("warn")) { env.format.number(count) }
                            } else {
                                env.format.number(0)
                            }
                        }
                    }
                }
            }
        }
    }

    private static func createForm(_ env: PageEnv, today: String) -> Node {
        el("form", .class("card"), .id("create-issue"), .init("method", "post"), .init("action", "/issues")) {
            env.csrfField
            el("h2") { env.t("issues.create.heading") }
            el("label", .for("create-date")) { env.t("issues.create.date") }
            el("input", .type("date"), .id("create-date"), .name("date"), .value(today), .flag("required"))
            el("button", .type("submit"), .class("primary")) { env.t("issues.create.submit") }
        }
    }

    private static func importForm(_ env: PageEnv) -> Node {
        el(
            "form", .class("card"), .id("import-issue"), .init("method", "post"), .init("action", "/import"),
            .init("enctype", "multipart/form-data")
        ) {
            env.csrfField
            el("h2") { env.t("issues.import.heading") }
            el("label", .for("import-file")) { env.t("issues.import.file") }
            el(
                "input", .type("file"), .id("import-file"), .name("file"), .init("accept", ".txt,text/plain"),
                .flag("required"))
            el("button", .type("submit")) { env.t("issues.import.submit") }
        }
    }
}

/// A publication state as a badge: its name in words (never colour alone).
enum StateBadge {
    static func node(_ state: String, _ env: PageEnv) -> Node {
        el("span", .class("badge state-\(state)")) { Messages.state(state, env) }
    }
}
