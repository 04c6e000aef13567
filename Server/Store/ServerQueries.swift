import GRDB

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
}
