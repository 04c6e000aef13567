import SyncProtocol

/// The field names of a `conflict` entity (see PROTOCOL.md, section 20).
public enum ConflictField {
    /// `text`, `value`, `delete` or `late_edit` (``ConflictKind``).
    public static let kind = "kind"
    /// The kind of the entity in conflict (`article`, `issue`, …).
    public static let entity = "entity"
    /// The id of the entity in conflict.
    public static let entityID = "entity_id"
    /// The field in conflict; `null` for a conflict about the whole entity (a delete, a late create).
    public static let field = "field"
    /// The issue the entity belongs to.
    public static let issueID = "issue_id"
    /// The value both sides started from; `null` when the server did not know it.
    public static let base = "base"
    /// The incoming change's value (`null`: that side deleted the entity).
    public static let mine = "mine"
    /// The stored, concurrent value (`null`: that side deleted the entity).
    public static let theirs = "theirs"
    /// Who made the incoming change.
    public static let mineAuthor = "mine_author"
    /// Who wrote the stored value.
    public static let theirsAuthor = "theirs_author"
    /// The incoming change's id; the stored value's version right after the conflict.
    public static let mineChange = "mine_change"
    /// The change that wrote the stored value.
    public static let theirsChange = "theirs_change"
    /// The value the server stored while the conflict is open.
    public static let current = "current"
    /// `open` or `resolved` (``ConflictStatus``); only moves forward.
    public static let status = "status"
    /// `mine`, `theirs` or `merged` (``ConflictResolution``), or `null` while open.
    public static let resolution = "resolution"
    /// The editor who resolved it, or `null` while open.
    public static let resolvedBy = "resolved_by"

    /// The fields an editor's change may set: resolving is the only thing a client does to a conflict.
    public static let resolutionFields = Set(DataContract.conflictResolutionFields)

    /// Every field, in the order the protocol lists them (the data contract's).
    public static let all = DataContract.conflict.fieldNames
}
