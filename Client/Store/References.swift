import BulletinCore
import GRDB

/// An article found by reference, with where it sits.
struct ArticleLocation: Sendable, Hashable {
    var article: ArticleRecord
    var issue: IssueRecord
    /// Its number in contents order; `nil` when it is not in a live section of its issue.
    var number: Int?

    /// `DATE/N`, or the id when the article has no number.
    var reference: String {
        number.map { "\(issue.date)/\($0)" } ?? article.id
    }
}

/// Resolves what editors type — ids, id prefixes, dates, `DATE/N` — to rows, inside a transaction.
enum References {
    private static let candidateLimit = 5

    /// An issue by id, unique id prefix, or date `YYYY-MM-DD`.
    static func issue(_ reference: String, in db: Database) throws -> IssueRecord {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if CivilDate(text) != nil {
            let issues =
                try IssueRecord
                .filter(IssueRecord.Columns.date == text && IssueRecord.Columns.deleted == false)
                .order(IssueRecord.Columns.id)
                .fetchAll(db)
            guard let first = issues.first else { throw StoreError.unknownIssue(text) }
            guard issues.count == 1 else {
                throw StoreError.ambiguousIssue(text, candidates: issues.prefix(candidateLimit).map(\.id))
            }
            return first
        }
        let matches = try idMatches(IssueRecord.self, text, in: db)
        guard let first = matches.first else { throw StoreError.unknownIssue(text) }
        guard matches.count == 1 else {
            throw StoreError.ambiguousIssue(text, candidates: matches.map { "\($0.id) (\($0.date))" })
        }
        return first
    }

    /// An article by `DATE/N`, id or unique id prefix.
    static func article(_ reference: String, in db: Database) throws -> ArticleLocation {
        let text = reference.trimmingCharacters(in: .whitespaces)
        if let slash = text.firstIndex(of: "/"), CivilDate(String(text[..<slash])) != nil {
            let number = String(text[text.index(after: slash)...])
            return try numberedArticle(text, date: String(text[..<slash]), number: number, in: db)
        }
        let matches = try idMatches(ArticleRecord.self, text, in: db)
        guard let first = matches.first else { throw StoreError.unknownArticle(text) }
        guard matches.count == 1 else {
            let candidates = try matches.map { try location(of: $0, in: db) }
                .map { "\($0.article.id) (\($0.reference))" }
            throw StoreError.ambiguousArticle(text, candidates: candidates)
        }
        return try location(of: first, in: db)
    }

    /// Where an article row sits.
    static func location(of article: ArticleRecord, in db: Database) throws -> ArticleLocation {
        let issue = try IssueRecord.fetchOne(db, key: article.issueID) ?? IssueRecord(newID: article.issueID)
        let numbered = try Numbering.articleIDs(ofIssue: article.issueID, in: db)
        let number = numbered.firstIndex(of: article.id).map { $0 + 1 }
        return ArticleLocation(article: article, issue: issue, number: number)
    }

    private static func numberedArticle(_ text: String, date: String, number: String, in db: Database) throws
        -> ArticleLocation
    {
        guard let wanted = Int(number), wanted >= 1 else {
            throw StoreError.unknownArticle(text)
        }
        let issue = try self.issue(date, in: db)
        let ids = try Numbering.articleIDs(ofIssue: issue.id, in: db)
        guard wanted <= ids.count, let article = try ArticleRecord.fetchOne(db, key: ids[wanted - 1]) else {
            throw StoreError.invalidArgument(
                "no article matches '\(text)': the issue of \(date) has \(ids.count) "
                    + "article\(ids.count == 1 ? "" : "s")")
        }
        return ArticleLocation(article: article, issue: issue, number: wanted)
    }

    /// Live rows whose id is `text` or, failing that, starts with it (at most a few, for an ambiguity message).
    private static func idMatches<Row: EntityRow>(_ type: Row.Type, _ text: String, in db: Database) throws
        -> [Row]
    {
        let prefix = text.lowercased()
        // Ids are lowercase UUIDs; anything else cannot match, and must not reach GLOB as a pattern.
        guard !prefix.isEmpty, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return [] }
        if let exact = try Row.fetchOne(db, key: prefix), !exact.deleted {
            return [exact]
        }
        return try Row.fetchAll(
            db,
            sql: "SELECT * FROM \(Row.databaseTableName) WHERE id GLOB ? AND deleted = 0 ORDER BY id LIMIT ?",
            arguments: [prefix + "*", candidateLimit])
    }
}

/// Article numbers: sections by position, then articles by position, ties by id; deleted ones skipped.
enum Numbering {
    /// The ids of an issue's articles in contents order (number = index + 1).
    static func articleIDs(ofIssue issueID: String, in db: Database) throws -> [String] {
        // Cached: a search numbers the articles of up to twenty issues.
        try String.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT a.id FROM article a
                    JOIN section s ON s.id = a.section_id AND s.issue_id = a.issue_id AND s.deleted = 0
                    WHERE a.issue_id = ? AND a.deleted = 0
                    ORDER BY s.position, s.id, a.position, a.id
                    """), arguments: [issueID])
    }

    /// An issue's live sections in order.
    static func sections(ofIssue issueID: String, in db: Database) throws -> [SectionRecord] {
        try SectionRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM section WHERE issue_id = ? AND deleted = 0 ORDER BY position, id
                """, arguments: [issueID])
    }
}
