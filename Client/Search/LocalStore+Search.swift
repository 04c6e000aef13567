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
        return try writer.read { db in
            // Rank with small columns only; bodies are read for the few results shown.
            let ranked = try Row.fetchAll(db, sql: """
                SELECT a.id AS id, -bm25(article_search, 4.0, 1.0) AS score
                FROM article_search
                JOIN article a ON a.search_id = article_search.rowid AND a.deleted = 0
                JOIN issue i ON i.id = a.issue_id AND i.deleted = 0
                WHERE article_search MATCH ?
                ORDER BY score DESC, a.id
                LIMIT ?
                """, arguments: [query.matchExpression, max(0, limit)])
            var snippets = SnippetBuilder(query: query)
            var numbering: [String: [String]] = [:]
            var hits: [SearchHit] = []
            for (index, row) in ranked.enumerated() {
                let id: String = row["id"]
                guard let article = try ArticleRecord.fetchOne(db, key: id) else { continue }
                let issue = try IssueRecord.fetchOne(db, key: article.issueID) ?? IssueRecord(newID: article.issueID)
                if numbering[issue.id] == nil {
                    numbering[issue.id] = try Numbering.articleIDs(ofIssue: issue.id, in: db)
                }
                let number = numbering[issue.id]?.firstIndex(of: id).map { $0 + 1 }
                hits.append(SearchHit(
                    rank: index + 1, score: row["score"], articleID: id, issueID: issue.id, date: issue.date,
                    number: number, ref: number.map { "\(issue.date)/\($0)" } ?? id, title: article.title,
                    snippet: snippets.snippet(title: article.title, paragraphs: article.paragraphs)))
            }
            return hits
        }
    }
}
