import BulletinCore
import GRDB
import SyncProtocol

/// A change as the server logged it, looked up by change id: what base versions name.
struct LoggedChange: Sendable {
    /// The logged record: the values the server actually stored.
    var record: ChangeRecord
    /// Its log position.
    var seq: Int64
    /// The values its author sent for fields whose stored value differs (empty when stored as sent).
    var sentFields: [String: JSONValue]
    /// For a re-offered record, the seq it had in the lost history it came from (section 12.5).
    var priorSeq: Int64? = nil

    /// The logged change with id `changeID`, or `nil` when the log has none (e.g. a change the server rejected).
    static func find(_ changeID: String, _ db: Database) throws -> LoggedChange? {
        let statement = try db.cachedStatement(
            sql: "SELECT seq, record, sent_fields, prior_seq FROM change_log WHERE change_id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [changeID]) else { return nil }
        let sent: String? = row["sent_fields"]
        return LoggedChange(
            record: try RecordJSON.record(from: row["record"]), seq: row["seq"],
            sentFields: try sent.map { try RecordJSON.fields(from: $0) } ?? [:], priorSeq: row["prior_seq"])
    }

    /// Who wrote it and when, for last-writer ordering.
    var stamp: WriterStamp { WriterStamp(record) }
}
