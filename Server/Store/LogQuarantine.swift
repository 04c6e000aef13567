import GRDB
import SyncProtocol

/// The records of the log that the data contract refuses: logged by a server from before the contract was enforced
/// at the door (PROTOCOL.md section 21.3). Found once, when the store opens; they are quarantined: kept in the
/// store as they are, for an operator, but never served to a pull (a page's cursor moves past them, as past records
/// a filter leaves out), so no strict client ever meets them.
public struct LogQuarantine: Sendable, Hashable {
    /// One refused record.
    public struct Entry: Sendable, Hashable {
        /// Its log position.
        public var seq: Int64
        /// Its change id.
        public var changeID: String
        /// The rule it breaks, as a rejection would say it.
        public var reason: String
    }

    /// The refused records, in seq order.
    public var entries: [Entry] = []
    /// Live entities whose stored fields the contract refuses (built from such records), as `kind id: reason`.
    /// Reported only: snapshots serve them as they are until an operator repairs them with an ordinary change.
    public var entities: [String] = []

    /// Their seqs.
    public var seqs: Set<Int64> { Set(entries.map(\.seq)) }

    /// Reads the whole log once and judges every record by the data contract (each alone: references are not
    /// checked, since a logged record's parent may be created later in the log only by an older server's bug,
    /// and replicas skip nothing for it).
    /// Stands in for the record members an entity's state has no value for.
    private static let placeholderID = "00000000-0000-4000-8000-000000000000"

    static func scan(_ db: Database) throws -> LogQuarantine {
        var quarantine = LogQuarantine()
        let validator = ChangeValidator(origin: .log)
        let rows = try Row.fetchCursor(db, sql: "SELECT seq, change_id, record FROM change_log ORDER BY seq")
        while let row = try rows.next() {
            let seq: Int64 = row["seq"]
            let changeID: String = row["change_id"]
            let reason: String?
            do {
                let record = try ChangeRecord(parsingJSON: row["record"])
                reason = validator.check(record).map { "\($0.code.name): \($0.reason)" }
            } catch {
                reason = "unreadable: \(error)"
            }
            if let reason { quarantine.entries.append(Entry(seq: seq, changeID: changeID, reason: reason)) }
        }
        let entities = try Row.fetchCursor(
            db, sql: "SELECT kind, id, fields FROM entity WHERE deleted = 0 ORDER BY kind, id")
        while let row = try entities.next() {
            let kindText: String = row["kind"]
            let id: String = row["id"]
            guard let kind = EntityKind(rawValue: kindText) else { continue }
            // The entity's state as one `create` record: every field it holds, judged like a logged record.
            let fields = (try? JSONValue(parsingJSON: row["fields"]))?.objectValue
            let state = ChangeRecord(
                changeID: placeholderID, entity: kind, entityID: id, op: .create, fields: fields ?? [:],
                hlc: .zero, author: "", clientID: placeholderID)
            if let violation = validator.check(state) {
                quarantine.entities.append("\(kindText) \(id): \(violation.code.name): \(violation.reason)")
            }
        }
        return quarantine
    }
}
