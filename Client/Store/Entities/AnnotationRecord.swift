import BulletinCore
import GRDB
import SyncProtocol

/// A row of the `annotation` table: an editor's note on an article.
struct AnnotationRecord: EntityRow, Hashable {
    static let databaseTableName = "annotation"
    static let kind = EntityKind.annotation
    static let contractFields: [ContractField<Self>] = [
        .string(Columns.issueID, \.issueID), .string(Columns.articleID, \.articleID),
        .optionalInt(Columns.paragraph, \.paragraph), .textRange(Columns.range, \.range),
        .choice(Columns.kind, \.kind), .string(Columns.text, \.text), .string(Columns.author, \.author),
        .string(Columns.createdAt, \.createdAt), .bool(Columns.resolved, \.resolved),
    ]

    var id: String
    var issueID = ""
    var articleID = ""
    var paragraph: Int?
    var range: TextRange?
    var kind = AnnotationKind.comment
    var text = ""
    var author = ""
    var createdAt = ""
    var resolved = false
    var deleted = false
    /// The change that last wrote each field (see ``FieldVersions``).
    var versions = FieldVersions()
    var extraFields: [String: JSONValue]?

    init(newID id: String) {
        self.id = id
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case issueID = "issue_id"
        case articleID = "article_id"
        case paragraph, range, kind, text, author
        case createdAt = "created_at"
        case resolved, deleted
        case extraFields = "extra_fields"
        case versions
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    /// The annotation as the domain model has it.
    var model: Annotation {
        Annotation(
            id: id, articleID: articleID, paragraph: paragraph, range: range, kind: kind, text: text,
            author: author, createdAt: createdAt, resolved: resolved)
    }
}
