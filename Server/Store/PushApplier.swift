import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// Applies the changes of one `push` batch inside the batch's write transaction, one change at a time.
///
/// Each change is either logged at the next seq and applied to the materialised state, recognised as a duplicate,
/// or rejected with a reason. A rejection does not stop the batch, except for the changes that depend on it: any
/// change to an entity whose `create` was rejected earlier in the same batch, or naming it as its parent.
struct PushApplier {
    private let db: Database
    private let encoder = RecordJSON.encoder()
    private let receivedAt = ServerClock.nowText()
    /// The log head so far in this transaction.
    private(set) var head: Int64
    /// Entities whose `create` was rejected in this batch.
    private var rejectedCreates: Set<EntityKey> = []
    /// Who may do what: the pushing account's role.
    private let access: AccessPolicy
    /// The issues whose printed content (issue, sections, articles) an applied change touched.
    private(set) var touchedIssues: Set<String> = []

    /// Starts applying in `db`, which must be inside a write transaction, for an account of `role`.
    init(db: Database, role: Role) throws {
        self.db = db
        self.access = AccessPolicy(role: role)
        self.head = try ServerQueries.head(db)
    }

    /// Applies one change and says what happened to it.
    mutating func apply(_ change: ChangeRecord) throws -> ChangeResult {
        if let seq = try ServerQueries.seq(ofChange: change.changeID, db) {
            return ChangeResult(changeID: change.changeID, status: .duplicate, seq: seq)
        }
        let key = EntityKey(kind: change.entity, id: change.entityID)
        let stored = try StoredEntity.find(key, db)
        let rejection: (reason: String, code: ErrorCode)?
        if let denial = try access.denial(of: change, stored: stored, db) {
            // Authorization comes first: a change the account may not make is refused whatever its shape.
            rejection = (denial, .forbidden)
        } else if let violation = EntityContract.violation(in: change) {
            rejection = (violation, .invalidMessage)
        } else {
            rejection = try self.rejection(of: change, key: key, stored: stored).map { ($0, .invalidMessage) }
        }
        if let (reason, code) = rejection {
            if change.op == .create { rejectedCreates.insert(key) }
            return ChangeResult(changeID: change.changeID, status: .rejected, reason: reason, code: code.name)
        }
        let seq = try log(change, key: key, stored: stored)
        touch(change, previousIssue: stored?.issueID)
        return ChangeResult(changeID: change.changeID, status: .applied, seq: seq)
    }

    /// Notes the issues whose published content an applied change may have altered (annotations never do).
    private mutating func touch(_ change: ChangeRecord, previousIssue: String?) {
        guard change.entity != .annotation else { return }
        if change.entity == .issue { touchedIssues.insert(change.entityID) }
        if let previousIssue, !previousIssue.isEmpty { touchedIssues.insert(previousIssue) }
        if let issueID = change.fields["issue_id"]?.stringValue { touchedIssues.insert(issueID) }
    }

    /// Why a well-formed `change` cannot be applied to `stored` (the entity's row, if any), or `nil` when it can.
    private func rejection(of change: ChangeRecord, key: EntityKey, stored: StoredEntity?) throws -> String? {
        if rejectedCreates.contains(key) {
            return "depends on the create of \(key) that was rejected earlier in this batch"
        }
        for (name, parentKind) in EntityKey.parentFields {
            guard let parentID = change.fields[name]?.stringValue else { continue }
            let parent = EntityKey(kind: parentKind, id: parentID)
            if rejectedCreates.contains(parent) {
                return "its \(name) names \(parent), whose create was rejected earlier in this batch"
            }
        }
        switch change.op {
        case .create:
            if stored != nil { return "\(key) already exists; change it with an update" }
        case .update, .delete:
            guard let stored else { return "\(key) does not exist" }
            if change.entity == .issue, let why = try Self.stateRegression(from: stored, to: change) { return why }
        }
        return nil
    }

    /// Why an update moves an issue's publication state backwards, or `nil` when it does not.
    private static func stateRegression(from stored: StoredEntity, to change: ChangeRecord) throws -> String? {
        guard let newText = change.fields["state"]?.stringValue, let new = PublicationState(rawValue: newText),
              let oldText = try stored.state().fields["state"]?.stringValue,
              let old = PublicationState(rawValue: oldText), new < old
        else { return nil }
        return "an issue's state only moves forward (draft, review, approved, published, retracted): cannot go "
            + "from \(old.rawValue) back to \(new.rawValue)"
    }

    /// Logs `change` at the next seq and applies it to `stored` in the materialised state; returns its seq.
    private mutating func log(_ change: ChangeRecord, key: EntityKey, stored: StoredEntity?) throws -> Int64 {
        let before = try stored?.state() ?? EntityState()
        var logged = change
        logged.fields = change.fields.mapValues { $0.normalizingText() }
        logged.author = TextNormalization.normalize(change.author)
        if change.op == .update, before.deleted {
            // An edit revives a deleted entity. Replicas that never saw the tombstone (they started from a
            // snapshot) must still end with every field, so the logged update carries the whole entity.
            logged.fields = before.fields.merging(logged.fields) { _, new in new }
        }
        head += 1
        logged.seq = head
        let after = before.applying(logged)
        let issueID = change.entity == .issue
            ? change.entityID
            : after.fields["issue_id"]?.stringValue ?? stored?.issueID ?? ""
        try ChangeLogEntry(
            seq: head, changeID: logged.changeID, entity: key.kind.rawValue, entityID: key.id, issueID: issueID,
            op: logged.op.rawValue, record: try RecordJSON.text(logged, using: encoder), receivedAt: receivedAt
        ).insert(db)
        let row = StoredEntity(
            kind: key.kind.rawValue, id: key.id, issueID: issueID,
            sortDate: change.entity == .issue ? after.fields["date"]?.stringValue ?? "" : "",
            fields: try RecordJSON.text(after.fields, using: encoder),
            versions: try RecordJSON.text(after.versions, using: encoder), deleted: after.deleted,
            lastSeq: head, lastChangeID: logged.changeID, lastHLC: logged.hlc.description,
            lastAuthor: logged.author, lastClientID: logged.clientID)
        if stored == nil { try row.insert(db) } else { try row.update(db) }
        return head
    }
}

/// One entity's identity: its kind and id.
struct EntityKey: Hashable, Sendable, CustomStringConvertible {
    /// The kind.
    var kind: EntityKind
    /// The id.
    var id: String

    /// `article 0b7c…`.
    var description: String { "\(kind.rawValue) \(id)" }

    /// The fields that name a parent entity, and the parent's kind.
    static let parentFields: [(String, EntityKind)] = [
        ("issue_id", .issue), ("section_id", .section), ("article_id", .article),
    ]
}
