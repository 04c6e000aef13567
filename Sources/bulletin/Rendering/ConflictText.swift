import BulletinCore
import Foundation
import SyncClient
import SyncProtocol

/// The human-readable form of `bulletin conflicts show`: who changed what, and for text only the places that
/// differ — each with a few words of context and the paragraph it is in — not the whole article again and again.
enum ConflictText {
    /// Words of unchanged text shown on either side of a change.
    static let contextWords = 5

    static func render(_ conflict: ConflictInfo, style: InlineDiff.Style) -> String {
        var lines = [
            "conflict \(conflict.id) · \(conflict.kind.rawValue) · \(conflict.status.rawValue)"
                + (conflict.resolution.map { " (\($0.rawValue) by \(conflict.resolvedBy ?? "?"))" } ?? ""),
            "\(conflict.target)" + (conflict.field.map { " · field \($0)" } ?? ""),
            "mine:   \(conflict.mineAuthor) (change \(conflict.mineChange.prefix(8)))",
            "theirs: \(conflict.theirsAuthor ?? "?")"
                + (conflict.theirsChange.map { " (change \($0.prefix(8)))" } ?? ""),
        ]
        if let note = note(for: conflict) { lines.append(note) }
        if conflict.base.isNull || conflict.field == nil {
            lines += section("mine", value(conflict.mine))
            lines += section("theirs", value(conflict.theirs))
            lines += section("now (what every replica shows until it is resolved)", value(conflict.current))
        } else {
            lines += section("mine changed (base → mine)", changes(from: conflict.base, to: conflict.mine, style))
            lines += section(
                "theirs changed (base → theirs)",
                changes(from: conflict.base, to: conflict.theirs, style))
            let now = "now (what every replica shows until it is resolved)"
            if conflict.current == conflict.theirs {
                lines += ["", "── \(now): theirs"]
            } else if conflict.current == conflict.mine {
                lines += ["", "── \(now): mine"]
            } else {
                lines += section(now + ", from the base", changes(from: conflict.base, to: conflict.current, style))
            }
        }
        if conflict.status == .open {
            lines.append("")
            lines.append(
                "resolve with `bulletin resolve \(conflict.id.prefix(8)) --take mine|theirs`"
                    + (conflict.field == nil ? "" : " or `--file F`"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func note(for conflict: ConflictInfo) -> String? {
        switch conflict.kind {
        case .delete:
            conflict.mine.isNull
                ? "mine deleted the \(conflict.entity.rawValue) after theirs edited it; the edit survived"
                : "theirs deleted the \(conflict.entity.rawValue) while mine edited it; it was restored"
        case .lateEdit:
            "the issue was already published: mine was not applied (a chief editor decides)"
        case .text, .value:
            nil
        }
    }

    private static func section(_ title: String, _ body: String) -> [String] {
        ["", "── \(title)"] + body.split(separator: "\n", omittingEmptySubsequences: false).map { "   \($0)" }
    }

    /// The places where `new` differs from `old`: one line per changed paragraph (`¶N  …context [-old-]{+new+}
    /// context…`) for article text, the changed words of a text field, or `old → new` for any other value.
    private static func changes(from old: JSONValue, to new: JSONValue, _ style: InlineDiff.Style) -> String {
        if old == new { return "(no change)" }
        if let before = old.stringArray, let after = new.stringArray {
            let excerpts = InlineDiff.excerpts(from: before, to: after, context: contextWords, style: style)
            let width = excerpts.map(\.place.count).max() ?? 0
            return excerpts.map { excerpt in
                excerpt.place + String(repeating: " ", count: width - excerpt.place.count) + "  " + excerpt.text
            }.joined(separator: "\n")
        }
        if let before = old.stringValue, let after = new.stringValue {
            return InlineDiff.excerpts(from: before, to: after, context: contextWords, style: style)
                .map(\.text).joined(separator: "\n")
        }
        return "\(compact(old)) → \(compact(new))"
    }

    private static func value(_ value: JSONValue) -> String {
        switch value {
        case .null:
            return "(none: deleted or unknown)"
        case .string(let text):
            return text
        case .object(let members):
            return members.keys.sorted().map { "\($0): \(compact(members[$0] ?? .null))" }.joined(separator: "\n")
        default:
            if let paragraphs = value.stringArray { return paragraphs.joined(separator: "\n\n") }
            return compact(value)
        }
    }

    private static func compact(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text.count > 200 ? String(text.prefix(199)) + "…" : text }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        return text.count > 200 ? String(text.prefix(199)) + "…" : text
    }
}
