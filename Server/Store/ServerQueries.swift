import GRDB
import SyncProtocol

/// Small reads shared by the store's transactions.
enum ServerQueries {
    /// The highest seq in the log, 0 when it is empty.
    static func head(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM change_log") ?? 0
    }

    /// The seq a change id was logged at, if it was.
    static func seq(ofChange changeID: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT seq FROM change_log WHERE change_id = ?"), arguments: [changeID])
    }

    /// The seqs of those of `changeIDs` that are logged, in one query.
    static func seqs(ofChanges changeIDs: [String], _ db: Database) throws -> [String: Int64] {
        let statement = try db.cachedStatement(
            sql: "SELECT change_id, seq FROM change_log WHERE change_id IN (SELECT value FROM json_each(?))")
        var seqs: [String: Int64] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [CanonicalJSON.text(changeIDs)])
        while let row = try rows.next() { seqs[row[0]] = row[1] }
        return seqs
    }
}
