import BulletinCore
import GRDB

extension LocalStore {
    /// Every live issue with its section, article and pending-change counts, newest date first.
    ///
    /// One aggregate query over covering indexes: article bodies are never read.
    public func issueSummaries() throws -> [IssueSummary] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.id, i.date, i.weekday, i.state, i.editor,
                        (SELECT COUNT(*) FROM section s WHERE s.issue_id = i.id AND s.deleted = 0) AS sections,
                        (SELECT COUNT(*) FROM article a
                            JOIN section s ON s.id = a.section_id AND s.issue_id = a.issue_id AND s.deleted = 0
                            WHERE a.issue_id = i.id AND a.deleted = 0) AS articles,
                        (SELECT COUNT(*) FROM outbox o WHERE o.issue_id = i.id) AS pending
                    FROM issue i
                    WHERE i.deleted = 0
                    ORDER BY i.date DESC, i.id
                    """)
            return rows.map { row in
                IssueSummary(
                    id: row["id"], date: row["date"], weekday: row["weekday"],
                    state: PublicationState(rawValue: row["state"]) ?? .draft, editor: row["editor"],
                    sections: row["sections"], articles: row["articles"], pending: row["pending"])
            }
        }
    }

    /// The whole structured issue — sections, numbered articles, annotations — for an id, id prefix or date.
    public func issue(_ reference: String) throws -> Issue {
        try writer.read { db in
            let issue = try References.issue(reference, in: db)
            return try IssueAssembly.issue(issue, in: db)
        }
    }

    /// Where an article reference (`DATE/N`, id, id prefix) points.
    public func article(_ reference: String) throws -> ArticleReference {
        try writer.read { db in ArticleReference(try References.article(reference, in: db)) }
    }
}

/// Builds the domain model's `Issue` from the typed tables.
enum IssueAssembly {
    static func issue(_ record: IssueRecord, in db: Database) throws -> Issue {
        let sections = try Numbering.sections(ofIssue: record.id, in: db)
        let articles = try ArticleRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM article WHERE issue_id = ? AND deleted = 0 ORDER BY position, id
                """, arguments: [record.id])
        let annotations = try AnnotationRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM annotation WHERE issue_id = ? AND deleted = 0 ORDER BY created_at, id
                """, arguments: [record.id])
        let notesByArticle = Dictionary(grouping: annotations, by: \.articleID)
        let articlesBySection = Dictionary(grouping: articles, by: \.sectionID)
        var number = 0
        let modelSections = sections.map { section in
            let modelArticles = (articlesBySection[section.id] ?? []).map { article in
                number += 1
                return Article(
                    id: article.id, number: number, title: article.title, paragraphs: article.paragraphs,
                    source: article.source, contentsPage: article.contentsPage,
                    annotations: (notesByArticle[article.id] ?? []).map(\.model))
            }
            return Section(
                id: section.id, title: section.title, contentsPage: section.contentsPage,
                articles: modelArticles)
        }
        return Issue(
            id: record.id, publication: record.publication, date: record.date, weekday: record.weekday,
            yearLine: record.yearLine, releaseLine: record.releaseLine, titleLines: record.titleLines,
            subject: record.subject, cadence: record.cadence, intro: record.intro, editor: record.editor,
            state: record.state, sections: modelSections)
    }
}
