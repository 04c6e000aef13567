import SyncProtocol

/// How the server merges one field when a change arrives that is concurrent with the stored value (its base
/// version is not the field's current version). Both sides use the same table: the server to merge, the client to
/// resolve.
public enum FieldMergeRule: Sendable, Hashable {
    /// Article text: ``TextMerge`` (paragraphs, then words); overlapping edits conflict (kind `text`).
    case text
    /// A single value: ``ValueMerge``; changed differently on both sides → conflict (kind `value`).
    case value
    /// Order and placement (positions, the section or issue an entity is in): the later writer by hybrid logical
    /// clock, then client id; never a conflict.
    case order
    /// Values that only move forward (publication state, `resolved`, a conflict's status): the further of the two,
    /// applied even when the change is not concurrent; never a conflict.
    case forwardOnly

    /// The rule for `field` of `entity`.
    public static func rule(entity: EntityKind, field: String) -> FieldMergeRule {
        switch (entity, field) {
        case (.article, "paragraphs"):
            .text
        case (.issue, "state"), (.annotation, "resolved"), (.conflict, ConflictField.status):
            .forwardOnly
        case (.section, "position"), (.section, "issue_id"), (.article, "position"), (.article, "section_id"),
            (.article, "issue_id"), (.annotation, "article_id"), (.annotation, "issue_id"), (.conflict, _):
            .order
        default:
            .value
        }
    }

    /// The further of two values of a forward-only field: publication states by their order, booleans `false` <
    /// `true`, conflict statuses `open` < `resolved`. Any other pair (the contract never stores one): `incoming`.
    public static func forward(current: JSONValue?, incoming: JSONValue) -> JSONValue {
        guard let current else { return incoming }
        if let old = current.boolValue, let new = incoming.boolValue {
            return .bool(ForwardOnlyMerge.resolved(current: old, incoming: new))
        }
        if let oldText = current.stringValue, let newText = incoming.stringValue {
            if let old = PublicationState(rawValue: oldText), let new = PublicationState(rawValue: newText) {
                return .string(ForwardOnlyMerge.publicationState(current: old, incoming: new).rawValue)
            }
            if let old = ConflictStatus(rawValue: oldText), let new = ConflictStatus(rawValue: newText) {
                return .string(max(old, new).rawValue)
            }
        }
        return incoming
    }
}
