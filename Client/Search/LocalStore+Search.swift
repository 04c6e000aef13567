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
                        SELECT rowid AS search_id, -bm25(article_search, 4.0, 1.0) AS score
                        FROM article_search
                        WHERE article_search MATCH ?
                        ORDER BY score DESC, rowid
                        LIMIT ? OFFSET ?
                        """, arguments: [query.matchExpression, batch, offset])
                offset += ranked.count
                for row in ranked where hits.count < wanted {
                    let searchID: Int64 = row["search_id"]
                    guard
                        let article = try ArticleRecord.filter(ArticleRecord.Columns.searchID == searchID)
                            .fetchOne(db), !article.deleted,
                        let issue = try IssueRecord.fetchOne(db, key: article.issueID), !issue.deleted
                    else { continue }
                    if numbering[issue.id] == nil {
                        numbering[issue.id] = try Numbering.articleIDs(ofIssue: issue.id, in: db)
                    }
                    let number = numbering[issue.id]?.firstIndex(of: article.id).map { $0 + 1 }
                    hits.append(
                        SearchHit(
                            rank: hits.count + 1, score: row["score"], articleID: article.id, issueID: issue.id,
                            date: issue.date, number: number, ref: number.map { "\(issue.date)/\($0)" } ?? article.id,
                            title: article.title,
                            snippet: snippets.snippet(title: article.title, paragraphs: article.paragraphs)))
                }
                if ranked.count < batch { break }
            }
            return hits
        }
    }
}
