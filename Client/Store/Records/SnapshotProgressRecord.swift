import GRDB

/// How far the initial snapshot has come (table `snapshot_progress`, one row).
///
/// Kept apart from the cursor so that an interrupted snapshot resumes where it stopped, and so that a store that
/// has finished one is never sent another.
struct SnapshotProgressRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "snapshot_progress"

    /// Always 1: the table holds one row.
    var id: Int = 1
    /// The server's resume token after the last applied page; `nil` before the first page and once complete.
    var resume: String?
    /// The server head the snapshot was taken at; the cursor once the snapshot completes.
    var head: Int64?
    /// Whether an initial sync (snapshot or log) has completed.
    var completed: Bool = false

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, resume, head, completed
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    /// The row, or a fresh one when no snapshot has started.
    static func current(_ db: Database) throws -> SnapshotProgressRecord {
        try SnapshotProgressRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM snapshot_progress WHERE id = 1"))
            ?? SnapshotProgressRecord()
    }

}
