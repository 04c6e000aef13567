import BulletinCore
import GRDB
import SyncProtocol

/// What a replica offers again after the server's log was restored from a backup (PROTOCOL.md section 12.5).
extension LocalStore {
    /// The server log history this store last synced in; `nil` before its first sync with a server that names one.
    public func logEpoch() throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT log_epoch FROM replica WHERE id = 1") }
    }

    /// The next records of this replica's change log after `seq` (in seq order), rebuilt from the state held here:
    /// each with the `seq` it had, its id, author, client and clock, and the values this replica holds for the
    /// fields it wrote (a `create` carries every field, a `delete` none). Publications are the server's to make
    /// again and are left out.
    ///
    /// - Returns: the records (at most `maxCount`, and about `maxBytes` of JSON, at least one when any remain) and
    ///   the seq the next batch starts after (`nil` when nothing remains).
    public func reofferBatch(after seq: Int64, maxCount: Int, maxBytes: Int) throws -> ReofferBatch {
        // A field office holds only publications, which the server makes again itself.
        guard try accessSettings().role == .editor else { return ReofferBatch(changes: [], through: nil) }
        return try writer.read { db in
            let rows = try ChangeLogRecord.fetchCursor(
                db,
                sql: """
                    SELECT * FROM change_log WHERE seq > ? AND entity != ? ORDER BY seq
                    """, arguments: [seq, EntityKind.publication.rawValue])
            var batch = ReofferBatch(changes: [], through: nil)
            var bytes = 0
            while batch.changes.count < max(1, maxCount), let row = try rows.next() {
                guard let rowSeq = row.seq else { continue }
                guard let change = try Self.reoffered(row, seq: rowSeq, in: db) else {
                    batch.through = rowSeq
                    continue
                }
                let size = ChangeRecordJSON.encode(change).utf8.count
                if !batch.changes.isEmpty, bytes + size > maxBytes { break }
                bytes += size
                batch.changes.append(change)
                batch.through = rowSeq
            }
            return batch
        }
    }

    /// One change-log row as a record to offer again, or `nil` when this replica no longer holds its entity.
    private static func reoffered(_ row: ChangeLogRecord, seq: Int64, in db: Database) throws -> ChangeRecord? {
        guard let hlc = HLCTimestamp(row.hlc),
            let state = try ChangeApplier.state(of: row.entity, id: row.entityID, in: db)
        else { return nil }
        var fields: [String: JSONValue] = [:]
        switch row.op {
        case .delete:
            break
        case .create:
            fields = state.fields
        case .update:
            for name in row.fields {
                if let value = state.fields[name] { fields[name] = value }
            }
            if fields.isEmpty { return nil }
        }
        return ChangeRecord(
            changeID: row.changeID, entity: row.entity, entityID: row.entityID, op: row.op, fields: fields,
            hlc: hlc, author: row.author, clientID: row.clientID, seq: seq)
    }

    /// Joins the server's log history `epoch`: when this replica's history diverged from it at `divergedAt`, the
    /// cursor goes back to that seq (and an unfinished snapshot starts over), so that the next pull brings every
    /// record the restored log holds beyond it. One transaction.
    public func adoptLogEpoch(_ epoch: String, divergedAt: Int64?) throws {
        try writer.write { db in
            if let divergedAt {
                try db.execute(sql: "UPDATE replica SET cursor = MIN(cursor, ?) WHERE id = 1", arguments: [divergedAt])
                var progress = try SnapshotProgressRecord.current(db)
                if !progress.completed, progress.resume != nil || progress.head != nil {
                    progress.resume = nil
                    progress.head = nil
                    try progress.save(db)
                }
            }
            try db.execute(sql: "UPDATE replica SET log_epoch = ? WHERE id = 1", arguments: [epoch])
        }
    }
}

/// Records to offer again, and where the next batch starts.
public struct ReofferBatch: Sendable, Hashable {
    /// The records, in the seq order they had.
    public var changes: [ChangeRecord]
    /// The seq of the last change-log row examined; `nil` when none remained.
    public var through: Int64?
}
