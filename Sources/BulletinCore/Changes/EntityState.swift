import SyncProtocol

/// The current state of one entity as a replica (client or server) holds it: field values, the change that last
/// wrote each field, and whether it is deleted.
///
/// Both sides apply change records through ``applying(_:)`` so that, given the same records in the same order,
/// every replica holds the same state.
public struct EntityState: Codable, Sendable, Hashable {
    /// Current field values (snake_case names, as in change records).
    public var fields: [String: JSONValue]
    /// For each field, the change id that last wrote it: the field's version.
    public var versions: [String: String]
    /// Whether the entity has been deleted (a tombstone keeps its last fields).
    public var deleted: Bool

    /// Creates a state.
    public init(fields: [String: JSONValue] = [:], versions: [String: String] = [:], deleted: Bool = false) {
        self.fields = fields
        self.versions = versions
        self.deleted = deleted
    }

    /// The state after `change`: `create` and `update` set the given fields (and revive a deleted entity),
    /// `delete` marks it deleted.
    public func applying(_ change: ChangeRecord) -> EntityState {
        var next = self
        switch change.op {
        case .create, .update:
            for (name, value) in change.fields {
                next.fields[name] = value
                next.versions[name] = change.changeID
            }
            next.deleted = false
        case .delete:
            next.deleted = true
        }
        return next
    }
}
