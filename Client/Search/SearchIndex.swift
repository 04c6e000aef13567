import BulletinCore
import GRDB

/// Keeps the `article_search` FTS5 table in step with the `article` table.
///
/// The index holds the *folded* title and body (``DiacriticFolding/fold(_:)``), so that a query folded the same
/// way matches with or without diacritics, `đ` included; results are shown from the original text.
enum SearchIndex {
    /// The search key for a new article row.
    static func nextSearchID(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(search_id), 0) + 1 FROM article")) ?? 1
    }

    /// Replaces the article's entry (or removes it for a deleted article).
    ///
    /// - Parameter isNew: The article row was just inserted with a fresh ``nextSearchID(in:)``, so the index has no
    ///   entry for it yet and nothing needs deleting.
    static func update(_ article: ArticleRecord, isNew: Bool = false, in db: Database) throws {
        if !isNew {
            try db.cachedStatement(sql: "DELETE FROM article_search WHERE rowid = ?")
                .execute(arguments: [article.searchID])
        }
        guard !article.deleted else { return }
        try db.cachedStatement(sql: "INSERT INTO article_search(rowid, title, body) VALUES (?, ?, ?)").execute(
            arguments: [
                article.searchID,
                DiacriticFolding.fold(article.title),
                DiacriticFolding.fold(article.paragraphs.joined(separator: "\n")),
            ])
    }
}
