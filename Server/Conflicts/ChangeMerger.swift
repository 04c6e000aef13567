import BulletinCore
import SyncProtocol

/// What the server logs for one incoming change, and the conflicts it opens.
struct MergeDecision: Sendable {
    /// The record to log and apply: the incoming change carrying the values actually stored (for a change that
    /// is not applied, the operation that keeps the stored state: see ``ChangeMerger``).
    var logged: ChangeRecord
    /// The conflicts to open, in field order.
    var conflicts: [ConflictDraft]
    /// `logged` is the incoming change as it came (known without comparing them).
    var asSent = false

    /// The incoming change applied as it came, opening no conflict.
    static func asSent(_ change: ChangeRecord) -> MergeDecision {
        MergeDecision(logged: change, conflicts: [], asSent: true)
    }

    /// A delete that is not applied because `fields` were edited meanwhile: `logged` keeps the entity (an update
    /// with every field) and one `delete` conflict shows the edited fields' current values and who wrote the first of them.
    static func keptAgainstDelete(
        _ logged: ChangeRecord, edited fields: [String], before: EntityState, _ store: any StoreReader
    ) throws -> MergeDecision {
        var edited: [String: JSONValue] = [:]
        for name in fields { edited[name] = before.fields[name] ?? .null }
        let first = fields.first.flatMap { before.versions[$0] }
        let writer = try first.flatMap { try store.loggedChange($0) }
        return MergeDecision(
            logged: logged,
            conflicts: [
                ConflictDraft(
                    kind: .delete, field: nil, base: .null, mine: .null, theirs: .object(edited),
                    current: .object(edited), theirsChange: first, theirsAuthor: writer?.record.author)
            ])
    }
}

/// Decides what an accepted change does to the stored entity when other changes happened meanwhile.
///
/// Detection: a field is *concurrent* when the change names a base version for it that is not the field's current
/// version. Concurrent fields merge by their ``FieldMergeRule``; forward-only fields always do. A field without a
/// base is written as sent. Then:
/// - an update of a deleted entity restores it (the edit survives) and opens a `delete` conflict;
/// - a delete whose base shows edits its author had not seen is not applied (logged as an update that keeps every
///   field) and opens a `delete` conflict;
/// - a late edit (an editor's content change to an issue approved or published meanwhile) is not applied (logged
///   as the operation that keeps the stored state) and opens `late_edit` conflicts for a chief.
///
/// The logged record always describes the state the server ends with, so every replica that applies the log
/// holds the server's state.
struct ChangeMerger {
    /// The store, inside the push's transaction.
    let store: any StoreReader

    /// The decision for `change` (well-formed, text normalised) against `stored`, the entity's row if any.
    /// - Parameter late: the change is a late edit (``PublishedIssues/isLate(_:stored:_:)``): nothing of it but
    ///   forward-only fields is applied.
    /// - Parameter before: `stored`'s state (empty when `stored` is `nil`), read once by the caller.
    func decide(_ change: ChangeRecord, stored: StoredEntity?, before: EntityState, late: Bool) throws
        -> MergeDecision
    {
        if late {
            return try lateEdit(change, stored: stored, before: before)
        }
        switch change.op {
        case .create:
            return .asSent(change)
        case .delete:
            return try deletion(change, stored: stored, before: before)
        case .update:
            return try update(change, stored: stored, before: before)
        }
    }

    // MARK: Updates

    private func update(_ change: ChangeRecord, stored: StoredEntity?, before: EntityState) throws -> MergeDecision {
        var logged = change
        var conflicts: [ConflictDraft] = []
        for name in change.fields.keys.sorted() {
            guard let mine = change.fields[name] else { continue }
            let (value, conflict) = try merge(name, mine: mine, change: change, stored: stored, before: before)
            logged.fields[name] = value
            if let conflict { conflicts.append(conflict) }
        }
        if before.deleted, let stored {
            // Edit vs delete, the delete first: the edit survives and the entity comes back.
            conflicts.append(
                ConflictDraft(
                    kind: .delete, field: nil, base: .null, mine: .object(change.fields), theirs: .null,
                    current: .object(logged.fields), theirsChange: stored.lastChangeID, theirsAuthor: stored.lastAuthor)
            )
        }
        return MergeDecision(logged: logged, conflicts: conflicts)
    }

    /// The value to store for one field of an update, and the conflict it opens, if any.
    private func merge(
        _ name: String, mine: JSONValue, change: ChangeRecord, stored: StoredEntity?, before: EntityState
    ) throws -> (JSONValue, ConflictDraft?) {
        let rule = FieldMergeRule.rule(entity: change.entity, field: name)
        if rule == .forwardOnly {
            return (FieldMergeRule.forward(current: before.fields[name], incoming: mine), nil)
        }
        guard let baseVersion = change.base[name], let currentVersion = before.versions[name],
            let theirs = before.fields[name], theirs != mine,
            try baseVersion != currentVersion
                || BaseValues.authorsOwnValue(version: baseVersion, field: name, for: change, store) != nil
        else { return (mine, nil) }
        let writer = try store.loggedChange(currentVersion)
        let theirsStamp =
            writer?.stamp
            ?? WriterStamp(hlc: HLCTimestamp(stored?.lastHLC ?? "") ?? .zero, clientID: stored?.lastClientID ?? "")
        let prefer = MergeSide.laterWriter(mine: WriterStamp(change), theirs: theirsStamp)
        if rule == .order { return (prefer == .mine ? mine : theirs, nil) }
        let base = try BaseValues.value(version: baseVersion, field: name, for: change, store)
        let outcome = Self.merge(rule, base: base, mine: mine, theirs: theirs, prefer: prefer)
        guard outcome.conflicted else { return (outcome.value, nil) }
        return (
            outcome.value,
            ConflictDraft(
                kind: rule == .text ? .text : .value, field: name, base: base ?? .null, mine: mine, theirs: theirs,
                current: outcome.value, theirsChange: currentVersion, theirsAuthor: writer?.record.author)
        )
    }

    /// Three-way merge of one concurrent value: text by ``TextMerge``, anything else by ``ValueMerge``. An unknown
    /// base merges nothing: different values conflict.
    static func merge(
        _ rule: FieldMergeRule, base: JSONValue?, mine: JSONValue, theirs: JSONValue, prefer: MergeSide
    ) -> (value: JSONValue, conflicted: Bool) {
        if rule == .text, let base = base?.stringArray, let mineText = mine.stringArray,
            let theirsText = theirs.stringArray
        {
            let outcome = TextMerge.merge(base: base, mine: mineText, theirs: theirsText, prefer: prefer)
            return (.array(outcome.value.map(JSONValue.string)), outcome.conflict != nil)
        }
        let outcome = ValueMerge.merge(base: base, mine: Optional(mine), theirs: Optional(theirs), prefer: prefer)
        return (outcome.value ?? .null, outcome.conflict != nil)
    }

    // MARK: Deletes

    private func deletion(_ change: ChangeRecord, stored: StoredEntity?, before: EntityState) throws
        -> MergeDecision
    {
        // Versions the deleter had not seen: fields someone edited after the deleter's view (including a merge of
        // the deleter's own change that it had not pulled back).
        let unseen = try change.base.keys.sorted().filter { name in
            guard let current = before.versions[name], let base = change.base[name] else { return false }
            return try current != base
                || BaseValues.authorsOwnValue(version: base, field: name, for: change, store) != nil
        }
        guard !unseen.isEmpty, stored != nil, !before.deleted else {
            return MergeDecision(logged: change, conflicts: [])
        }
        // Edit vs delete, the edit first: the delete is not applied. Logged as an update that keeps every field,
        // so the deleter's replica gets the entity back.
        var logged = change
        logged.op = .update
        logged.fields = before.fields
        return try MergeDecision.keptAgainstDelete(logged, edited: unseen, before: before, store)
    }

    // MARK: Late edits

    /// A late content change: nothing of it is applied except forward-only fields (the state).
    private func lateEdit(_ change: ChangeRecord, stored: StoredEntity?, before: EntityState) throws
        -> MergeDecision
    {
        var logged = change
        let exists = stored != nil && !before.deleted
        switch change.op {
        case .update where !exists, .create:
            // Nothing to keep: the entity stays absent (or deleted) everywhere, the author's replica included.
            logged.op = .delete
            logged.fields = [:]
            return MergeDecision(
                logged: logged,
                conflicts: [
                    ConflictDraft(
                        kind: .lateEdit, field: nil, base: .null, mine: .object(change.fields), theirs: .null,
                        current: .null, theirsChange: stored?.lastChangeID, theirsAuthor: stored?.lastAuthor)
                ])
        case .delete:
            guard exists else { return MergeDecision(logged: change, conflicts: []) }
            logged.op = .update
            logged.fields = before.fields
            let whole = JSONValue.object(before.fields)
            return MergeDecision(
                logged: logged,
                conflicts: [
                    ConflictDraft(
                        kind: .lateEdit, field: nil, base: .null, mine: .null, theirs: whole, current: whole,
                        theirsChange: stored?.lastChangeID, theirsAuthor: stored?.lastAuthor)
                ])
        case .update:
            var conflicts: [ConflictDraft] = []
            for name in change.fields.keys.sorted() {
                guard let mine = change.fields[name] else { continue }
                if FieldMergeRule.rule(entity: change.entity, field: name) == .forwardOnly {
                    logged.fields[name] = FieldMergeRule.forward(current: before.fields[name], incoming: mine)
                    continue
                }
                let theirs = before.fields[name] ?? .null
                logged.fields[name] = theirs
                guard theirs != mine else { continue }
                let version = before.versions[name]
                let base = try change.base[name].flatMap {
                    try BaseValues.value(version: $0, field: name, for: change, store)
                }
                conflicts.append(
                    ConflictDraft(
                        kind: .lateEdit, field: name, base: base ?? .null, mine: mine, theirs: theirs, current: theirs,
                        theirsChange: version,
                        theirsAuthor: try version.flatMap { try store.loggedChange($0) }?
                            .record.author))
            }
            return MergeDecision(logged: logged, conflicts: conflicts)
        }
    }
}
