import BulletinCore
import GRDB
import SyncProtocol

/// A row of the `article` table: an ordered article inside a section.
struct ArticleRecord: EntityRow, Hashable {
    static let databaseTableName = "article"
    static let kind = EntityKind.article
    static let contractFields: [ContractField<Self>] = [
        .string(Columns.issueID, \.issueID), .string(Columns.sectionID, \.sectionID), .string(Columns.title, \.title),
        .strings(Columns.paragraphs, \.paragraphs), .citation(Columns.source, \.source),
        .optionalInt(Columns.contentsPage, \.contentsPage), .number(Columns.position, \.position),
    ]

    var id: String
    /// Local integer key of the article's row in the search index; stable across VACUUM, never synced.
    var searchID: Int64 = 0
    var issueID = ""
    var sectionID = ""
    var title = ""
    var paragraphs: [String] = []
    var source: Citation?
    var contentsPage: Int?
    var position = 0.0
    var deleted = false
    var extraFields: [String: JSONValue]?

    init(newID id: String) {
        self.id = id
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case searchID = "search_id"
        case issueID = "issue_id"
        case sectionID = "section_id"
        case title, paragraphs, source
        case contentsPage = "contents_page"
        case position, deleted
        case extraFields = "extra_fields"
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    /// The row's columns, as the Codable default would write them (see ``DatabaseJSON``), without its cost: this
    /// runs for every pulled article.
    func encode(to container: inout PersistenceContainer) throws {
        container[Columns.id] = id
        container[Columns.searchID] = searchID
        container[Columns.issueID] = issueID
        container[Columns.sectionID] = sectionID
        container[Columns.title] = title
        container[Columns.paragraphs] = DatabaseJSON.text(paragraphs)
        container[Columns.source] = source.map { DatabaseJSON.text(FieldEncoding.citation($0)) }
        container[Columns.contentsPage] = contentsPage
        container[Columns.position] = position
        container[Columns.deleted] = deleted
        container[Columns.extraFields] = extraFields.map { DatabaseJSON.text(.object($0)) }
    }
}
