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
        let rows = try FieldVersionRecord
            .filter(Columns.entity == entity.rawValue && Columns.entityID == id)
            .fetchAll(db)
        return Dictionary(rows.map { ($0.field, $0.changeID) }, uniquingKeysWith: { _, last in last })
    }
}
