import BulletinCore
import GRDB
import SyncProtocol

/// A row of the `section` table: an ordered section of an issue.
struct SectionRecord: EntityRow, Hashable {
    static let databaseTableName = "section"
    static let kind = EntityKind.section
    static let contractFields: [ContractField<Self>] = [
        .string(Columns.issueID, \.issueID), .string(Columns.title, \.title), .number(Columns.position, \.position),
        .optionalInt(Columns.contentsPage, \.contentsPage),
    ]

    var id: String
    var issueID = ""
    var title = ""
    var position = 0.0
    var contentsPage: Int?
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
        case title, position
        case contentsPage = "contents_page"
        case deleted
        case extraFields = "extra_fields"
        case versions
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys
}
