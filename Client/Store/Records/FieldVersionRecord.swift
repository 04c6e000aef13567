import GRDB
import SyncProtocol

/// A row of the `field_version` table: the change that last wrote one field of one entity.
///
/// These are the entity's per-field versions: an update's `base` is read from here, and conflict detection
/// compares them.
struct FieldVersionRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "field_version"

    var entity: EntityKind
    var entityID: String
    var field: String
    var changeID: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case entity
        case entityID = "entity_id"
        case field
        case changeID = "change_id"
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    /// The versions of every field of one entity.
    static func versions(of entity: EntityKind, id: String, in db: Database) throws -> [String: String] {
        // A cached statement: this runs for every applied change.
        let statement = try db.cachedStatement(
            sql: "SELECT field, change_id FROM field_version WHERE entity = ? AND entity_id = ?")
        var versions: [String: String] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [entity.rawValue, id])
        while let row = try rows.next() {
            versions[row[0]] = row[1]
        }
        return versions
    }

    /// Sets the version of one field (a cached statement: this runs for every field of every applied change).
    static func set(_ entity: EntityKind, id: String, field: String, to changeID: String, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT OR REPLACE INTO field_version (entity, entity_id, field, change_id) VALUES (?, ?, ?, ?)
                """
        ).execute(arguments: [entity.rawValue, id, field, changeID])
    }
}
