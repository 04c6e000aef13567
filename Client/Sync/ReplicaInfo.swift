/// Who this store is and where its sync stands: what `hello` and `pull` need.
public struct ReplicaInfo: Codable, Sendable, Hashable {
    /// The replica's client id (lowercase UUID text).
    public var clientID: String
    /// The editor working in this store (the author of its changes).
    public var editor: String
    /// The server address remembered after the first sync, `HOST:PORT`.
    public var serverAddress: String?
    /// The highest server `seq` applied here: the next `pull` asks for changes after it.
    public var cursor: Int64
    /// The store's schema version (for `hello`).
    public var schemaVersion: Int
}

/// What ``LocalStore/acknowledge(_:)`` did with a `push_ack`'s results.
public struct AcknowledgeSummary: Sendable, Hashable {
    /// Changes the server logged (applied, duplicate or conflict), now removed from the outbox.
    public var accepted: Int
    /// Changes the server rejected, moved from the outbox to the rejected list.
    public var rejected: Int
    /// Results naming a change that was not in the outbox (e.g. already acknowledged); ignored.
    public var unknown: Int
    /// Changes sent as a text edit that the server could not rebuild: kept, to be sent with the full value.
    public var resent: Int = 0
}

/// What ``LocalStore/applyPulled(_:cursor:)`` did with a page.
public struct PullSummary: Sendable, Hashable {
    /// Records applied to the entity tables.
    public var applied: Int
    /// Records skipped because their seq was at or below the cursor (already applied).
    public var skipped: Int
    /// Records that were this replica's own changes still waiting in the outbox; they are now removed from it.
    public var acknowledgedFromOutbox: Int
    /// The cursor after the page.
    public var cursor: Int64
    /// Records that could not be stored (a field of the wrong type): left out, the cursor moves past them.
    public var undecodable: [SkippedRecord] = []
}

/// One change waiting in the outbox, as `bulletin status` lists it.
public struct PendingChange: Codable, Sendable, Hashable {
    /// The change id.
    public var changeID: String
    /// The entity kind.
    public var entity: String
    /// The entity's id.
    public var entityID: String
    /// The operation.
    public var op: String
    /// Names of the fields set, sorted.
    public var fields: [String]
    /// The HLC timestamp, wire form.
    public var hlc: String
    /// The issue the change belongs to.
    public var issueID: String?
    /// The size of the record's JSON in bytes.
    public var bytes: Int
}
