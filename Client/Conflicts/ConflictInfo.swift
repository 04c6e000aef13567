import BulletinCore
import SyncProtocol

/// One conflict as `bulletin conflicts` shows it: what is in conflict, both sides, and what is stored meanwhile.
public struct ConflictInfo: Codable, Sendable, Hashable {
    /// The conflict's id (lowercase UUID text).
    public var id: String
    /// `text`, `value`, `delete` or `late_edit`.
    public var kind: ConflictKind
    /// The kind of the entity in conflict.
    public var entity: EntityKind
    /// Its id.
    public var entityID: String
    /// The field in conflict; `nil` for the whole entity.
    public var field: String?
    /// The issue it belongs to.
    public var issueID: String
    /// The entity for people, e.g. `article 2024-09-05/3 “Tăng cường cải cách”`.
    public var target: String
    /// The value both sides started from (`null` when unknown).
    public var base: JSONValue
    /// The incoming change's value (`null`: that side deleted the entity).
    public var mine: JSONValue
    /// The stored, concurrent value (`null`: that side deleted the entity).
    public var theirs: JSONValue
    /// What every replica holds while the conflict is open.
    public var current: JSONValue
    /// Who made the incoming change.
    public var mineAuthor: String
    /// Who wrote the stored value, when known.
    public var theirsAuthor: String?
    /// The incoming change's id.
    public var mineChange: String
    /// The change that wrote the stored value, when known.
    public var theirsChange: String?
    /// `open` or `resolved`.
    public var status: ConflictStatus
    /// How it was resolved.
    public var resolution: ConflictResolution?
    /// Who resolved it.
    public var resolvedBy: String?
}

/// What `bulletin resolve` did.
public struct ConflictResolutionReport: Codable, Sendable, Hashable {
    /// The conflict.
    public var conflict: ConflictInfo
    /// The fields written to the entity (empty when the stored value already was the chosen one).
    public var wroteFields: [String]
    /// Whether the entity was deleted (the chosen side was a deletion).
    public var deletedEntity: Bool
}

/// What an editor picks to resolve a conflict.
public enum ConflictChoice: Sendable, Hashable {
    /// One side for every conflicting part (for text, the parts that merged cleanly are kept).
    case take(MergeSide)
    /// A value of the editor's own (e.g. merged text from a file).
    case value(JSONValue)
}
