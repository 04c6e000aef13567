/// The frame of every page: language, landmarks, skip link, navigation, language switch and the live status line.
enum Layout {
    /// A whole page. `title` is the page's own title (the `<title>` adds the desk's name).
    static func page(_ env: PageEnv, title: String, mainID: String, @HTMLBuilder _ content: () -> [Node]) -> [UInt8] {
        let body = content()
        return HTMLRenderer.render([
            el("html", .init("lang", env.catalog.language.rawValue)) {
                el("head") {
                    el("meta", .init("charset", "utf-8"))
                    el("meta", .name("viewport"), .init("content", "width=device-width, initial-scale=1"))
                    el("title") { env.t("app.title_format", ["page": title, "app": env.t("app.name")]) }
                    el("link", .init("rel", "stylesheet"), .href("/assets/desk.css"))
                    el("script", .init("src", "/assets/desk.js"), .flag("defer")) {}
                }
                el(
                    "body", .init("data-live-events", "/events"),
                    .init("data-msg-remote-change", env.t("live.remote_change")),
                    .init("data-msg-remote-title", env.t("live.remote_value")),
                    .init("data-msg-updated", env.t("live.updated"))
                ) {
                    el("a", .class("skip-link"), .href("#main")) { env.t("nav.skip") }
                    header(env)
                    el("main", .id("main"), .init("tabindex", "-1"), .init("data-page", mainID)) {
                        el("div", .id(mainID), .init("data-live", mainID)) { body }
                    }
                    el("footer", .class("desk-footer")) {
                        el("p") { env.t("footer.offline_note") }
                    }
                }
            }
        ])
    }

    private static func header(_ env: PageEnv) -> Node {
        el("header", .class("desk-header")) {
            el("a", .class("brand"), .href("/")) {
                el("span", .class("brand-mark"), .init("aria-hidden", "true")) { "▤" }
                el("span") { env.t("app.name") }
            }
            el("nav", .label(env.t("nav.label")), .class("desk-nav")) {
                el("ul") {
                    el("li") { el("a", .href("/"), .id("nav-issues")) { env.t("nav.issues") } }
                    el("li") {
                        el("a", .href("/conflicts"), .id("nav-conflicts")) {
                            env.t("nav.conflicts")
                            if env.status.conflicts > 0 {
                                " "
                                el("span", .class("count")) { env.format.number(env.status.conflicts) }
                            }
                        }
                    }
                    el("li") { el("a", .href("/search"), .id("nav-search")) { env.t("nav.search") } }
                    el("li") { el("a", .href("/history"), .id("nav-history")) { env.t("nav.history") } }
                }
            }
            languageSwitch(env)
            statusLine(env)
        }
    }

    private static func languageSwitch(_ env: PageEnv) -> Node {
        el("form", .class("lang-switch"), .id("lang-switch"), .init("method", "post"), .init("action", "/language")) {
            env.csrfField
            env.returnField
            el("fieldset") {
                el("legend", .class("visually-hidden")) { env.t("lang.legend") }
                for language in DeskLanguage.allCases {
                    el(
                        "button",
                        attributes: [
                            .type("submit"), .name("lang"), .value(language.rawValue),
                            .init("lang", language.rawValue),
                            .init("aria-pressed", language == env.catalog.language ? "true" : "false"),
                        ]
                    ) {
                        env.t(language == .vi ? "lang.vi" : "lang.en")
                    }
                }
            }
        }
    }

    /// The live status line (replaced by live updates; announced politely).
    static func statusLine(_ env: PageEnv) -> Node {
        let status = env.status
        let (connectionKey, connectionClass): (String, String) =
            switch status.sync.connection {
            case .noServer: ("status.no_server", "state-local")
            case .connecting: ("status.connecting", "state-offline")
            case .online: ("status.online", "state-online")
            case .offline: ("status.offline", "state-offline")
            }
        return el(
            "div", .id("sync-status"), .class("sync-status"), .init("role", "status"),
            .init("aria-live", "polite")
        ) {
            el("ul") {
                el("li", .class(connectionClass), .id("status-connection")) {
                    el("span", .class("dot"), .init("aria-hidden", "true")) {}
                    env.t(connectionKey)
                    if status.sync.connection == .offline, let code = status.sync.lastErrorCode {
                        " — "
                        Messages.syncError(code, env)
                    }
                }
                el("li", .id("status-pending")) { env.n("status.pending", status.pending) }
                el("li", .id("status-last-sync")) {
                    if let last = status.sync.lastSyncMillis {
                        env.t("status.last_sync", ["time": env.format.relative(millis: last, now: env.now)])
                    } else {
                        env.t("status.never_synced")
                    }
                }
                el("li", .id("status-conflicts")) {
                    if status.conflicts > 0 {
                        el("a", .href("/conflicts")) { env.n("status.conflicts", status.conflicts) }
                    } else {
                        env.t("status.no_conflicts")
                    }
                }
                for (code, count) in status.refusals.sorted(by: { $0.key < $1.key }) {
                    el("li", .class("refused"), .id("status-refused-\(code)")) {
                        env.n("status.refused", count, ["reason": Messages.refusal(code, env)])
                    }
                }
            }
        }
    }
}
