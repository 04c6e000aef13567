import BulletinCore
import GRDB

extension LocalStore {
    /// Full-text search over article titles and bodies, best first, diacritics-insensitive both ways.
    ///
    /// - Parameters:
    ///   - text: words to find (all must occur); a word ending in `*` matches as a prefix.
    ///   - limit: the most results to return.
    /// - Throws: ``StoreError/invalidArgument(_:)`` when the query has no words.
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let query = try SearchQuery(text)
        let wanted = max(0, limit)
        return try writer.read { db in
            let snippets = SnippetBuilder(query: query)
            var numbering: [String: [String]] = [:]
            var hits: [SearchHit] = []
            var offset = 0
            // Rank in the index alone: joining every match to its article row would read a page per match. The
            // index holds only live articles; the few whose issue is deleted are skipped here, asking for more.
            while hits.count < wanted {
                let batch = wanted - hits.count + 8
                let ranked = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT rowid AS search_id, \(SearchRanking.scoreSQL) AS score
                        FROM article_search
                        WHERE article_search MATCH ?
                        ORDER BY score DESC, rowid
                        LIMIT ? OFFSET ?
                        """, arguments: [query.matchExpression, batch, offset])
                offset += ranked.count
                for row in ranked where hits.count < wanted {
                    // Only the columns shown, through one cached statement: decoding whole records (their versions,
                    // sources and paragraphs through `JSONDecoder`) cost more than ranking the matches.
                    let searchID: Int64 = row["search_id"]
                    guard let shown = try Row.fetchOne(db.cachedStatement(sql: Self.hitSQL), arguments: [searchID])
                    else { continue }
                    let articleID: String = shown["id"]
                    let issueID: String = shown["issue_id"]
                    let date: String = shown["date"]
                    let title: String = shown["title"]
                    let paragraphs = try DatabaseJSON.strings(
                        shown["paragraphs"], table: "article", key: articleID, column: "paragraphs")
                    if numbering[issueID] == nil {
                        numbering[issueID] = try Numbering.articleIDs(ofIssue: issueID, in: db)
                    }
                    let number = numbering[issueID]?.firstIndex(of: articleID).map { $0 + 1 }
                    hits.append(
                        SearchHit(
                            rank: hits.count + 1, score: row["score"], articleID: articleID, issueID: issueID,
                            date: date, number: number, ref: number.map { "\(date)/\($0)" } ?? articleID,
                            title: title, snippet: snippets.snippet(title: title, paragraphs: paragraphs)))
                }
                if ranked.count < batch { break }
            }
            return hits
        }
    }

    /// A ranked article's shown columns and its issue's date, when both are live.
    private static let hitSQL = """
        SELECT a.id, a.issue_id, a.title, a.paragraphs, i.date
        FROM article a JOIN issue i ON i.id = a.issue_id
        WHERE a.search_id = ? AND NOT a.deleted AND NOT i.deleted
        """
}
