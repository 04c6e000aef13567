import BulletinCore
import GRDB

/// Keeps the `article_search` FTS5 table in step with the `article` table.
///
/// The index holds the *folded* title and body (``DiacriticFolding/fold(_:)``), so that a query folded the same
/// way matches with or without diacritics, `đ` included; results are shown from the original text.
enum SearchIndex {
    /// The search key for a new article row.
    static func nextSearchID(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(search_id), 0) + 1 FROM article") ?? 1
    }

    /// Replaces the article's entry (or removes it for a deleted article).
    static func update(_ article: ArticleRecord, in db: Database) throws {
        try db.execute(sql: "DELETE FROM article_search WHERE rowid = ?", arguments: [article.searchID])
        guard !article.deleted else { return }
        try db.execute(
            sql: "INSERT INTO article_search(rowid, title, body) VALUES (?, ?, ?)",
            arguments: [
                article.searchID,
                DiacriticFolding.fold(article.title),
                DiacriticFolding.fold(article.paragraphs.joined(separator: "\n")),
            ])
    }
}
