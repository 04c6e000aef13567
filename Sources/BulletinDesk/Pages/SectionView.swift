import BulletinCore

/// One section of the issue page: its title, its actions, its articles.
enum SectionView {
    static func node(_ env: PageEnv, _ model: IssuePageModel, section: Section, index: Int, count: Int) -> Node {
        let editable = Editing.allowed(env, model.issue)
        return el(
            "section", .class("bulletin-section"), .id("s-\(section.id)"),
            .init("aria-labelledby", "s-\(section.id)-title")
        ) {
            el("h2", .id("s-\(section.id)-title"), .class("section-title")) { section.title }
            if editable {
                el("div", .class("section-actions")) {
                    moveButtons(
                        env, action: "/sections/\(section.id)/move", index: index, count: count,
                        what: section.title, idPrefix: "s-\(section.id)")
                    el("details", .class("inline-form")) {
                        el("summary") { env.t("section.rename") }
                        el(
                            "form", .id("rename-\(section.id)"), .init("method", "post"),
                            .init("action", "/sections/\(section.id)")
                        ) {
                            env.csrfField
                            el("label", .for("s-\(section.id)-new-title")) { env.t("section.title") }
                            el(
                                "input", .type("text"), .id("s-\(section.id)-new-title"), .name("title"),
                                .value(section.title), .flag("required"))
                            el("button", .type("submit")) { env.t("action.save") }
                        }
                    }
                }
            }
            for (position, article) in section.articles.enumerated() {
                ArticleView.node(env, model, article: article, position: position, count: section.articles.count)
            }
            if editable {
                addArticleForm(env, model.issue, section: section, number: index + 1)
            }
        }
    }

    /// Up/down buttons for an item in a list.
    static func moveButtons(
        _ env: PageEnv, action: String, index: Int, count: Int, what: String,
        idPrefix: String
    ) -> Node {
        el("form", .class("move"), .init("method", "post"), .init("action", action)) {
            env.csrfField
            el(
                "button",
                attributes: button(
                    direction: "up", id: "\(idPrefix)-up",
                    label: env.t("action.move_up_named", ["name": what]), disabled: index == 0)
            ) {
                el("span", .init("aria-hidden", "true")) { "↑ " }
                env.t("action.move_up")
            }
            el(
                "button",
                attributes: button(
                    direction: "down", id: "\(idPrefix)-down",
                    label: env.t("action.move_down_named", ["name": what]),
                    disabled: index + 1 >= count)
            ) {
                el("span", .init("aria-hidden", "true")) { "↓ " }
                env.t("action.move_down")
            }
        }
    }

    private static func button(direction: String, id: String, label: String, disabled: Bool) -> [Attribute] {
        var attributes: [Attribute] = [.type("submit"), .name("direction"), .value(direction), .id(id), .label(label)]
        if disabled { attributes.append(.flag("disabled")) }
        return attributes
    }

    private static func addArticleForm(_ env: PageEnv, _ issue: Issue, section: Section, number: Int) -> Node {
        let prefix = "new-\(section.id)"
        return el("details", .class("add-article")) {
            el("summary") { env.t("article.add") }
            el(
                "form", .id("add-article-\(section.id)"), .init("method", "post"),
                .init("action", "/issues/\(issue.id)/articles")
            ) {
                env.csrfField
                el("input", .type("hidden"), .name("section"), .value(String(number)))
                el("label", .for("\(prefix)-title")) { env.t("article.title") }
                el("input", .type("text"), .id("\(prefix)-title"), .name("title"), .flag("required"))
                el("label", .for("\(prefix)-paragraphs")) { env.t("article.paragraphs") }
                el("p", .class("hint"), .id("\(prefix)-hint")) { env.t("article.paragraphs_hint") }
                el(
                    "textarea", .id("\(prefix)-paragraphs"), .name("paragraphs"), .init("rows", "6"),
                    .init("aria-describedby", "\(prefix)-hint")
                ) {}
                CitationFields.nodes(env, prefix: prefix, citation: nil)
                el("button", .type("submit"), .class("primary")) { env.t("article.add_submit") }
            }
        }
    }
}

/// Whether the issue's content may be edited from this desk (the server still decides).
enum Editing {
    static func allowed(_ env: PageEnv, _ issue: Issue) -> Bool {
        guard env.role.edits else { return false }
        // Published issues are corrected by chiefs only.
        return issue.state < .published || env.role == .chief || env.role == .admin
    }
}

/// The citation inputs: outlet, date, authors.
enum CitationFields {
    static func nodes(_ env: PageEnv, prefix: String, citation: Citation?) -> Node {
        el("fieldset", .class("citation")) {
            el("legend") { env.t("citation.legend") }
            el("label", .for("\(prefix)-outlet")) { env.t("citation.outlet") }
            el("input", .type("text"), .id("\(prefix)-outlet"), .name("outlet"), .value(citation?.outlet ?? ""))
            el("label", .for("\(prefix)-source-date")) { env.t("citation.date") }
            el(
                "input", .type("text"), .id("\(prefix)-source-date"), .name("source_date"),
                .value(citation?.date ?? ""), .init("inputmode", "numeric"))
            el("label", .for("\(prefix)-authors")) { env.t("citation.authors") }
            el(
                "input", .type("text"), .id("\(prefix)-authors"), .name("authors"),
                .value(citation?.authors.joined(separator: ", ") ?? ""))
        }
    }
}
