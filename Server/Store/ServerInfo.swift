import GRDB

/// The single row that identifies this server's store.
struct ServerInfo: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "server_info"

    /// Always 1: the table holds one row.
    var id: Int
    /// The server's stable id (lowercase UUID), announced in `welcome`.
    var serverID: String
    /// When the store was created (ISO 8601 UTC).
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id
        case serverID = "server_id"
        case createdAt = "created_at"
    }
}
