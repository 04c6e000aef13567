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
    /// For each field, the change id that last wrote it, a JSON object — or empty when every field is at
    /// ``lastChangeID``: an entity no change touched since the one that made it (most of them), whose versions
    /// would repeat that id once per field. Read them with ``versionsByField(fields:)``.
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

    /// The rows of those entities of `kind` among `ids` that exist, by id, in one query.
    static func find(_ kind: EntityKind, ids: [String], _ db: Database) throws -> [String: StoredEntity] {
        let statement = try db.cachedStatement(
            sql: "SELECT * FROM entity WHERE kind = ? AND id IN (SELECT value FROM json_each(?))")
        var found: [String: StoredEntity] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [kind.rawValue, CanonicalJSON.text(ids)])
        while let row = try rows.next() {
            let entity = StoredEntity(row: row)
            found[entity.id] = entity
        }
        return found
    }

    /// The state in the form the shared apply rule works on.
    func state() throws -> EntityState {
        let fields = try RecordJSON.fields(from: fields)
        return EntityState(fields: fields, versions: try versionsByField(fields: fields), deleted: deleted)
    }

    /// The per-field versions, given the row's ``fields`` parsed.
    func versionsByField(fields: [String: JSONValue]) throws -> [String: String] {
        guard !versions.isEmpty else { return fields.mapValues { _ in lastChangeID } }
        return try RecordJSON.versions(from: versions)
    }

    /// The ``versions`` stored for a new entity: every field at the change that made it.
    static let allAtLastChange = ""
}

extension StoredEntity {
    /// Reads a row without the `Decodable` machinery: every pushed change and every snapshot record reads one.
    init(row: Row) {
        self.init(
            kind: row["kind"], id: row["id"], issueID: row["issue_id"], sortDate: row["sort_date"],
            fields: row["fields"], versions: row["versions"], deleted: row["deleted"], lastSeq: row["last_seq"],
            lastChangeID: row["last_change_id"], lastHLC: row["last_hlc"], lastAuthor: row["last_author"],
            lastClientID: row["last_client_id"])
    }

    /// Inserts the row (`isNew`) or replaces the one with its key, with cached statements: this runs for every
    /// accepted change.
    func write(isNew: Bool, _ db: Database) throws {
        let sql =
            isNew
            ? """
            INSERT INTO entity (issue_id, sort_date, fields, versions, deleted, last_seq, last_change_id, last_hlc, \
            last_author, last_client_id, kind, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
            : """
            UPDATE entity SET issue_id = ?, sort_date = ?, fields = ?, versions = ?, deleted = ?, last_seq = ?, \
            last_change_id = ?, last_hlc = ?, last_author = ?, last_client_id = ? WHERE kind = ? AND id = ?
            """
        try DirectStatement.run(sql, in: db) { values in
            values.text(issueID)
            values.text(sortDate)
            values.text(fields)
            values.text(versions)
            values.bool(deleted)
            values.integer(lastSeq)
            values.text(lastChangeID)
            values.text(lastHLC)
            values.text(lastAuthor)
            values.text(lastClientID)
            values.text(kind)
            values.text(id)
        }
    }
}
