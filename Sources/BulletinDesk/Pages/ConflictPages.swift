import BulletinCore
import SyncClient
import SyncProtocol

/// `/conflicts` and `/conflicts/{id}`: the open conflicts, and one of them side by side (base, mine, theirs)
/// with word-level highlights and the ways to resolve it.
enum ConflictPages {
    static func list(_ env: PageEnv, open: [ConflictInfo], resolved: [ConflictInfo]) -> String {
        Layout.page(env, title: env.t("conflicts.title"), mainID: "conflicts") {
            el("h1") { env.t("conflicts.title") }
            if open.isEmpty {
                el("p", .class("empty"), .id("conflicts-empty")) { env.t("conflicts.empty") }
            } else {
                el("ul", .class("conflict-list"), .id("conflict-list")) {
                    for conflict in open { item(env, conflict) }
                }
            }
            if !resolved.isEmpty {
                el("h2") { env.t("conflicts.resolved_heading") }
                el("ul", .class("conflict-list resolved"), .id("conflict-resolved-list")) {
                    for conflict in resolved.prefix(50) { item(env, conflict) }
                }
            }
        }
    }

    private static func item(_ env: PageEnv, _ conflict: ConflictInfo) -> Node {
        el("li", .init("data-conflict", conflict.id)) {
            el("a", .href("/conflicts/\(conflict.id)")) { conflict.target }
            " — "
            el("span", .class("conflict-field")) { fieldName(conflict.field, env) }
            " · "
            el("span") {
                env.t("conflict.between", ["mine": conflict.mineAuthor,
                                           "theirs": conflict.theirsAuthor ?? env.t("conflict.unknown_author")])
            }
            if conflict.status == .resolved {
                " · "
                el("span", .class("badge state-published")) {
                    env.t("conflict.resolved_by", ["editor": conflict.resolvedBy ?? ""])
                }
            }
        }
    }

    static func detail(_ env: PageEnv, _ conflict: ConflictInfo) -> String {
        let theirsAuthor = conflict.theirsAuthor ?? env.t("conflict.unknown_author")
        return Layout.page(env, title: env.t("conflict.title"), mainID: "conflict") {
            el("h1") { env.t("conflict.title") }
            el("p", .class("lede")) {
                el("a", .href("/issues/\(conflict.issueID)")) { conflict.target }
                " — "
                fieldName(conflict.field, env)
            }
            if conflict.status == .resolved {
                el("p", .class("verified"), .id("conflict-resolved")) {
                    env.t("conflict.resolved_by", ["editor": conflict.resolvedBy ?? ""])
                }
            }
            el("div", .class("sides"), .id("conflict-sides")) {
                side(env, id: "side-base", heading: env.t("conflict.base"), pieces: plain(conflict.base, env))
                side(env, id: "side-mine", heading: env.t("conflict.mine", ["author": conflict.mineAuthor]),
                     pieces: diff(conflict.base, conflict.mine, env))
                side(env, id: "side-theirs", heading: env.t("conflict.theirs", ["author": theirsAuthor]),
                     pieces: diff(conflict.base, conflict.theirs, env))
            }
            el("p", .class("hint")) { env.t("conflict.legend") }
            if conflict.status == .open, env.role.edits {
                resolveForm(env, conflict, theirsAuthor: theirsAuthor)
            }
        }
    }

    private static func side(_ env: PageEnv, id: String, heading: String, pieces: [[WordDiff.Piece]]) -> Node {
        el("section", .class("side"), .id(id), .init("aria-labelledby", "\(id)-title")) {
            el("h2", .id("\(id)-title")) { heading }
            for paragraph in pieces {
                el("p") { WordDiff.nodes(paragraph) }
            }
        }
    }

    private static func resolveForm(_ env: PageEnv, _ conflict: ConflictInfo, theirsAuthor: String) -> Node {
        el("form", .class("resolve card"), .id("resolve"), .init("method", "post"),
           .init("action", "/conflicts/\(conflict.id)/resolve")) {
            env.csrfField
            el("h2") { env.t("conflict.resolve_heading") }
            el("div", .class("form-actions")) {
                el("button", .type("submit"), .name("take"), .value("mine"), .id("resolve-mine")) {
                    env.t("conflict.take_mine", ["author": conflict.mineAuthor])
                }
                el("button", .type("submit"), .name("take"), .value("theirs"), .id("resolve-theirs")) {
                    env.t("conflict.take_theirs", ["author": theirsAuthor])
                }
            }
            if let merged = editableText(conflict) {
                el("label", .for("resolve-merged-text")) { env.t("conflict.merged_label") }
                el("textarea", .id("resolve-merged-text"), .name("merged"), .init("rows", "10")) { merged }
                el("button", .type("submit"), .name("take"), .value("merged"), .class("primary"),
                   .id("resolve-merged")) { env.t("conflict.take_merged") }
            }
        }
    }

    /// The text an editor can merge by hand: the current value of a title or paragraphs conflict.
    static func editableText(_ conflict: ConflictInfo) -> String? {
        guard conflict.field == "title" || conflict.field == "paragraphs" else { return nil }
        if let text = conflict.current.stringValue { return text }
        if let paragraphs = conflict.current.stringArray { return ParagraphText.join(paragraphs) }
        return nil
    }

    private static func plain(_ value: JSONValue, _ env: PageEnv) -> [[WordDiff.Piece]] {
        paragraphs(of: value, env).map { [.same($0)] }
    }

    private static func diff(_ base: JSONValue, _ side: JSONValue, _ env: PageEnv) -> [[WordDiff.Piece]] {
        if side.isNull { return [[.same(env.t("conflict.deleted"))]] }
        return WordDiff.paragraphs(from: paragraphs(of: base, env), to: paragraphs(of: side, env))
    }

    private static func paragraphs(of value: JSONValue, _ env: PageEnv) -> [String] {
        if value.isNull { return [env.t("conflict.none")] }
        if let text = value.stringValue { return [text] }
        if let array = value.stringArray { return array }
        if let object = value.objectValue {
            return object.keys.sorted().map { key in "\(key): \(describe(object[key] ?? .null))" }
        }
        return [describe(value)]
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "—"
        case .bool(let flag): return flag ? "✔" : "✘"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return text
        case .array(let items): return items.map(describe).joined(separator: ", ")
        case .object(let fields): return fields.keys.sorted().map { "\($0): \(describe(fields[$0] ?? .null))" }
            .joined(separator: "; ")
        }
    }

    static func fieldName(_ field: String?, _ env: PageEnv) -> String {
        switch field {
        case "title": env.t("field.title")
        case "paragraphs": env.t("field.paragraphs")
        case "source": env.t("field.source")
        case "state": env.t("field.state")
        case "text": env.t("field.note_text")
        case nil: env.t("field.whole")
        default: env.t("field.other")
        }
    }
}
