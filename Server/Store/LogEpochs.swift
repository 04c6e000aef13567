import Foundation
import GRDB
import SyncProtocol

/// The histories of the server's log (PROTOCOL.md section 12.5), stored in `log_epoch`, oldest first.
enum LogEpochs {
    /// Every epoch, oldest first; the last is the current one.
    static func all(_ db: Database) throws -> [LogEpoch] {
        try Row.fetchAll(db, sql: "SELECT epoch, from_seq FROM log_epoch ORDER BY position").map {
            LogEpoch(epoch: $0["epoch"], fromSeq: $0["from_seq"])
        }
    }

    /// The seq the current epoch started from: records at or below it are shared with every earlier history.
    static func currentStart(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT from_seq FROM log_epoch ORDER BY position DESC LIMIT 1") ?? 0
    }

    /// Starts a new epoch at the log's head (a restore: what clients hold beyond it may be missing here).
    @discardableResult
    static func start(_ db: Database) throws -> LogEpoch {
        let epoch = beginning(at: try ServerQueries.head(db))
        try append(epoch, at: ServerClock.nowText(), db)
        return epoch
    }

    /// A new epoch, named afresh, whose history starts at `head`.
    static func beginning(at head: Int64) -> LogEpoch {
        LogEpoch(epoch: UUID().uuidString.lowercased(), fromSeq: head)
    }

    /// Stores `epoch` as the current one.
    static func append(_ epoch: LogEpoch, at time: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO log_epoch (position, epoch, from_seq, started_at)
                VALUES ((SELECT COALESCE(MAX(position), 0) + 1 FROM log_epoch), ?, ?, ?)
                """, arguments: [epoch.epoch, epoch.fromSeq, time])
    }
}
