import BulletinCore
import GRDB

/// One row of the append-only change log: a change record the server accepted, at its log position.
struct ChangeLogEntry: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "change_log"

    /// The global, gap-free log position (1, 2, 3, …).
    var seq: Int64
    /// The author's change id; unique, the idempotency key.
    var changeID: String
    /// The entity kind (`issue`, `section`, …).
    var entity: String
    /// The entity's id.
    var entityID: String
    /// The issue the entity belonged to after this change (the issue's own id for an issue).
    var issueID: String
    /// `create`, `update` or `delete`.
    var op: String
    /// The change record as sent to pullers: canonical JSON including `seq`.
    var record: String
    /// When the server logged it (ISO 8601 UTC), for operators.
    var receivedAt: String
    /// The client that made the change (absent on rows logged before migration v2).
    var clientID: String?
    /// The values the author sent for fields stored otherwise (a merge, a late edit), as a JSON object.
    var sentFields: String?
    /// The record with `paragraphs` as a text edit against the previous value, when smaller.
    var editRecord: String?
    /// The record with `paragraphs` as a text edit against what its author sent, when smaller.
    var authorRecord: String?
    /// For a record re-offered from a log history lost to a restore: the seq it had there (section 12.5).
    var priorSeq: Int64?

    enum CodingKeys: String, CodingKey {
        case seq
        case changeID = "change_id"
        case entity
        case entityID = "entity_id"
        case issueID = "issue_id"
        case op
        case record
        case receivedAt = "received_at"
        case clientID = "client_id"
        case sentFields = "sent_fields"
        case editRecord = "edit_record"
        case authorRecord = "author_record"
        case priorSeq = "prior_seq"
    }

    /// Typed column names.
    enum Columns {
        static let seq = Column(CodingKeys.seq)
        static let changeID = Column(CodingKeys.changeID)
        static let entity = Column(CodingKeys.entity)
        static let issueID = Column(CodingKeys.issueID)
        static let record = Column(CodingKeys.record)
        static let clientID = Column(CodingKeys.clientID)
        static let editRecord = Column(CodingKeys.editRecord)
        static let authorRecord = Column(CodingKeys.authorRecord)
    }
}

extension ChangeLogEntry {
    /// Appends the entry with one cached statement: this runs for every accepted change, and the generic record
    /// insert (an encoder and a fresh statement lookup per row) was a fifth of a push's time.
    func append(_ db: Database) throws {
        try DirectStatement.run(
            """
            INSERT INTO change_log (seq, change_id, entity, entity_id, issue_id, op, record, received_at, client_id, \
            sent_fields, edit_record, author_record, prior_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, in: db
        ) { values in
            values.integer(seq)
            values.text(changeID)
            values.text(entity)
            values.text(entityID)
            values.text(issueID)
            values.text(op)
            values.text(record)
            values.text(receivedAt)
            values.text(clientID)
            values.text(sentFields)
            values.text(editRecord)
            values.text(authorRecord)
            values.integer(priorSeq)
        }
    }
}
