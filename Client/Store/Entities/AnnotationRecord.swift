import BulletinCore
import GRDB
import SyncProtocol

/// A row of the `annotation` table: an editor's note on an article.
struct AnnotationRecord: EntityRow, Hashable {
    static let databaseTableName = "annotation"
    static let kind = EntityKind.annotation
    static let fieldNames = [
        "issue_id", "article_id", "paragraph", "range", "kind", "text", "author", "created_at", "resolved",
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
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    func contractValue(of field: String) -> JSONValue? {
        switch field {
        case "issue_id": .string(issueID)
        case "article_id": .string(articleID)
        case "paragraph": FieldEncoding.optionalInt(paragraph)
        case "range": FieldEncoding.textRange(range)
        case "kind": .string(kind.rawValue)
        case "text": .string(text)
        case "author": .string(author)
        case "created_at": .string(createdAt)
        case "resolved": .bool(resolved)
        default: nil
        }
    }

    mutating func setContractField(_ field: String, to value: JSONValue, decoding: FieldDecoding) throws -> Bool {
        switch field {
        case "issue_id": issueID = try decoding.string(value, field)
        case "article_id": articleID = try decoding.string(value, field)
        case "paragraph": paragraph = try decoding.optionalInt(value, field)
        case "range": range = try decoding.textRange(value, field)
        case "kind": kind = try decoding.choice(value, field, as: AnnotationKind.self)
        case "text": text = try decoding.string(value, field)
        case "author": author = try decoding.string(value, field)
        case "created_at": createdAt = try decoding.string(value, field)
        case "resolved": resolved = try decoding.bool(value, field)
        default: return false
        }
        return true
    }

    /// The annotation as the domain model has it.
    var model: Annotation {
        Annotation(id: id, articleID: articleID, paragraph: paragraph, range: range, kind: kind, text: text,
                   author: author, createdAt: createdAt, resolved: resolved)
    }
}
