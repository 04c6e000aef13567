import BulletinCore
import Foundation
import SyncProtocol

/// Applies the changes of one `push` batch inside the batch's write transaction, one change at a time.
///
/// Each change is either logged at the next seq and applied to the materialised state, recognised as a duplicate,
/// or rejected with a reason. A rejection does not stop the batch, except for the changes that depend on it: any
/// change to an entity whose `create` was rejected earlier in the same batch, or naming it as its parent.
struct PushApplier {
    private let store: any StoreTransaction
    private let receivedAt = ServerClock.nowText()
    /// The log head so far in this transaction.
    private(set) var head: Int64
    /// The data contract's door; it remembers the creates rejected in this batch.
    private var door = ChangeValidator(origin: .client)
    /// Who may do what: the pushing account's role.
    private let access: AccessPolicy
    /// The issues whose printed content (issue, sections, articles) an applied change touched.
    private(set) var touchedIssues: Set<String> = []
    /// The server's id: the `client_id` of the records it makes itself (conflicts).
    private let serverID: String
    /// For a re-offer (PROTOCOL.md section 12.5): how its records are ordered against the stored versions.
    private let reoffer: ReofferMerger?
    /// Entities found to exist in this transaction (see ``knows(_:_:)``).
    private var known: Set<EntityKey> = []

    /// Starts applying in `store`'s write transaction (one that appends), for an account of `role`.
    /// - Parameter serverID: the server's id, the `client_id` of the conflicts it opens.
    /// - Parameter reoffer: the batch re-offers records of a log history lost to a restore (section 12.5).
    init(store: any StoreTransaction, role: Role, serverID: String, reoffer: Bool = false) throws {
        self.store = store
        self.access = AccessPolicy(role: role)
        self.head = try store.head()
        self.serverID = serverID
        self.reoffer = reoffer ? ReofferMerger(store: store, epochStart: try store.epochs().last?.fromSeq ?? 0) : nil
    }

    /// Applies one change and says what happened to it.
    ///
    /// - Parameter judgedAhead: the change's ``PushPreflight`` verdict, asked for once the change is not a duplicate.
    mutating func apply(
        _ change: ChangeRecord, judgedAhead: @autoclosure () -> PushPreflight.Verdict? = nil
    ) throws -> ChangeResult {
        if let seq = try store.seq(ofChange: change.changeID) {
            return ChangeResult(changeID: change.changeID, status: .duplicate, seq: seq)
        }
        let key = EntityKey(kind: change.entity, id: change.entityID)
        let stored = try store.entity(key)
        var change = change
        // An editor's content change to an issue approved or published meanwhile is not refused but kept as a late
        // edit for a chief (PROTOCOL.md, section 20.4).
        let late =
            try access.role.mayPush && access.role != .chief
            && PublishedIssues.isLate(change, stored: stored, store)
        let verdict = reoffer == nil ? judgedAhead() : nil
        if let (reason, code) = try judge(&change, stored: stored, late: late, verdict: verdict) {
            door.noteRejected(change)
            return ChangeResult(changeID: change.changeID, status: .rejected, reason: reason, code: code)
        }
        // The stored state, parsed once for the merge and the log.
        let before = try stored?.state() ?? EntityState()
        let prior = reoffer != nil ? change.seq : nil
        let decision =
            if let reoffer, let prior, !late {
                try reoffer.decide(change, prior: prior, stored: stored, before: before)
            } else {
                try ChangeMerger(store: store).decide(change, stored: stored, before: before, late: late)
            }
        // The judged change is normalised already; a merge may have made other values.
        let normalized = decision.asSent || decision.logged == change
        let seq = try log(
            decision.logged, key: key, stored: stored, before: before, normalized: normalized, sent: change,
            priorSeq: prior, text: normalized ? verdict?.record : nil)
        if !late { touch(decision.logged, previousIssue: stored?.issueID) }
        guard !decision.conflicts.isEmpty else {
            return ChangeResult(changeID: change.changeID, status: .applied, seq: seq)
        }
        let issueID =
            change.entity == .issue
            ? change.entityID : change.fields["issue_id"]?.stringValue ?? stored?.issueID ?? ""
        var conflictIDs: [String] = []
        for draft in decision.conflicts {
            let conflictID = TimeOrderedID.make()
            let record = draft.record(
                for: change, issueID: issueID, conflictID: conflictID, changeID: TimeOrderedID.make(),
                serverID: serverID)
            _ = try log(
                record, key: EntityKey(kind: .conflict, id: conflictID), stored: nil, before: EntityState(),
                normalized: false, sent: record)
            conflictIDs.append(conflictID)
        }
        return ChangeResult(changeID: change.changeID, status: .conflict, seq: seq, conflictID: conflictIDs.first)
    }

    /// Why `change` is rejected (a reason and the code for `push_ack`), or `nil` when it may be applied; rebuilds a
    /// text edit into full paragraphs and normalises the text (NFC, `\n`) on the way.
    private mutating func judge(
        _ change: inout ChangeRecord, stored: StoredEntity?, late: Bool, verdict: PushPreflight.Verdict?
    ) throws -> (reason: String, code: String)? {
        if reoffer != nil, change.seq == nil {
            return ("a re-offered record carries the seq it had in the lost history", ErrorCode.invalidMessage.name)
        }
        // Authorization comes first: a change the account may not make is refused whatever its shape.
        if !late, let denial = try access.denial(of: change, stored: stored, store) {
            return (denial, ErrorCode.forbidden.name)
        }
        if let dependency = door.dependency(of: change) { return (dependency.reason, dependency.code.name) }
        if let why = try InboundEdits.rebuild(&change, store) { return (why, ErrorCode.invalidMessage.name) }
        let violation: ContractViolation?
        if let verdict {
            // A client's change judged on another thread: its text is in the stored form, and the record alone was
            // checked against the contract; its references are the store's to answer.
            violation = try verdict.violation ?? door.checkReferences(of: change) { try knows($0, $1) }
        } else {
            // Text is normalised on the way in, so it is judged, and logged, as it is stored. Text that is in that
            // form already (nearly all) is scanned once here and not again by the contract's check.
            let storedText = ChangeValidator.holdsStoredText(change)
            if !storedText { change = change.normalizingText() }
            // A record the server itself made in a log history lost to a restore (a conflict), offered again by a
            // replica, is judged as a logged record (PROTOCOL.md section 12.5).
            let validator = reoffer != nil && change.clientID == serverID ? ChangeValidator(origin: .log) : door
            violation = try validator.check(change, storedText: storedText) { try knows($0, $1) }
        }
        if let violation { return (violation.reason, violation.code.name) }
        let key = EntityKey(kind: change.entity, id: change.entityID)
        return try rejection(of: change, key: key, stored: stored).map { ($0, ErrorCode.invalidMessage.name) }
    }

    /// Notes the issues whose published content an applied change may have altered (annotations and conflicts
    /// never do).
    private mutating func touch(_ change: ChangeRecord, previousIssue: String?) {
        guard change.entity != .annotation, change.entity != .conflict else { return }
        if change.entity == .issue { touchedIssues.insert(change.entityID) }
        if let previousIssue, !previousIssue.isEmpty { touchedIssues.insert(previousIssue) }
        if let issueID = change.fields["issue_id"]?.stringValue { touchedIssues.insert(issueID) }
    }

    /// Whether the server knows the entity (stored, deleted or not; created earlier in this batch is stored too).
    ///
    /// Remembered for the batch: rows are never removed (a delete leaves a tombstone), so a known entity stays
    /// known, and the hundreds of annotations of one article pushed together look it up once.
    private mutating func knows(_ kind: EntityKind, _ id: String) throws -> Bool {
        let key = EntityKey(kind: kind, id: id)
        if known.contains(key) { return true }
        guard try store.entity(key) != nil else { return false }
        known.insert(key)
        return true
    }

    /// Why a change that keeps the contract cannot be applied to `stored` (the entity's row, if any), or `nil`.
    private func rejection(of change: ChangeRecord, key: EntityKey, stored: StoredEntity?) throws -> String? {
        switch change.op {
        case .create:
            // A re-offered create of an entity held here writes its fields (``ReofferMerger``).
            if stored != nil, reoffer == nil { return "\(key) already exists; change it with an update" }
        case .update, .delete:
            guard let stored else { return "\(key) does not exist" }
            if change.entity == .issue, let why = try Self.stateRegression(from: stored, to: change) { return why }
            if change.entity == .conflict, stored.deleted { return "\(key) does not exist" }
        }
        return nil
    }

    /// Why an update moves an issue's publication state backwards, or `nil` when it does not. A change concurrent
    /// with the stored state (its base is not the state's version) is not refused: the server keeps the further
    /// state (see ``ChangeMerger``).
    private static func stateRegression(from stored: StoredEntity, to change: ChangeRecord) throws -> String? {
        let state = try stored.state()
        if let base = change.base["state"], base != state.versions["state"] { return nil }
        guard let newText = change.fields["state"]?.stringValue, let new = PublicationState(rawValue: newText),
            let oldText = state.fields["state"]?.stringValue,
            let old = PublicationState(rawValue: oldText), new < old
        else { return nil }
        return "an issue's state only moves forward (draft, review, approved, published, retracted): cannot go "
            + "from \(old.rawValue) back to \(new.rawValue)"
    }

    /// Logs `change` at the next seq and applies it to `stored` in the materialised state; returns its seq.
    ///
    /// - Parameter before: `stored`'s state (empty when `stored` is `nil`).
    /// - Parameter normalized: `change`'s text is known to be in the stored form.
    /// - Parameter sent: the change as its author sent it (text normalised): the values that differ from the
    ///   logged ones are kept for the author's later changes, and the compact forms are made against it.
    /// - Parameter priorSeq: for a re-offered record, its seq in the lost history.
    /// - Parameter text: `change`'s canonical text without its seq, written ahead (``PushPreflight``).
    private mutating func log(
        _ change: ChangeRecord, key: EntityKey, stored: StoredEntity?, before: EntityState, normalized: Bool,
        sent: ChangeRecord, priorSeq: Int64? = nil, text: UnsequencedRecord? = nil
    ) throws -> Int64 {
        var logged = normalized ? change : change.normalizingText()
        let revived = change.op == .update && before.deleted
        if revived {
            // An edit revives a deleted entity. Replicas that never saw the tombstone (they started from a
            // snapshot) must still end with every field, so the logged update carries the whole entity.
            logged.fields = before.fields.merging(logged.fields) { _, new in new }
        }
        head += 1
        logged.seq = head
        logged.seen = nil
        // A new entity's fields are exactly the logged record's, all at its version: their text is cut from the
        // record's, not written a second time, and the versions are not written at all.
        let isNew = before.fields.isEmpty && logged.op != .delete
        let after = isNew ? EntityState(fields: logged.fields) : before.applying(logged)
        let versionsText = isNew ? StoredEntity.allAtLastChange : RecordJSON.text(after.versions)
        let issueID =
            change.entity == .issue
            ? change.entityID
            : after.fields["issue_id"]?.stringValue ?? stored?.issueID ?? sent.fields["issue_id"]?.stringValue ?? ""
        // The values the author sent that the log does not hold (none when the change is logged as it came).
        var sentFields: [String: JSONValue] = [:]
        if !normalized || logged.op == .delete {
            for (name, value) in sent.fields where logged.op == .delete || logged.fields[name] != value {
                sentFields[name] = value
            }
        }
        let (record, fieldsText): (String, String)
        if let text, !revived {
            // Written ahead; a revived entity's update (above) carries more fields than were sent.
            let texts = CanonicalJSON.texts(text, seq: head)
            (record, fieldsText) = (texts.record, isNew ? texts.fields : RecordJSON.text(after.fields))
        } else if isNew {
            (record, fieldsText) = RecordJSON.texts(logged)
        } else {
            (record, fieldsText) = (RecordJSON.text(logged), RecordJSON.text(after.fields))
        }
        let compact = OutboundEdits.make(logged: logged, full: record, before: before, sent: sent)
        try store.append(
            ChangeLogEntry(
                seq: head, changeID: logged.changeID, entity: key.kind.rawValue, entityID: key.id, issueID: issueID,
                op: logged.op.rawValue, record: record, receivedAt: receivedAt, clientID: logged.clientID,
                sentFields: sentFields.isEmpty ? nil : RecordJSON.text(sentFields),
                editRecord: compact.editRecord, authorRecord: compact.authorRecord, priorSeq: priorSeq))
        let row = StoredEntity(
            kind: key.kind.rawValue, id: key.id, issueID: issueID,
            sortDate: change.entity == .issue ? after.fields["date"]?.stringValue ?? "" : "",
            fields: fieldsText,
            versions: versionsText, deleted: after.deleted,
            lastSeq: head, lastChangeID: logged.changeID, lastHLC: logged.hlc.description,
            lastAuthor: logged.author, lastClientID: logged.clientID)
        try store.write(row, isNew: stored == nil)
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
}
