import BulletinCore
import Foundation
import SyncProtocol

/// The compact forms of a logged record for pulls that accept text edits: `paragraphs` as an edit against the
/// value a puller already holds, kept only when smaller than the full record.
struct OutboundEdits: Sendable, Hashable {
    /// For any replica that applied every earlier record: an edit against the value before this record.
    var editRecord: String?
    /// For the author's replica: an edit against the value its author sent (an empty edit when stored as sent).
    var authorRecord: String?

    /// The compact forms of `logged` (with its seq) given the entity's state `before` it and the `sent` change.
    static func make(
        logged: ChangeRecord, full: String, before: EntityState, sent: ChangeRecord
    ) -> OutboundEdits {
        let field = InboundEdits.field
        guard logged.entity == .article, logged.op != .delete, let target = logged.fields[field]?.stringArray else {
            return OutboundEdits()
        }
        let prior = logged.op == .update ? before.fields[field]?.stringArray : nil
        let authorBase = sent.fields[field]?.stringArray ?? prior
        func compact(against base: [String]?) -> String? {
            guard let base, let edit = smallerEdit(base: base, target: target) else { return nil }
            var record = logged
            record.fields[field] = edit.jsonValue
            let text = RecordJSON.text(record)
            return text.utf8.count < full.utf8.count ? text : nil
        }
        return OutboundEdits(editRecord: compact(against: prior), authorRecord: compact(against: authorBase))
    }

    /// The edit ``ParagraphsPayload/preferred(base:target:)`` prefers, or `nil` when it prefers the full value.
    ///
    /// The same choice, without encoding the full value (with `JSONEncoder`, ~5 KB for every article logged) when
    /// the edit is smaller than the least that encoding can be: each paragraph's bytes between quotes, a comma or
    /// the closing bracket after each, the opening bracket.
    static func smallerEdit(base: [String], target: [String]) -> TextEdit? {
        // Equal paragraphs (the author's echo of every article logged as sent): the edit `TextEdit.make` makes of
        // them, without its normalising scans of both (`target` is logged text, in the stored form already, and so
        // is `base`, equal to it).
        let edit =
            base == target
            ? TextEdit(baseCount: base.count, baseHash: TextFingerprint.of(base), operations: [])
            : TextEdit.make(base: base, target: target)
        let fullAtLeast = target.reduce(1) { $0 + $1.utf8.count + 3 }
        // The edit's size as the canonical writer measures it: the bytes `JSONEncoder` writes for the same value
        // (sorted keys, `/` unescaped; `StoredJSONTests`), without `JSONEncoder`.
        if CanonicalJSON.bytes(edit.jsonValue).count < fullAtLeast { return edit }
        guard case .edit(let preferred) = ParagraphsPayload.preferred(base: base, target: target) else { return nil }
        return preferred
    }
}
