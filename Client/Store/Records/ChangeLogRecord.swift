import GRDB
import SyncProtocol

/// A row of the `change_log` table: one change this replica has applied, local or pulled, for `bulletin log`.
struct ChangeLogRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "change_log"

    var changeID: String
    var entity: EntityKind
    var entityID: String
    /// The issue the entity belongs to.
    var issueID: String?
    /// The article, for articles and annotations.
    var articleID: String?
    var op: ChangeOperation
    /// Names of the fields the change set, sorted.
    var fields: [String]
    var author: String
    var clientID: String
    /// The change's HLC timestamp in wire form; sorts like time.
    var hlc: String
    /// The server's log position once the change has been seen in a pull.
    var seq: Int64?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case changeID = "change_id"
        case entity
        case entityID = "entity_id"
        case issueID = "issue_id"
        case articleID = "article_id"
        case op, fields, author
        case clientID = "client_id"
        case hlc, seq
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    /// The row's columns, as the Codable default would write them (see ``DatabaseJSON``), without its cost: this
    /// runs for every applied change.
    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.changeID] = changeID
        container[Columns.entity] = entity.rawValue
        container[Columns.entityID] = entityID
        container[Columns.issueID] = issueID
        container[Columns.articleID] = articleID
        container[Columns.op] = op.rawValue
        container[Columns.fields] = DatabaseJSON.text(fields)
        container[Columns.author] = author
        container[Columns.clientID] = clientID
        container[Columns.hlc] = hlc
        container[Columns.seq] = seq
    }
}
