import BulletinCore
import GRDB
import SyncProtocol

/// One row of the materialised state: the current fields of one entity after every logged change to it.
struct StoredEntity: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entity"

    /// The entity kind (`issue`, `section`, …).
    var kind: String
    /// The entity's id.
    var id: String
    /// The issue it belongs to (its own id for an issue): for filtered pulls and snapshot order.
    var issueID: String
    /// For an issue, its `date` field (`YYYY-MM-DD`), so snapshots can go newest first; empty for other kinds.
    var sortDate: String
    /// The current field values, a JSON object in canonical form.
    var fields: String
    /// For each field, the change id that last wrote it, a JSON object.
    var versions: String
    /// Whether the entity is deleted (the row stays as a tombstone with its last fields).
    var deleted: Bool
    /// The seq of the last change applied to the entity.
    var lastSeq: Int64
    /// The change id of that change.
    var lastChangeID: String
    /// Its hybrid-logical-clock timestamp, in wire form.
    var lastHLC: String
    /// Its author.
    var lastAuthor: String
    /// Its client (replica) id.
    var lastClientID: String

    enum CodingKeys: String, CodingKey {
        case kind
        case id
        case issueID = "issue_id"
        case sortDate = "sort_date"
        case fields
        case versions
        case deleted
        case lastSeq = "last_seq"
        case lastChangeID = "last_change_id"
        case lastHLC = "last_hlc"
        case lastAuthor = "last_author"
        case lastClientID = "last_client_id"
    }

    /// Typed column names.
    enum Columns {
        static let kind = Column(CodingKeys.kind)
        static let id = Column(CodingKeys.id)
        static let issueID = Column(CodingKeys.issueID)
        static let sortDate = Column(CodingKeys.sortDate)
        static let deleted = Column(CodingKeys.deleted)
        static let lastSeq = Column(CodingKeys.lastSeq)
    }

    /// The row of one entity, or `nil`. A cached statement: this runs for every pushed change.
    static func find(_ key: EntityKey, _ db: Database) throws -> StoredEntity? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM entity WHERE kind = ? AND id = ?")
        return try StoredEntity.fetchOne(statement, arguments: [key.kind.rawValue, key.id])
    }

    /// The state in the form the shared apply rule works on.
    func state() throws -> EntityState {
        EntityState(
            fields: try RecordJSON.decode([String: JSONValue].self, from: fields),
            versions: try RecordJSON.decode([String: String].self, from: versions),
            deleted: deleted)
    }
}
