/// The kinds of entity a change record can describe.
public enum EntityKind: String, Codable, Sendable, CaseIterable {
    /// One bulletin issue (its header fields and publication state).
    case issue
    /// An ordered section of an issue.
    case section
    /// An ordered article inside a section.
    case article
    /// An editor's annotation on an article.
    case annotation
    /// A concurrent edit the server could not merge, made by the server (see PROTOCOL.md, section 20).
    case conflict
    /// A signed publication of an issue, made by the server (never pushed): what field offices receive.
    case publication
}

/// What a change record does to its entity.
public enum ChangeOperation: String, Codable, Sendable, CaseIterable {
    /// Creates the entity with the given fields.
    case create
    /// Sets the given fields of an existing entity.
    case update
    /// Deletes the entity.
    case delete
}

/// One change to one entity: the unit that is pushed, logged, pulled and applied.
///
/// `changeID` is made by the author's client and is the idempotency key: the server applies a change id at most once.
public struct ChangeRecord: Codable, Sendable, Hashable {
    /// UUID made by the author's client (lowercase text); the idempotency key.
    public var changeID: String
    /// The entity kind.
    public var entity: EntityKind
    /// The entity's id (lowercase UUID text).
    public var entityID: String
    /// Create, update or delete.
    public var op: ChangeOperation
    /// The fields this change sets, with their new values (snake_case names).
    public var fields: [String: JSONValue]
    /// For each field the author changed, the change id that had last written it in the author's replica
    /// (absent when the author saw no earlier value). The server compares these with its current versions.
    public var base: [String: String]
    /// The author's hybrid-logical-clock timestamp for this change.
    public var hlc: HLCTimestamp
    /// The editor who made the change.
    public var author: String
    /// The client (replica) that made the change.
    public var clientID: String
    /// The server's log position; present only on records a server sends.
    public var seq: Int64?
    /// On pushed records: the author's cursor (highest seq it had applied) when it made the change, so the server
    /// can tell which value of a base version the author saw (PROTOCOL.md 20.1). Absent on records a server sends.
    public var seen: Int64?

    /// Creates a change record.
    public init(
        changeID: String, entity: EntityKind, entityID: String, op: ChangeOperation,
        fields: [String: JSONValue] = [:], base: [String: String] = [:], hlc: HLCTimestamp,
        author: String, clientID: String, seq: Int64? = nil, seen: Int64? = nil
    ) {
        self.changeID = changeID
        self.entity = entity
        self.entityID = entityID
        self.op = op
        self.fields = fields
        self.base = base
        self.hlc = hlc
        self.author = author
        self.clientID = clientID
        self.seq = seq
        self.seen = seen
    }

    enum CodingKeys: String, CodingKey {
        case changeID = "change_id"
        case entity
        case entityID = "entity_id"
        case op
        case fields
        case base
        case hlc
        case author
        case clientID = "client_id"
        case seq
        case seen
    }

    /// Decodes a record; `fields` and `base` default to empty when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        changeID = try container.decode(String.self, forKey: .changeID)
        entity = try container.decode(EntityKind.self, forKey: .entity)
        entityID = try container.decode(String.self, forKey: .entityID)
        op = try container.decode(ChangeOperation.self, forKey: .op)
        fields = try container.decodeIfPresent([String: JSONValue].self, forKey: .fields) ?? [:]
        base = try container.decodeIfPresent([String: String].self, forKey: .base) ?? [:]
        hlc = try container.decode(HLCTimestamp.self, forKey: .hlc)
        author = try container.decode(String.self, forKey: .author)
        clientID = try container.decode(String.self, forKey: .clientID)
        seq = try container.decodeIfPresent(Int64.self, forKey: .seq)
        seen = try container.decodeIfPresent(Int64.self, forKey: .seen)
    }
}
