/// One line of `bulletin log`: who changed what, and when.
public struct HistoryEntry: Codable, Sendable, Hashable {
    /// The change id.
    public var changeID: String
    /// When, from the change's HLC timestamp: ISO 8601 UTC.
    public var time: String
    /// The change's HLC timestamp, wire form.
    public var hlc: String
    /// The editor who made it.
    public var author: String
    /// `create`, `update` or `delete`.
    public var op: String
    /// The entity kind.
    public var entity: String
    /// The entity's id.
    public var entityID: String
    /// What was changed, for a person: e.g. `article 2024-09-05/3 “iHanoi…”`.
    public var target: String
    /// Names of the fields set, sorted.
    public var fields: [String]
    /// Whether the change is still waiting to be pushed.
    public var pending: Bool
    /// The server's log position, once known.
    public var seq: Int64?
}
