import BulletinCore
import BulletinFormat
import Foundation
import GRDB
import SyncProtocol

/// The editors' actions. Each is one transaction that updates the entity tables and appends its change
/// records to the outbox; on any error nothing changes.
extension LocalStore {
    /// Creates a draft issue for `date` with the standard header, credited to this store's editor.
    ///
    /// - Throws: ``StoreError/invalidArgument(_:)`` for a malformed date, ``StoreError/duplicateIssueDate``.
    @discardableResult
    public func createIssue(date: String) throws -> IssueReference {
        guard let day = CivilDate(date) else {
            throw StoreError.invalidArgument("'\(date)' is not a date; write it YYYY-MM-DD, e.g. 2024-09-05")
        }
        return try perform { changes in
            try Self.requireNoIssue(on: day.description, in: changes.db)
            guard let issue = IssueTemplate.make(id: changes.newID(), date: day.description, editor: changes.author)
            else {
                throw StoreError.invalidArgument("'\(date)' is not a date; write it YYYY-MM-DD, e.g. 2024-09-05")
            }
            try changes.create(.issue, id: issue.id, fields: ModelFields.issue(issue))
            return IssueReference(id: issue.id, date: issue.date)
        }
    }

    /// Stores a whole structured issue (e.g. from `BulletinImporter`): its header, sections, articles and
    /// annotations, as `create` records in contents order.
    ///
    /// - Throws: ``StoreError/duplicateIssueDate`` when an issue for that date exists.
    @discardableResult
    public func importIssue(_ issue: Issue) throws -> IssueReference {
        guard CivilDate(issue.date) != nil else {
            throw StoreError.invalidArgument("the issue's date '\(issue.date)' is not a YYYY-MM-DD date")
        }
        return try perform { changes in
            try Self.requireNoIssue(on: issue.date, in: changes.db)
            try changes.create(.issue, id: issue.id, fields: ModelFields.issue(issue))
            for (sectionIndex, section) in issue.sections.enumerated() {
                try changes.create(
                    .section, id: section.id,
                    fields: ModelFields.section(
                        section, issueID: issue.id, position: Double(sectionIndex + 1)))
                for (articleIndex, article) in section.articles.enumerated() {
                    try changes.create(
                        .article, id: article.id,
                        fields: ModelFields.article(
                            article, issueID: issue.id, sectionID: section.id, position: Double(articleIndex + 1)))
                    for annotation in article.annotations {
                        var anchored = annotation
                        anchored.articleID = article.id
                        try changes.create(
                            .annotation, id: annotation.id,
                            fields: ModelFields.annotation(anchored, issueID: issue.id))
                    }
                }
            }
            return IssueReference(id: issue.id, date: issue.date)
        }
    }

    /// Appends a section to an issue; returns its id and 1-based number.
    @discardableResult
    public func addSection(issue reference: String, title: String) throws -> (id: String, number: Int) {
        let cleanTitle = try Self.requiredText(title, what: "the section title")
        return try perform { changes in
            let issue = try References.issue(reference, in: changes.db)
            let sections = try Numbering.sections(ofIssue: issue.id, in: changes.db)
            let id = changes.newID()
            let section = Section(id: id, title: cleanTitle)
            let position = (sections.map(\.position).max() ?? 0).rounded(.down) + 1
            try changes.create(
                .section, id: id,
                fields: ModelFields.section(
                    section, issueID: issue.id, position: position))
            return (id, sections.count + 1)
        }
    }

    /// Appends an article to section `section` (1-based) of an issue.
    @discardableResult
    public func addArticle(
        issue reference: String, section: Int, title: String, paragraphs: [String], source: Citation?
    ) throws -> ArticleReference {
        let cleanTitle = try Self.requiredText(title, what: "the article title")
        let cleanParagraphs = Self.normalized(paragraphs)
        return try perform { changes in
            let issue = try References.issue(reference, in: changes.db)
            let sections = try Numbering.sections(ofIssue: issue.id, in: changes.db)
            guard section >= 1, section <= sections.count else {
                throw StoreError.unknownSection(issue: issue.date, number: section, count: sections.count)
            }
            let target = sections[section - 1]
            let last =
                try Double.fetchOne(
                    changes.db,
                    sql: """
                        SELECT MAX(position) FROM article WHERE section_id = ? AND issue_id = ? AND deleted = 0
                        """, arguments: [target.id, issue.id]) ?? 0
            let id = changes.newID()
            let article = Article(id: id, number: 0, title: cleanTitle, paragraphs: cleanParagraphs, source: source)
            try changes.create(
                .article, id: id,
                fields: ModelFields.article(
                    article, issueID: issue.id, sectionID: target.id, position: last.rounded(.down) + 1))
            let row = try ArticleRecord.fetchOne(changes.db, key: id) ?? ArticleRecord(newID: id)
            return ArticleReference(try References.location(of: row, in: changes.db))
        }
    }

    /// An article's title and paragraphs (what `article edit` puts in the editor).
    public func articleText(_ reference: String) throws -> ArticleText {
        try writer.read { db in
            let location = try References.article(reference, in: db)
            return ArticleText(
                article: ArticleReference(location), title: location.article.title,
                paragraphs: location.article.paragraphs)
        }
    }

    /// Sets an article's title and/or paragraphs; records one `update` with only the fields that changed.
    @discardableResult
    public func editArticle(_ reference: String, title: String? = nil, paragraphs: [String]? = nil) throws
        -> ArticleEdit
    {
        var fields: [String: JSONValue] = [:]
        if let title {
            fields["title"] = .string(try Self.requiredText(title, what: "the article title"))
        }
        if let paragraphs {
            fields["paragraphs"] = FieldEncoding.strings(Self.normalized(paragraphs))
        }
        return try perform { changes in
            let location = try References.article(reference, in: changes.db)
            let change = try changes.update(.article, id: location.article.id, fields: fields)
            let row = try ArticleRecord.fetchOne(changes.db, key: location.article.id) ?? location.article
            let updated = ArticleLocation(article: row, issue: location.issue, number: location.number)
            return ArticleEdit(article: ArticleReference(updated), changedFields: change?.fields.keys.sorted() ?? [])
        }
    }

    /// Deletes an article (a tombstone; it syncs as a `delete`).
    @discardableResult
    public func removeArticle(_ reference: String) throws -> ArticleReference {
        try perform { changes in
            let location = try References.article(reference, in: changes.db)
            try changes.delete(.article, id: location.article.id)
            return ArticleReference(location)
        }
    }

    /// Adds an annotation to an article.
    ///
    /// - Parameters:
    ///   - paragraph: 0-based paragraph index, when anchored to a paragraph.
    ///   - range: a character range inside that paragraph.
    /// - Returns: the new annotation.
    @discardableResult
    public func annotate(
        _ reference: String, text: String, kind: AnnotationKind = .comment, paragraph: Int? = nil,
        range: TextRange? = nil
    ) throws -> Annotation {
        let note = try Self.requiredText(text, what: "the annotation text")
        guard range == nil || paragraph != nil else {
            throw StoreError.invalidArgument("a text range needs a paragraph")
        }
        return try perform { changes in
            let location = try References.article(reference, in: changes.db)
            if let paragraph {
                let count = location.article.paragraphs.count
                guard paragraph >= 0, paragraph < count else {
                    throw StoreError.invalidArgument(
                        "article \(location.reference) has \(count) paragraph\(count == 1 ? "" : "s"); "
                            + "there is no paragraph \(paragraph + 1)")
                }
                if let range {
                    let length = location.article.paragraphs[paragraph].count
                    guard range.start >= 0, range.end <= length, range.start <= range.end else {
                        throw StoreError.invalidArgument(
                            "range \(range.start)..<\(range.end) is outside paragraph \(paragraph + 1) "
                                + "(\(length) characters)")
                    }
                }
            }
            let annotation = Annotation(
                id: changes.newID(), articleID: location.article.id, paragraph: paragraph, range: range, kind: kind,
                text: note, author: changes.author, createdAt: ISOTime.string(fromMillis: changes.wallMillis))
            try changes.create(
                .annotation, id: annotation.id,
                fields: ModelFields.annotation(annotation, issueID: location.issue.id))
            return annotation
        }
    }

    /// Moves an issue forward along draft → review → approved → published.
    ///
    /// - Throws: ``StoreError/stateNotForward`` when `state` is not after the current state.
    @discardableResult
    public func setState(issue reference: String, to state: PublicationState) throws -> StateChange {
        try perform { changes in
            let issue = try References.issue(reference, in: changes.db)
            guard state > issue.state else {
                throw StoreError.stateNotForward(from: issue.state.rawValue, to: state.rawValue)
            }
            try changes.update(.issue, id: issue.id, fields: ["state": .string(state.rawValue)])
            return StateChange(issue: IssueReference(id: issue.id, date: issue.date), from: issue.state, to: state)
        }
    }

    private static func requireNoIssue(on date: String, in db: Database) throws {
        let existing =
            try IssueRecord
            .filter(IssueRecord.Columns.date == date && IssueRecord.Columns.deleted == false)
            .fetchOne(db)
        if let existing {
            throw StoreError.duplicateIssueDate(date: date, existingID: existing.id)
        }
    }

    private static func requiredText(_ text: String, what: String) throws -> String {
        let clean = TextNormalization.normalize(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !clean.isEmpty else { throw StoreError.invalidArgument("\(what) cannot be empty") }
        return clean
    }

    private static func normalized(_ paragraphs: [String]) -> [String] {
        paragraphs.map { TextNormalization.normalize($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}
