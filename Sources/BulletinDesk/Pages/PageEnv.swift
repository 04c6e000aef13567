import SyncClient

/// Everything a page needs besides its data: the language, the formatter, the CSRF token, the role, the status
/// line, and where the request came from.
struct PageEnv: Sendable {
    /// The language's messages.
    let catalog: Catalog
    /// Dates, times and numbers.
    let format: DeskFormat
    /// The CSRF token every form carries.
    let csrf: String
    /// The request's path and query (where to come back to).
    let path: String
    /// What the user may do.
    let role: DeskRole
    /// The status line.
    let status: StatusSnapshot
    /// Now, Unix milliseconds.
    let now: Int64

    /// A message.
    func t(_ key: String, _ values: [String: String] = [:]) -> String {
        catalog.text(key, values)
    }

    /// A plural message.
    func n(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        catalog.plural(key, count: count, values)
    }

    /// The hidden CSRF field of a form.
    var csrfField: Node {
        el("input", .type("hidden"), .name("_csrf"), .value(csrf))
    }

    /// The hidden field naming the page to return to after a POST.
    var returnField: Node {
        el("input", .type("hidden"), .name("return"), .value(path))
    }
}

/// The status line's facts, read when the page is built.
struct StatusSnapshot: Sendable {
    /// The background sync's connection and last sync.
    var sync: SyncStatus
    /// Local changes not yet pushed.
    var pending: Int
    /// Open conflicts.
    var conflicts: Int
    /// Changes the server refused, by refusal code.
    var refusals: [String: Int]
}
