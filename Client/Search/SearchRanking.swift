import CSearchRank
import GRDB

/// How search orders its matches: FTS5's `bm25`, score for score, computed by `Sources/CSearchRank` so that a query
/// matching thousands of articles reads their lengths in one scan instead of one index seek each.
enum SearchRanking {
    /// The FTS5 index the function ranks (its lengths are read from the index's own `_docsize` table).
    static let index = "article_search"

    /// The score column, best highest: `bm25` is negative, better matches further below zero. Title words weigh
    /// four times body words.
    static let scoreSQL = "-\(function)(\(index), 4.0, 1.0)"

    /// The SQL function's name (defined with the function, in C).
    static let function = BULLETIN_BM25_FUNCTION

    /// Makes the function available on one connection; every store connection calls it when it opens.
    static func register(in db: Database) throws {
        let code = ResultCode(rawValue: bulletin_bm25_register(db.sqliteConnection, index))
        guard code == .SQLITE_OK else {
            throw DatabaseError(resultCode: code, message: "could not register \(function)")
        }
    }
}
