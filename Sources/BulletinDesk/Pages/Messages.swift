import SyncProtocol

/// Messages for stable codes: the server's refusal codes and the sync errors, looked up by code in the catalog
/// (never by matching English text).
enum Messages {
    /// A push refusal's code (`forbidden`, `rate_limited`, a contract code…).
    static func refusal(_ code: String, _ env: PageEnv) -> String {
        switch code {
        case "forbidden": env.t("refusal.forbidden")
        case "rate_limited": env.t("refusal.rate_limited")
        case "unauthenticated": env.t("refusal.unauthenticated")
        case "invalid_message": env.t("refusal.invalid")
        case "batch_too_large": env.t("refusal.too_large")
        // The data contract's codes (PROTOCOL.md section 21): the content is not valid.
        case _ where ContractCode(rawValue: code) != nil: env.t("refusal.invalid")
        default: env.t("refusal.other")
        }
    }

    /// A sync error's stable code (`SyncError.code`: `connection_refused`, `timeout`, `server_forbidden`…).
    static func syncError(_ code: String, _ env: PageEnv) -> String {
        switch code {
        case "connection_refused": env.t("sync_error.connection_refused")
        case "connection_failed", "invalid_address", "no_server": env.t("sync_error.connection_failed")
        case "connection_closed", "connection_reset": env.t("sync_error.connection_closed")
        case "timeout": env.t("sync_error.timed_out")
        case "tls_failed": env.t("sync_error.tls_failed")
        case "protocol_violation": env.t("sync_error.protocol_violation")
        case "server_unauthenticated": env.t("refusal.unauthenticated")
        case "server_forbidden": env.t("refusal.forbidden")
        case "server_rate_limited": env.t("refusal.rate_limited")
        case "server_shutting_down": env.t("sync_error.shutting_down")
        default: env.t("sync_error.other")
        }
    }

    /// A publication state's name.
    static func state(_ state: String, _ env: PageEnv) -> String {
        switch state {
        case "draft": env.t("state.draft")
        case "review": env.t("state.review")
        case "approved": env.t("state.approved")
        case "published": env.t("state.published")
        case "retracted": env.t("state.retracted")
        default: state
        }
    }

    /// An annotation kind's name.
    static func kind(_ kind: String, _ env: PageEnv) -> String {
        switch kind {
        case "comment": env.t("note.kind.comment")
        case "correction": env.t("note.kind.correction")
        case "fact-check": env.t("note.kind.fact_check")
        case "sign-off": env.t("note.kind.sign_off")
        default: kind
        }
    }
}
