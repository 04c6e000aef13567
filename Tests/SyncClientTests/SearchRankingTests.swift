import BulletinCore
import GRDB
import Testing

@testable import SyncClient

/// `bulletin_bm25` must order matches exactly as FTS5's `bm25` would: every matched row's score, compared as doubles,
/// on both of its paths (lengths sought one by one for a query's first rows, read in one scan after).
@Suite struct SearchRankingTests {
    private static let vocabulary = [
        "phieu", "ly", "lich", "tu", "phap", "cai", "cach", "hanh", "chinh", "dong", "bo", "so", "hoa", "ha", "noi",
    ]

    /// An index like the store's (`SearchRanking.index`, contentless, two columns) over `rowids`, each row's text
    /// drawn from a small vocabulary with lengths from 3 to ~200 words, so scores differ by frequency and length.
    private func index(rowids: [Int64]) throws -> (queue: DatabaseQueue, texts: [Int64: [String]]) {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try SearchRanking.register(in: db) }
        let queue = try DatabaseQueue(configuration: configuration)
        let texts = try queue.write { db in try fill(db, table: SearchRanking.index, rowids: rowids, seed: 14) }
        return (queue, texts)
    }

    /// Creates the FTS5 table `table` and fills it with generated rows; returns each row's title and body.
    private func fill(_ db: Database, table: String, rowids: [Int64], seed: UInt64) throws -> [Int64: [String]] {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE \(table) USING fts5(
                    title, body, tokenize = 'unicode61 remove_diacritics 0', content = '')
                """)
        var generator = SeededRandom(seed: seed)
        var texts: [Int64: [String]] = [:]
        let words = Self.vocabulary
        for rowid in rowids {
            let title = (0..<Int.random(in: 2...8, using: &generator)).map { _ in
                words.randomElement(using: &generator)!
            }
            let body = (0..<Int.random(in: 1...200, using: &generator)).map { _ in
                words.randomElement(using: &generator)!
            }
            texts[rowid] = [title.joined(separator: " "), body.joined(separator: " ")]
            try db.execute(
                sql: "INSERT INTO \(table)(rowid, title, body) VALUES (?, ?, ?)",
                arguments: [rowid, texts[rowid]![0], texts[rowid]![1]])
        }
        return texts
    }

    /// Rows whose two scores differ, and how many rows matched, querying `table`.
    private func mismatches(_ match: String, in queue: DatabaseQueue, table: String = SearchRanking.index) throws
        -> (differ: [Int64], matched: Int)
    {
        try queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, bm25(\(table), 4.0, 1.0) AS builtIn, \(SearchRanking.function)(\(table), 4.0, 1.0) AS ours
                    FROM \(table) WHERE \(table) MATCH ?
                    """, arguments: [match])
            let differ = rows.filter { row in (row["builtIn"] as Double) != (row["ours"] as Double) }
            return (differ.map { $0["rowid"] }, rows.count)
        }
    }

    private static let queries = ["phieu", "phieu ly lich tu phap", "\"cai cach\"", "ha*", "dong noi", "hoa so bo"]

    @Test(arguments: queries)
    func everyScoreEqualsBM25sOverManyMatches(_ query: String) throws {
        // 600 rows: far past the 64 rows after which the lengths are read in one scan.
        let (queue, _) = try index(rowids: Array(1...600))
        let result = try mismatches(query, in: queue)
        #expect(result.matched > 100)
        #expect(result.differ.isEmpty)
    }

    @Test func everyScoreEqualsBM25sAfterDeletionsAndInsertions() throws {
        let (queue, texts) = try index(rowids: Array(1...400))
        try queue.write { db in
            // A contentless index forgets a row given the values it was indexed with, as the store does (SearchIndex).
            for rowid in stride(from: Int64(3), through: 400, by: 7) {
                try db.execute(
                    sql: "INSERT INTO \(SearchRanking.index)(\(SearchRanking.index), rowid, title, body) "
                        + "VALUES ('delete', ?, ?, ?)", arguments: [rowid, texts[rowid]![0], texts[rowid]![1]])
            }
            for rowid in stride(from: Int64(5), through: 400, by: 11) {
                try db.execute(
                    sql: "INSERT INTO \(SearchRanking.index)(rowid, title, body) VALUES (?, 'phieu', 'phieu ly')",
                    arguments: [rowid + 1000])
            }
        }
        for query in Self.queries {
            let result = try mismatches(query, in: queue)
            #expect(result.differ.isEmpty, "\(query)")
        }
    }

    @Test func everyScoreEqualsBM25sWhenRowidsAreTooSparseToCache() throws {
        let (queue, _) = try index(rowids: (1...300).map { Int64($0) * 1_000_003 })
        for query in Self.queries {
            let result = try mismatches(query, in: queue)
            #expect(result.matched > 0)
            #expect(result.differ.isEmpty, "\(query)")
        }
    }

    @Test func theScoreColumnIsTheStoresIndexRankedBestHighest() throws {
        let (queue, _) = try index(rowids: Array(1...50))
        let scores = try queue.read { db in
            try Double.fetchAll(
                db,
                sql: """
                    SELECT \(SearchRanking.scoreSQL) AS score FROM \(SearchRanking.index)
                    WHERE \(SearchRanking.index) MATCH 'phieu' ORDER BY score DESC
                    """)
        }
        #expect(scores.count > 10)
        #expect(scores.allSatisfy { $0 > 0 })
    }

    @Test func onAnotherIndexOfAsManyRowsItStillScoresAsBM25() throws {
        // Registered for the store's index, called on another one whose %_docsize has as many rows: the lengths
        // read in one scan would be the wrong index's, and the check against the last length sought catches it.
        let (queue, _) = try index(rowids: Array(1...600))
        try queue.write { db in _ = try fill(db, table: "other_search", rowids: Array(1...600), seed: 99) }
        for query in Self.queries {
            let result = try mismatches(query, in: queue, table: "other_search")
            #expect(result.matched > 0)
            #expect(result.differ.isEmpty, "\(query)")
        }
    }
}
