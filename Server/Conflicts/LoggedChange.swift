import BulletinCore
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

    /// Who wrote it and when, for last-writer ordering.
    var stamp: WriterStamp { WriterStamp(record) }
}

extension LoggedChange {
    /// A logged change from its stored columns (``StoreReader/loggedChange(_:)``).
    init(stored seq: Int64, record: String, sent: String?, priorSeq: Int64?) throws {
        self.init(
            record: try RecordJSON.record(from: record), seq: seq,
            sentFields: try sent.map { try RecordJSON.fields(from: $0) } ?? [:], priorSeq: priorSeq)
    }
}
