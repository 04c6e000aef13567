import BulletinCore
import SyncClient
import SyncProtocol

/// `/conflicts` and `/conflicts/{id}`: the open conflicts, and one of them side by side (base, mine, theirs)
/// with word-level highlights and the ways to resolve it.
enum ConflictPages {
    static func list(
        _ env: PageEnv, open: [ConflictInfo], resolved: [ConflictInfo],
        subjects: [String: ConflictSubject]
    ) -> [UInt8] {
        Layout.page(env, title: env.t("conflicts.title"), mainID: "conflicts") {
            el("h1") { env.t("conflicts.title") }
            if open.isEmpty {
                el("p", .class("empty"), .id("conflicts-empty")) { env.t("conflicts.empty") }
            } else {
                el("ul", .class("conflict-list"), .id("conflict-list")) {
                    for conflict in open { item(env, conflict, subjects[conflict.id]) }
                }
            }
            if !resolved.isEmpty {
                el("h2") { env.t("conflicts.resolved_heading") }
                el("ul", .class("conflict-list resolved"), .id("conflict-resolved-list")) {
                    for conflict in resolved.prefix(50) { item(env, conflict, subjects[conflict.id]) }
                }
            }
        }
    }

    private static func item(_ env: PageEnv, _ conflict: ConflictInfo, _ subject: ConflictSubject?) -> Node {
        el("li", .init("data-conflict", conflict.id)) {
            el("a", .href("/conflicts/\(conflict.id)")) { subject?.text(env) ?? env.t("conflict.target.other") }
            " — "
            el("span", .class("conflict-field")) { fieldName(conflict.field, env) }
            " · "
            el("span") {
                env.t(
                    "conflict.between",
                    [
                        "mine": conflict.mineAuthor,
                        "theirs": conflict.theirsAuthor ?? env.t("conflict.unknown_author"),
                    ])
            }
            if conflict.status == .resolved {
                " · "
                el("span", .class("badge state-published")) {
                    env.t("conflict.resolved_by", ["editor": conflict.resolvedBy ?? ""])
                }
            }
        }
    }

    static func detail(_ env: PageEnv, _ conflict: ConflictInfo, subject: ConflictSubject) -> [UInt8] {
        let theirsAuthor = conflict.theirsAuthor ?? env.t("conflict.unknown_author")
        return Layout.page(env, title: env.t("conflict.title"), mainID: "conflict") {
            el("h1") { env.t("conflict.title") }
            el("p", .class("lede")) {
                el("a", .href(subject.href), .id("conflict-subject")) { subject.text(env) }
                " — "
                fieldName(conflict.field, env)
            }
            if conflict.status == .resolved {
                el("p", .class("verified"), .id("conflict-resolved")) {
                    env.t("conflict.resolved_by", ["editor": conflict.resolvedBy ?? ""])
                }
            }
            let view = SideBySide(conflict, env)
            el("div", .class("sides"), .id("conflict-sides")) {
                side(env, id: "side-base", heading: env.t("conflict.base"), blocks: view.base)
                side(
                    env, id: "side-mine", heading: env.t("conflict.mine", ["author": conflict.mineAuthor]),
                    blocks: view.mine)
                side(
                    env, id: "side-theirs", heading: env.t("conflict.theirs", ["author": theirsAuthor]),
                    blocks: view.theirs)
            }
            if view.hidden > 0 {
                el("p", .class("hint"), .id("conflict-hidden")) { env.n("conflict.unchanged_hidden", view.hidden) }
            }
            el("p", .class("hint")) { env.t("conflict.legend") }
            if conflict.status == .open, env.role.edits {
                resolveForm(env, conflict, theirsAuthor: theirsAuthor)
            }
        }
    }

    private static func side(_ env: PageEnv, id: String, heading: String, blocks: [SideBySide.Block]) -> Node {
        el("section", .class("side"), .id(id), .init("aria-labelledby", "\(id)-title")) {
            el("h2", .id("\(id)-title")) { heading }
            for block in blocks {
                if let number = block.number {
                    el("p", .class("para-label")) { env.t("conflict.paragraph", ["number": String(number)]) }
                }
                el("p") { WordDiff.nodes(block.pieces) }
            }
        }
    }

    private static func resolveForm(_ env: PageEnv, _ conflict: ConflictInfo, theirsAuthor: String) -> Node {
        el(
            "form", .class("resolve card"), .id("resolve"), .init("method", "post"),
            .init("action", "/conflicts/\(conflict.id)/resolve")
        ) {
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
                el("div", .class("form-actions")) {
                    el(
                        "button", .type("submit"), .name("take"), .value("merged"), .class("primary"),
                        .id("resolve-merged")
                    ) { env.t("conflict.take_merged") }
                }
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

    static func plain(_ value: JSONValue, _ env: PageEnv) -> [[WordDiff.Piece]] {
        paragraphs(of: value, env).map { [.same($0)] }
    }

    static func diff(_ base: JSONValue, _ side: JSONValue, _ env: PageEnv) -> [[WordDiff.Piece]] {
        if side.isNull { return [[.same(env.t("conflict.deleted"))]] }
        return WordDiff.paragraphs(from: paragraphs(of: base, env), to: paragraphs(of: side, env))
    }

    static func paragraphs(of value: JSONValue, _ env: PageEnv) -> [String] {
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
        case .object(let fields):
            return fields.keys.sorted().map { "\($0): \(describe(fields[$0] ?? .null))" }
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

/// The three sides of a conflict, reduced to what differs: when all sides have the same number of paragraphs,
/// only the paragraphs that changed on some side are shown (numbered), the others are counted.
struct SideBySide {
    struct Block {
        var number: Int?
        var pieces: [WordDiff.Piece]
    }

    var base: [Block] = []
    var mine: [Block] = []
    var theirs: [Block] = []
    var hidden = 0

    init(_ conflict: ConflictInfo, _ env: PageEnv) {
        let baseText = ConflictPages.paragraphs(of: conflict.base, env)
        let mineText = conflict.mine.isNull ? nil : ConflictPages.paragraphs(of: conflict.mine, env)
        let theirsText = conflict.theirs.isNull ? nil : ConflictPages.paragraphs(of: conflict.theirs, env)
        if let mineText, let theirsText, baseText.count > 1, mineText.count == baseText.count,
            theirsText.count == baseText.count
        {
            for index in baseText.indices {
                guard baseText[index] != mineText[index] || baseText[index] != theirsText[index] else {
                    hidden += 1
                    continue
                }
                base.append(Block(number: index + 1, pieces: [.same(baseText[index])]))
                mine.append(
                    Block(number: index + 1, pieces: WordDiff.pieces(from: baseText[index], to: mineText[index])))
                theirs.append(
                    Block(
                        number: index + 1,
                        pieces: WordDiff.pieces(from: baseText[index], to: theirsText[index])))
            }
            return
        }
        base = ConflictPages.plain(conflict.base, env).map { Block(number: nil, pieces: $0) }
        mine = ConflictPages.diff(conflict.base, conflict.mine, env).map { Block(number: nil, pieces: $0) }
        theirs = ConflictPages.diff(conflict.base, conflict.theirs, env).map { Block(number: nil, pieces: $0) }
    }
}
