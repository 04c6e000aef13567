import GRDB
import SyncProtocol

/// The single row of the `account` table: the account the server said this store acts as, on the last connect.
struct AccountRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"

    /// Always 1: the table holds one row.
    var id = 1
    /// The account's name on the server.
    var name: String
    /// The account's role (a wire role name).
    var role: AccountRole
    /// The server that said so (`welcome.server_id`).
    var serverID: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name, role
        case serverID = "server_id"
    }

}
