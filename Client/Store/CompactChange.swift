import BulletinCore
import SyncProtocol

/// The compact wire form of a local change: `paragraphs` as a text edit against the value it replaced (the value
/// at the change's base version), when that is smaller than the full text.
enum CompactChange {
    /// The field that may travel as an edit.
    static let field = "paragraphs"

    /// `change` with its paragraphs as an edit against `before`'s, or `nil` when the full value is as small.
    static func make(_ change: ChangeRecord, before: EntityState) -> ChangeRecord? {
        guard change.entity == .article, change.op == .update, change.base[field] != nil,
            let target = change.fields[field]?.arrayValue?.compactMap(\.stringValue),
            let base = before.fields[field]?.arrayValue?.compactMap(\.stringValue),
            case .edit(let edit) = ParagraphsPayload.preferred(base: base, target: target)
        else { return nil }
        var compact = change
        compact.fields[field] = edit.jsonValue
        return compact
    }

    /// `change` with a text edit of its paragraphs (as the server sends it) replaced by the full value, applied to
    /// `current`, the paragraphs this replica holds.
    /// - Throws: ``StoreError/staleTextEdit(changeID:)`` when the edit was made against other paragraphs.
    static func expand(_ change: ChangeRecord, current: [String]?) throws -> ChangeRecord {
        guard let payload = change.fields[field], case .object = payload else { return change }
        do {
            let edit = try TextEdit(jsonValue: payload)
            guard let current else { throw StoreError.staleTextEdit(changeID: change.changeID) }
            var full = change
            full.fields[field] = FieldEncoding.strings(try edit.apply(to: current))
            return full
        } catch {
            throw StoreError.staleTextEdit(changeID: change.changeID)
        }
    }
}
