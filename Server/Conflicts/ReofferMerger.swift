import BulletinCore
import SyncProtocol

/// Decides what a re-offered record does (PROTOCOL.md section 12.5): a record of a log history this server lost to
/// a restore, offered again by a replica that held it, with the `seq` it had there.
///
/// The record already went through the merge rules once, in the lost history; it carries the values the replica
/// ended with. So it is not merged again by its `base`: each field is ordered against the field's current version
/// by their positions in the lost history.
/// - A version logged at or below the current epoch's start, or re-offered from a lower seq, is older: the record's
///   value is written.
/// - A version re-offered from a higher seq is newer: it stays, silently (the lost history ended that way too).
/// - A version written since the restore by an ordinary push is newer, but its author may never have seen the
///   re-offered value: it stays, and a conflict keeps the re-offered value for an editor — nothing is dropped.
struct ReofferMerger {
    /// The store, inside the push's transaction.
    let store: any StoreReader
    /// The seq the current epoch started from.
    let epochStart: Int64

    /// Where a version stands against a re-offered record.
    private enum Age {
        case older, newer, sinceRestore
    }

    /// The decision for `change` (well-formed, text normalised, `seq` = its seq in the lost history) against
    /// `stored`, the entity's row if any.
    /// - Parameter before: `stored`'s state (empty when `stored` is `nil`), read once by the caller.
    func decide(_ change: ChangeRecord, prior: Int64, stored: StoredEntity?, before: EntityState) throws
        -> MergeDecision
    {
        guard let stored else { return MergeDecision(logged: change, conflicts: []) }
        switch change.op {
        case .delete:
            return try deletion(change, prior: prior, stored: stored, before: before)
        case .create, .update:
            return try update(change, prior: prior, stored: stored, before: before)
        }
    }

    private func update(
        _ change: ChangeRecord, prior: Int64, stored: StoredEntity, before: EntityState
    ) throws -> MergeDecision {
        var logged = change
        // A create of an entity the server already holds (another replica re-offered it under its own latest
        // change id, as snapshot records name it) writes its fields like an update.
        logged.op = .update
        var conflicts: [ConflictDraft] = []
        for name in change.fields.keys.sorted() {
            guard let mine = change.fields[name] else { continue }
            let rule = FieldMergeRule.rule(entity: change.entity, field: name)
            if rule == .forwardOnly {
                logged.fields[name] = FieldMergeRule.forward(current: before.fields[name], incoming: mine)
                continue
            }
            guard let version = before.versions[name], let theirs = before.fields[name] else { continue }
            switch try age(of: version, against: prior) {
            case .older:
                continue
            case .newer:
                logged.fields[name] = theirs
            case .sinceRestore:
                logged.fields[name] = theirs
                guard theirs != mine else { continue }
                conflicts.append(
                    ConflictDraft(
                        kind: rule == .text ? .text : .value, field: name, base: .null, mine: mine, theirs: theirs,
                        current: theirs, theirsChange: version,
                        theirsAuthor: try store.loggedChange(version)?.record.author))
            }
        }
        if before.deleted, try age(of: stored.lastChangeID, against: prior) == .sinceRestore {
            // Deleted since the restore by someone who had not seen this edit: the edit survives, as in section 20.
            conflicts.append(
                ConflictDraft(
                    kind: .delete, field: nil, base: .null, mine: .object(change.fields), theirs: .null,
                    current: .object(logged.fields), theirsChange: stored.lastChangeID, theirsAuthor: stored.lastAuthor)
            )
        }
        return MergeDecision(logged: logged, conflicts: conflicts)
    }

    private func deletion(
        _ change: ChangeRecord, prior: Int64, stored: StoredEntity, before: EntityState
    ) throws -> MergeDecision {
        guard !before.deleted else { return MergeDecision(logged: change, conflicts: []) }
        var later: [String] = []
        var sinceRestore: [String] = []
        for name in before.versions.keys.sorted() {
            guard let version = before.versions[name] else { continue }
            switch try age(of: version, against: prior) {
            case .older: break
            case .newer: later.append(name)
            case .sinceRestore: sinceRestore.append(name)
            }
        }
        guard !later.isEmpty || !sinceRestore.isEmpty else { return MergeDecision(logged: change, conflicts: []) }
        // Edited after the delete: the entity stays (logged as an update that keeps every field, so replicas that
        // applied the delete get it back).
        var logged = change
        logged.op = .update
        logged.fields = before.fields
        guard !sinceRestore.isEmpty else { return MergeDecision(logged: logged, conflicts: []) }
        return try MergeDecision.keptAgainstDelete(logged, edited: sinceRestore, before: before, store)
    }

    /// Where the change `version` stands against a record that had seq `prior` in the lost history.
    private func age(of version: String, against prior: Int64) throws -> Age {
        guard let logged = try store.loggedChange(version) else { return .older }
        if logged.seq <= epochStart { return logged.seq < prior ? .older : .newer }
        guard let priorSeq = logged.priorSeq else { return .sinceRestore }
        return priorSeq < prior ? .older : .newer
    }
}
