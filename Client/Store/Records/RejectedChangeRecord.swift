import GRDB

/// A row of the `rejected_change` table: a pushed change the server refused, kept for the editor to see.
struct RejectedChangeRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "rejected_change"

    var changeID: String
    /// The change record as JSON.
    var record: String
    /// The server's reason, for a person.
    var reason: String?
    /// The server's symbolic error name, e.g. `forbidden`.
    var code: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case changeID = "change_id"
        case record, reason, code
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys
}
