import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// What the sync engine calls: the outbox, acknowledgements, pulled pages, the cursor and the server address.
extension LocalStore {
    /// The replica's identity and sync position.
    public func replicaInfo() throws -> ReplicaInfo {
        try writer.read { db in
            let replica = try replica(db)
            return ReplicaInfo(
                clientID: replica.clientID, editor: replica.editor,
                serverAddress: replica.serverAddress, cursor: replica.cursor,
                schemaVersion: StoreSchema.version)
        }
    }

    /// The next changes to push, oldest first (author order): at most `maxCount` records and at most `maxBytes`
    /// bytes of record JSON — except that the first record is always returned, however large, so that the outbox
    /// can always make progress.
    public func pendingChanges(maxCount: Int, maxBytes: Int) throws -> [ChangeRecord] {
        try pendingRows(after: nil, maxCount: maxCount, maxBytes: maxBytes).rows.map { try $0.wireChange() }
    }

    /// Like ``pendingChanges(maxCount:maxBytes:)``, but only the changes queued after the outbox position `after`
    /// (from the start when `nil`), with the position of the last one: a pusher with a batch in flight reads the
    /// next one past it. The records stay the canonical texts the outbox holds (checked, not parsed): a push sends
    /// them as they are.
    public func pendingBatch(after: Int64?, maxCount: Int, maxBytes: Int) throws -> PendingBatch {
        let (rows, through) = try pendingRows(after: after, maxCount: maxCount, maxBytes: maxBytes)
        let records = try rows.map { row in
            let text = row.compact ?? row.record
            do {
                return try CanonicalRecord(checking: text)
            } catch {
                throw StoreError.corruptRow(
                    table: OutboxRecord.databaseTableName, key: row.changeID, reason: String(describing: error))
            }
        }
        return PendingBatch(records: records, through: through)
    }

    private func pendingRows(after: Int64?, maxCount: Int, maxBytes: Int) throws -> (
        rows: [OutboxRecord], through: Int64?
    ) {
        // A field office is read-only: the server would refuse its pushes whole.
        guard maxCount > 0, try accessSettings().role == .editor else { return ([], nil) }
        return try writer.read { db in
            // Running byte totals come from the small integer columns only; records are read once the cut is known.
            let totals = try Row.fetchAll(
                db,
                sql: """
                    SELECT position, SUM(bytes) OVER (ORDER BY position ROWS UNBOUNDED PRECEDING) AS running
                    FROM outbox WHERE position > ? ORDER BY position LIMIT ?
                    """, arguments: [after ?? .min, maxCount])
            var last: Int64?
            for row in totals {
                let running: Int = row["running"]
                if last != nil, running > maxBytes { break }
                last = row["position"]
            }
            guard let last else { return ([], nil) }
            let rows =
                try OutboxRecord
                .filter(OutboxRecord.Columns.position > (after ?? .min) && OutboxRecord.Columns.position <= last)
                .order(OutboxRecord.Columns.position)
                .fetchAll(db)
            return (rows, last)
        }
    }

    /// How many changes wait in the outbox, and their total size in bytes.
    public func pendingTotals() throws -> (count: Int, bytes: Int) {
        try writer.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT COUNT(*) AS count, COALESCE(SUM(bytes), 0) AS bytes FROM outbox")
            return (row?["count"] ?? 0, row?["bytes"] ?? 0)
        }
    }

    /// Every change waiting in the outbox, oldest first, without the field values (for `bulletin status`).
    public func pendingSummary() throws -> [PendingChange] {
        try writer.read { db in
            try OutboxRecord.order(OutboxRecord.Columns.position).fetchAll(db).map { row in
                let change = try row.change()
                return PendingChange(
                    changeID: change.changeID, entity: change.entity.rawValue, entityID: change.entityID,
                    op: change.op.rawValue, fields: change.fields.keys.sorted(), hlc: change.hlc.description,
                    issueID: row.issueID, bytes: row.bytes)
            }
        }
    }

    /// Applies a `push_ack`'s results in one transaction: changes the server logged (`applied`, `duplicate`,
    /// `conflict`) leave the outbox and get their `seq` in the change log; `rejected` ones move to the rejected
    /// list (see ``rejectedChanges()``) so they are not pushed again — except a change sent as a text edit and
    /// refused as `invalid_message` (the server could not rebuild the text): it stays, to go with its full value.
    @discardableResult
    public func acknowledge(_ results: [ChangeResult]) throws -> AcknowledgeSummary {
        try writer.write { db in
            var summary = AcknowledgeSummary(accepted: 0, rejected: 0, unknown: 0)
            // Cached statements, and the outbox row is read only for a refused change (to keep or resend its
            // record): this runs for every pushed change.
            let select = try db.cachedStatement(sql: "SELECT * FROM outbox WHERE change_id = ?")
            let delete = try db.cachedStatement(sql: "DELETE FROM outbox WHERE change_id = ?")
            let setSeq = try db.cachedStatement(sql: "UPDATE change_log SET seq = ? WHERE change_id = ?")
            for result in results {
                guard result.status == .rejected else {
                    // applied, duplicate, conflict: the server logged it.
                    try delete.execute(arguments: [result.changeID])
                    guard db.changesCount > 0 else {
                        summary.unknown += 1
                        continue
                    }
                    summary.accepted += 1
                    if let seq = result.seq {
                        try setSeq.execute(arguments: [seq, result.changeID])
                    }
                    continue
                }
                guard let row = try OutboxRecord.fetchOne(select, arguments: [result.changeID]) else {
                    summary.unknown += 1
                    continue
                }
                if row.compact != nil && result.code == ErrorCode.invalidMessage.name {
                    var full = row
                    full.compact = nil
                    full.bytes = row.record.utf8.count
                    try full.update(db)
                    summary.resent += 1
                    continue
                }
                summary.rejected += 1
                try RejectedChangeRecord(
                    changeID: row.changeID, record: row.record, reason: result.reason,
                    code: result.code
                ).insert(db, onConflict: .replace)
                try row.delete(db)
            }
            return summary
        }
    }

    /// Applies one pulled page and advances the cursor, in one transaction.
    ///
    /// Records are applied in `seq` order through the same rule as the server (``EntityState/applying(_:)``),
    /// this replica's own records included, since the server's value is the one that counts. Records at or below
    /// the current cursor were applied before and are skipped, so a page received twice changes nothing. A pulled
    /// record still in the outbox (its `push_ack` was lost) is removed from it: the server has it.
    ///
    /// - Parameters:
    ///   - changes: the page's records; each must carry its `seq`.
    ///   - cursor: the page's `to_seq`; must not be below the current cursor.
    /// - Throws: ``StoreError/missingSeq(changeID:)``, ``StoreError/cursorWentBack(current:proposed:)``,
    ///   ``StoreError/staleTextEdit(changeID:)`` (a text edit made against paragraphs this replica does not hold:
    ///   pull the full records); nothing is applied then. A record with a field of the wrong type is left out and
    ///   reported in ``PullSummary/undecodable``; the rest of the page applies and the cursor moves past it.
    @discardableResult
    public func applyPulled(_ changes: [ChangeRecord], cursor newCursor: Int64) throws -> PullSummary {
        try applyPulled(changes, cursor: newCursor, completingInitialSync: false)
    }

    /// ``applyPulled(_:cursor:)``, also recording (in the same transaction) that an initial sync has completed.
    @discardableResult
    func applyPulled(
        _ changes: [ChangeRecord], cursor newCursor: Int64, completingInitialSync: Bool
    ) throws -> PullSummary {
        var ordered: [(seq: Int64, change: ChangeRecord)] = []
        for change in changes {
            guard let seq = change.seq else { throw StoreError.missingSeq(changeID: change.changeID) }
            ordered.append((seq, change))
        }
        ordered.sort { $0.seq < $1.seq }
        let ahead = FoldAhead.start(ordered.map(\.change))
        let wall = options.wallClock()
        return try writeRecoverable { db in
            let replica = try replica(db)
            guard newCursor >= replica.cursor else {
                throw StoreError.cursorWentBack(current: replica.cursor, proposed: newCursor)
            }
            var clock = try replica.clock()
            var summary = PullSummary(applied: 0, skipped: 0, acknowledgedFromOutbox: 0, cursor: newCursor)
            for (index, (seq, change)) in ordered.enumerated() {
                // Publications are for field offices; an editor's replica has the entities themselves.
                guard seq > replica.cursor, change.entity != .publication else {
                    summary.skipped += 1
                    continue
                }
                // A text edit carries no whole text to fold ahead: its expanded text is folded as it is indexed.
                let folded = change.entity == .article ? ahead?.article(at: index) : nil
                let change = try Self.expandingTextEdit(change, in: db)
                guard
                    let scope = try Self.applyStorable(
                        change, seq: seq, in: db, skipped: &summary.undecodable, folded: folded)
                else { continue }
                try ChangeLog.record(change, scope: scope, in: db)
                clock.receive(remote: change.hlc, wall: wall)
                try db.cachedStatement(sql: "DELETE FROM outbox WHERE change_id = ?")
                    .execute(arguments: [change.changeID])
                summary.acknowledgedFromOutbox += db.changesCount
                summary.applied += 1
            }
            // A cached statement: this runs for every pulled page.
            try db.cachedStatement(sql: "UPDATE replica SET cursor = ?, hlc = ? WHERE id = 1")
                .execute(arguments: [newCursor, clock.last.description])
            if completingInitialSync {
                var progress = try SnapshotProgressRecord.current(db)
                if !progress.completed {
                    progress.completed = true
                    try progress.save(db)
                }
            }
            return summary
        }
    }

    /// Applies a pulled record, or — when a field has a type this store cannot hold (a record logged before the
    /// server enforced the data contract) — leaves it out and notes it in `skipped`; `nil` then. Nothing of a
    /// record is written before its fields are decoded, so leaving one out leaves the transaction clean.
    static func applyStorable(
        _ change: ChangeRecord, seq: Int64, in db: Database, skipped: inout [SkippedRecord],
        recordedVersions: [String: String] = [:], folded: FoldedArticle? = nil
    ) throws -> ChangeScope? {
        do {
            return try ChangeApplier.apply(change, in: db, recordedVersions: recordedVersions, folded: folded)
        } catch let error as StoreError {
            guard case .invalidField = error else { throw error }
            skipped.append(SkippedRecord(seq: seq, changeID: change.changeID, reason: error.description))
            return nil
        }
    }

    /// `change` with a text edit of an article's paragraphs replaced by the full text, rebuilt from the paragraphs
    /// this replica holds.
    static func expandingTextEdit(_ change: ChangeRecord, in db: Database) throws -> ChangeRecord {
        guard change.entity == .article, let payload = change.fields[CompactChange.field], case .object = payload
        else { return change }
        let current = try ArticleRecord.row(change.entityID, in: db)?.paragraphs
        return try CompactChange.expand(change, current: current)
    }

    /// The highest server `seq` applied here.
    public func cursor() throws -> Int64 {
        try writer.read { db in try replica(db).cursor }
    }

    /// Sets the cursor (e.g. after a snapshot); it never moves backwards.
    public func setCursor(_ cursor: Int64) throws {
        try writer.write { db in
            var replica = try replica(db)
            guard cursor >= replica.cursor else {
                throw StoreError.cursorWentBack(current: replica.cursor, proposed: cursor)
            }
            replica.cursor = cursor
            try replica.update(db)
        }
    }

    /// The remembered server address, `HOST:PORT`.
    public func serverAddress() throws -> String? {
        try writer.read { db in try replica(db).serverAddress }
    }

    /// Remembers the server address for later syncs.
    public func setServerAddress(_ address: String) throws {
        let clean = address.trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty else { throw StoreError.invalidArgument("the server address cannot be empty") }
        try writer.write { db in
            var replica = try replica(db)
            replica.serverAddress = clean
            try replica.update(db)
        }
    }

    /// Changes the server rejected, with its reasons, oldest first.
    public func rejectedChanges() throws -> [(change: ChangeRecord, reason: String?, code: String?)] {
        try writer.read { db in
            try RejectedChangeRecord.fetchAll(db).map { row in
                (
                    try ChangeRecordJSON.decode(
                        row.record, table: RejectedChangeRecord.databaseTableName,
                        key: row.changeID), row.reason, row.code
                )
            }
            .sorted { $0.change.hlc < $1.change.hlc }
        }
    }

    /// The current state of an entity (fields, per-field versions, deleted flag), or `nil` if never seen here:
    /// what conflict detection compares with the server's.
    public func entityState(_ entity: EntityKind, id: String) throws -> EntityState? {
        try writer.read { db in try ChangeApplier.state(of: entity, id: id, in: db) }
    }
}
