import BulletinCore
import SyncProtocol

/// The change-record fields (the data contract) of model values, for `create` records.
///
/// Each model is put into its row type and read back through the row's contract fields, so the names and the JSON
/// forms are the ones the store reads and writes (``ContractField``): no second list of field names.
enum ModelFields {
    static func issue(_ issue: Issue) -> [String: JSONValue] {
        var row = IssueRecord(newID: issue.id)
        row.publication = issue.publication
        row.date = issue.date
        row.weekday = issue.weekday
        row.yearLine = issue.yearLine
        row.releaseLine = issue.releaseLine
        row.titleLines = issue.titleLines
        row.subject = issue.subject
        row.cadence = issue.cadence
        row.intro = issue.intro
        row.editor = issue.editor
        row.state = issue.state
        return row.contractValues
    }

    static func section(_ section: Section, issueID: String, position: Double) -> [String: JSONValue] {
        var row = SectionRecord(newID: section.id)
        row.issueID = issueID
        row.title = section.title
        row.position = position
        row.contentsPage = section.contentsPage
        return row.contractValues
    }

    static func article(_ article: Article, issueID: String, sectionID: String, position: Double)
        -> [String: JSONValue]
    {
        var row = ArticleRecord(newID: article.id)
        row.issueID = issueID
        row.sectionID = sectionID
        row.title = article.title
        row.paragraphs = article.paragraphs
        row.source = article.source
        row.contentsPage = article.contentsPage
        row.position = position
        return row.contractValues
    }

    static func annotation(_ annotation: Annotation, issueID: String) -> [String: JSONValue] {
        var row = AnnotationRecord(newID: annotation.id)
        row.issueID = issueID
        row.articleID = annotation.articleID
        row.paragraph = annotation.paragraph
        row.range = annotation.range
        row.kind = annotation.kind
        row.text = annotation.text
        row.author = annotation.author
        row.createdAt = annotation.createdAt
        row.resolved = annotation.resolved
        return row.contractValues
    }
}
