import BulletinCore
import GRDB
import SyncProtocol

extension LocalStore {
    /// The changes applied in this store, oldest first: all of them, or those of one issue (with its sections,
    /// articles and annotations) or of one article (with its annotations).
    ///
    /// - Parameter reference: an issue (id, id prefix, date) or an article (`DATE/N`, id, id prefix); `nil` for all.
    public func history(of reference: String? = nil) throws -> [HistoryEntry] {
        try writer.read { db in
            let rows: [ChangeLogRecord]
            switch try HistoryTarget.resolve(reference, in: db) {
            case .everything:
                rows = try ChangeLogRecord.order(ChangeLogRecord.Columns.hlc, ChangeLogRecord.Columns.changeID)
                    .fetchAll(db)
            case .issue(let id):
                rows = try ChangeLogRecord.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM change_log WHERE issue_id = ? OR entity_id = ? ORDER BY hlc, change_id
                        """, arguments: [id, id])
            case .article(let id):
                rows = try ChangeLogRecord.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM change_log WHERE entity_id = ? OR article_id = ? ORDER BY hlc, change_id
                        """, arguments: [id, id])
            }
            let pending = Set(try String.fetchAll(db, sql: "SELECT change_id FROM outbox"))
            var describer = TargetDescriber()
            return try rows.map { row in
                HistoryEntry(
                    changeID: row.changeID, time: ISOTime.string(fromMillis: HLCTimestamp(row.hlc)?.wallMillis ?? 0),
                    hlc: row.hlc, author: row.author, op: row.op.rawValue, entity: row.entity.rawValue,
                    entityID: row.entityID, target: try describer.describe(row, in: db), fields: row.fields,
                    pending: pending.contains(row.changeID), seq: row.seq)
            }
        }
    }
}

/// What `bulletin log` is asked about.
enum HistoryTarget {
    case everything
    case issue(String)
    case article(String)

    static func resolve(_ reference: String?, in db: Database) throws -> HistoryTarget {
        guard let reference = reference?.trimmingCharacters(in: .whitespaces), !reference.isEmpty else {
            return .everything
        }
        if reference.contains("/") {
            return .article(try References.article(reference, in: db).article.id)
        }
        if CivilDate(reference) != nil {
            return .issue(try References.issue(reference, in: db).id)
        }
        let issue = try? References.issue(reference, in: db)
        let article = try? References.article(reference, in: db)
        switch (issue, article) {
        case (let issue?, nil): return .issue(issue.id)
        case (nil, let article?): return .article(article.article.id)
        case (.some, .some):
            throw StoreError.invalidArgument("'\(reference)' matches both an issue and an article; give more of the id")
        case (nil, nil):
            // Report the more useful of the two errors (an ambiguity beats "unknown").
            _ = try References.issue(reference, in: db)
            _ = try References.article(reference, in: db)
            throw StoreError.unknownIssue(reference)
        }
    }
}

/// Names entities for people, caching what it looks up.
struct TargetDescriber {
    private var issues: [String: IssueRecord?] = [:]
    private var numbers: [String: [String]] = [:]

    mutating func describe(_ row: ChangeLogRecord, in db: Database) throws -> String {
        switch row.entity {
        case .issue:
            return "issue \(try issue(row.entityID, in: db)?.date ?? short(row.entityID))"
        case .section:
            let section = try SectionRecord.fetchOne(db, key: row.entityID)
            let date = try section.flatMap { try issue($0.issueID, in: db)?.date } ?? "?"
            return "section “\(section?.title ?? short(row.entityID))” of \(date)"
        case .article:
            return "article " + (try article(row.entityID, in: db))
        case .annotation:
            let note = try AnnotationRecord.fetchOne(db, key: row.entityID)
            let on = try note.map { try article($0.articleID, in: db) } ?? "?"
            return "\(note?.kind.rawValue ?? "annotation") on \(on)"
        case .conflict:
            let conflict = try ConflictRecord.fetchOne(db, key: row.entityID)
            let field = conflict?.field.map { " \($0)" } ?? ""
            return "conflict \(short(row.entityID)) (\(conflict?.kind.rawValue ?? "?")\(field))"
        case .publication:
            return "publication of issue \(try issue(row.entityID, in: db)?.date ?? short(row.entityID))"
        }
    }

    private mutating func article(_ id: String, in db: Database) throws -> String {
        guard let article = try ArticleRecord.fetchOne(db, key: id) else { return short(id) }
        if numbers[article.issueID] == nil {
            numbers[article.issueID] = try Numbering.articleIDs(ofIssue: article.issueID, in: db)
        }
        let date = try issue(article.issueID, in: db)?.date ?? "?"
        let title = article.title.count > 40 ? String(article.title.prefix(39)) + "…" : article.title
        if let index = numbers[article.issueID]?.firstIndex(of: id) {
            return "\(date)/\(index + 1) “\(title)”"
        }
        return "\(short(id)) “\(title)”" + (article.deleted ? " (removed)" : "")
    }

    private mutating func issue(_ id: String, in db: Database) throws -> IssueRecord? {
        if let cached = issues[id] { return cached }
        let record = try IssueRecord.fetchOne(db, key: id)
        issues[id] = record
        return record
    }

    private func short(_ id: String) -> String {
        String(id.prefix(8))
    }
}
