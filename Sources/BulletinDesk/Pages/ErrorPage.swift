/// A refusal or an error, as a page: what happened and where to go.
enum ErrorPage {
    static func render(_ env: PageEnv, _ failure: DeskFailure) -> [UInt8] {
        let heading: String
        switch failure.status {
        case 404: heading = env.t("error.heading.not_found")
        case 400: heading = env.t("error.heading.bad_request")
        case 403: heading = env.t("error.heading.forbidden")
        case 409: heading = env.t("error.heading.conflict")
        default: heading = env.t("error.heading.internal")
        }
        return Layout.page(env, title: heading, mainID: "error") {
            el("h1") { heading }
            el("p", .class("error-reason"), .id("error-reason"), .init("data-status", String(failure.status))) {
                env.t(failure.key, failure.values)
            }
            el("p") { el("a", .href("/")) { env.t("error.back") } }
        }
    }
}
