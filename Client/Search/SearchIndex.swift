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
    /// The index is contentless: removing an entry means handing FTS5 the exact text it indexed, which is the
    /// folded text of the row being replaced (folding is deterministic; a change to ``DiacriticFolding`` needs a
    /// migration that rebuilds the index).
    ///
    /// - Parameters:
    ///   - previous: The article's row before this change, `nil` when the row is new.
    ///   - folded: The new row's texts already folded (by ``FoldAhead``, from the change that wrote them).
    static func update(
        _ article: ArticleRecord, replacing previous: ArticleRecord?, folded: FoldedArticle? = nil, in db: Database
    ) throws {
        if let previous, !previous.deleted {
            try db.cachedStatement(
                sql: """
                    INSERT INTO article_search(article_search, rowid, title, body) VALUES ('delete', ?, ?, ?)
                    """
            ).execute(arguments: indexed(previous))
        }
        guard !article.deleted else { return }
        try db.cachedStatement(sql: "INSERT INTO article_search(rowid, title, body) VALUES (?, ?, ?)")
            .execute(arguments: indexed(article, folded: folded))
    }

    private static func indexed(_ article: ArticleRecord, folded: FoldedArticle? = nil) -> StatementArguments {
        [
            article.searchID,
            folded?.title ?? DiacriticFolding.fold(article.title),
            folded?.body ?? DiacriticFolding.fold(article.paragraphs.joined(separator: "\n")),
        ]
    }
}
