import BulletinCore
import Foundation
import SyncProtocol

/// The human-readable form of `bulletin conflicts show`.
enum ConflictText {
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
        } else {
            lines += section("base", value(conflict.base))
            lines += section("base → mine", diff(from: conflict.base, to: conflict.mine, style: style))
            lines += section("base → theirs", diff(from: conflict.base, to: conflict.theirs, style: style))
        }
        lines += section("current (what every replica shows until it is resolved)", value(conflict.current))
        if conflict.status == .open {
            lines.append("")
            lines.append("resolve with `bulletin resolve \(conflict.id.prefix(8)) --take mine|theirs`"
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

    private static func diff(from old: JSONValue, to new: JSONValue, style: InlineDiff.Style) -> String {
        if let before = old.stringArray, let after = new.stringArray {
            return InlineDiff.render(from: before, to: after, style: style)
        }
        if let before = old.stringValue, let after = new.stringValue {
            return InlineDiff.render(from: before, to: after, style: style)
        }
        return "\(value(old)) → \(value(new))"
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
