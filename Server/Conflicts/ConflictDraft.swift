import BulletinCore
import SyncProtocol

/// A conflict the merge of one incoming change found, before it becomes a `conflict` entity.
struct ConflictDraft: Sendable, Hashable {
    /// What kind of conflict.
    var kind: ConflictKind
    /// The field in conflict; `nil` for the whole entity (a delete, a late create).
    var field: String?
    /// The common base value; `.null` when unknown.
    var base: JSONValue
    /// The incoming change's value (`.null`: it deleted the entity).
    var mine: JSONValue
    /// The stored value (`.null`: the entity was deleted).
    var theirs: JSONValue
    /// What the server stored.
    var current: JSONValue
    /// The change that wrote the stored value, when known.
    var theirsChange: String?
    /// Its author, when known.
    var theirsAuthor: String?

    /// The `create` record of the conflict entity opened by `change`.
    /// - Parameters:
    ///   - change: the incoming change (its id, author and clock stamp the conflict).
    ///   - issueID: the issue the entity in conflict belongs to.
    ///   - conflictID: the new conflict's id.
    ///   - changeID: the id of the record that creates it.
    ///   - serverID: the server's id, the record's `client_id`.
    func record(
        for change: ChangeRecord, issueID: String, conflictID: String, changeID: String, serverID: String
    ) -> ChangeRecord {
        let fields: [String: JSONValue] = [
            ConflictField.kind: .string(kind.rawValue),
            ConflictField.entity: .string(change.entity.rawValue),
            ConflictField.entityID: .string(change.entityID),
            ConflictField.field: field.map(JSONValue.string) ?? .null,
            ConflictField.issueID: .string(issueID),
            ConflictField.base: base,
            ConflictField.mine: mine,
            ConflictField.theirs: theirs,
            ConflictField.mineAuthor: .string(change.author),
            ConflictField.theirsAuthor: theirsAuthor.map(JSONValue.string) ?? .null,
            ConflictField.mineChange: .string(change.changeID),
            ConflictField.theirsChange: theirsChange.map(JSONValue.string) ?? .null,
            ConflictField.current: current,
            ConflictField.status: .string(ConflictStatus.open.rawValue),
            ConflictField.resolution: .null,
            ConflictField.resolvedBy: .null,
        ]
        return ChangeRecord(
            changeID: changeID, entity: .conflict, entityID: conflictID, op: .create, fields: fields,
            hlc: change.hlc, author: ConflictDraft.serverAuthor, clientID: serverID)
    }

    /// The author name of records the server makes itself.
    static let serverAuthor = "bulletin-server"
}
