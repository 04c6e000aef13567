import BulletinCore
import SyncProtocol

/// The change-record fields (the data contract) of model values, for `create` records.
enum ModelFields {
    static func issue(_ issue: Issue) -> [String: JSONValue] {
        [
            "publication": .string(issue.publication),
            "date": .string(issue.date),
            "weekday": .string(issue.weekday),
            "year_line": .string(issue.yearLine),
            "release_line": .string(issue.releaseLine),
            "title_lines": FieldEncoding.strings(issue.titleLines),
            "subject": .string(issue.subject),
            "cadence": .string(issue.cadence),
            "intro": .string(issue.intro),
            "editor": .string(issue.editor),
            "state": .string(issue.state.rawValue),
        ]
    }

    static func section(_ section: Section, issueID: String, position: Double) -> [String: JSONValue] {
        [
            "issue_id": .string(issueID),
            "title": .string(section.title),
            "position": FieldEncoding.number(position),
            "contents_page": FieldEncoding.optionalInt(section.contentsPage),
        ]
    }

    static func article(_ article: Article, issueID: String, sectionID: String, position: Double)
        -> [String: JSONValue]
    {
        [
            "issue_id": .string(issueID),
            "section_id": .string(sectionID),
            "title": .string(article.title),
            "paragraphs": FieldEncoding.strings(article.paragraphs),
            "source": FieldEncoding.citation(article.source),
            "contents_page": FieldEncoding.optionalInt(article.contentsPage),
            "position": FieldEncoding.number(position),
        ]
    }

    static func annotation(_ annotation: Annotation, issueID: String) -> [String: JSONValue] {
        [
            "issue_id": .string(issueID),
            "article_id": .string(annotation.articleID),
            "paragraph": FieldEncoding.optionalInt(annotation.paragraph),
            "range": FieldEncoding.textRange(annotation.range),
            "kind": .string(annotation.kind.rawValue),
            "text": .string(annotation.text),
            "author": .string(annotation.author),
            "created_at": .string(annotation.createdAt),
            "resolved": .bool(annotation.resolved),
        ]
    }
}
