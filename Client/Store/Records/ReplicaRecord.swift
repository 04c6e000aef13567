import BulletinCore
import GRDB
import SyncProtocol

/// The single row of the `replica` table: who this store is and where its sync stands.
struct ReplicaRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "replica"

    /// Always 1: the table holds one row.
    var id: Int = 1
    /// This replica's client id (lowercase UUID text), sent in `hello` and on every change record.
    var clientID: String
    /// The editor who works in this store; the author of its changes.
    var editor: String
    /// The server address remembered after the first sync, `HOST:PORT`.
    var serverAddress: String?
    /// The highest server `seq` applied here.
    var cursor: Int64 = 0
    /// The hybrid logical clock's last timestamp, wire form.
    var hlc: String = HLCTimestamp.zero.description

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case clientID = "client_id"
        case editor
        case serverAddress = "server_address"
        case cursor, hlc
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    /// Reads the row; a store without it was never initialised.
    static func fetch(_ db: Database, path: String) throws -> ReplicaRecord {
        guard let replica = try ReplicaRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM replica WHERE id = 1"))
        else { throw StoreError.notAStore(path: path) }
        return replica
    }

    /// The persisted clock.
    func clock() throws -> HybridLogicalClock {
        guard let last = HLCTimestamp(hlc) else {
            throw StoreError.corruptRow(table: Self.databaseTableName, key: "1", reason: "hlc '\(hlc)' is malformed")
        }
        return HybridLogicalClock(last: last)
    }
}
