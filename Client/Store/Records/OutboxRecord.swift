import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// A row of the `outbox` table: one local change record waiting to be pushed, in the order it was made.
struct OutboxRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "outbox"

    /// Author order: increases with every appended change.
    var position: Int64?
    var changeID: String
    /// The issue the change belongs to, for per-issue pending counts.
    var issueID: String?
    /// The change record as JSON.
    var record: String
    /// Size in bytes of what a push sends (`compact` when present, else `record`), so batches can be bounded
    /// without decoding.
    var bytes: Int
    /// The record with `paragraphs` as a text edit against its base value, when that is smaller: what a push
    /// sends. Cleared when the server cannot rebuild the edit, so the full record goes next time.
    var compact: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case position
        case changeID = "change_id"
        case issueID = "issue_id"
        case record, bytes, compact
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    mutating func didInsert(_ inserted: InsertionSuccess) {
        position = inserted.rowID
    }

    /// Reads a row without the `Decodable` machinery: a push reads every row it sends.
    init(row: Row) {
        position = row[Columns.position]
        changeID = row[Columns.changeID]
        issueID = row[Columns.issueID]
        record = row[Columns.record]
        bytes = row[Columns.bytes]
        compact = row[Columns.compact]
    }

    /// A row holding `change`, and its compact form if it has one.
    init(change: ChangeRecord, issueID: String?, compact: ChangeRecord? = nil) {
        let json = ChangeRecordJSON.encode(change)
        self.position = nil
        self.changeID = change.changeID
        self.issueID = issueID
        self.record = json
        self.compact = compact.map(ChangeRecordJSON.encode)
        self.bytes = (self.compact ?? json).utf8.count
    }

    /// The stored change record.
    func change() throws -> ChangeRecord {
        try ChangeRecordJSON.decode(record, table: Self.databaseTableName, key: changeID)
    }

    /// The record a push sends: the compact form when there is one.
    func wireChange() throws -> ChangeRecord {
        try ChangeRecordJSON.decode(compact ?? record, table: Self.databaseTableName, key: changeID)
    }
}

/// How the store keeps change records as text: the protocol's JSON (sorted keys), which is also what a `push`
/// carries, so an outbox row's byte count is close to its size on the wire.
enum ChangeRecordJSON {
    /// The record's text: the bytes of `JSONEncoder` with sorted keys and unescaped slashes, which the canonical
    /// writer writes without `JSONEncoder` (`StoredJSONTests`).
    static func encode(_ change: ChangeRecord) -> String {
        CanonicalJSON.text(change)
    }

    static func decode(_ text: String, table: String, key: String) throws -> ChangeRecord {
        do {
            return try ChangeRecord(parsingJSON: text)
        } catch {
            throw StoreError.corruptRow(table: table, key: key, reason: String(describing: error))
        }
    }
}
