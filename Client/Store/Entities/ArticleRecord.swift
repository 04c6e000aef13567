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
    /// The change that last wrote each field (see ``FieldVersions``).
    var versions = FieldVersions()
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
        case versions
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    /// The row's columns, as the Codable default would write them (see ``DatabaseJSON``), without its cost: this
    /// runs for every pulled article.
    func encode(to container: inout PersistenceContainer) throws {
        for (column, value) in columnValues {
            container[column] = value
        }
    }

    /// Inserts the row through SQLite's C API (``DirectStatement``): GRDB's record insert cost a fifth of an initial
    /// pull's writer thread, four times what SQLite's own insert did.
    func insertNew(_ db: Database) throws {
        try DirectStatement.run(Self.insertSQL, in: db) { values in
            for (_, value) in columnValues {
                values.value(value)
            }
        }
    }

    private static let insertSQL: String = {
        let columns = ArticleRecord(newID: "").columnValues.map(\.column.rawValue)
        return "INSERT INTO article (" + columns.joined(separator: ", ") + ") VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
    }()

    /// Every column and its value, one list for both ways of writing the row.
    private var columnValues: [(column: Columns, value: DatabaseValue)] {
        [
            (Columns.id, id.databaseValue), (Columns.searchID, searchID.databaseValue),
            (Columns.issueID, issueID.databaseValue), (Columns.sectionID, sectionID.databaseValue),
            (Columns.title, title.databaseValue), (Columns.paragraphs, DatabaseJSON.text(paragraphs).databaseValue),
            (Columns.source, source.map { DatabaseJSON.text(FieldEncoding.citation($0)) }.databaseValue),
            (Columns.contentsPage, contentsPage.databaseValue), (Columns.position, position.databaseValue),
            (Columns.deleted, deleted.databaseValue),
            (Columns.extraFields, extraFields.map { DatabaseJSON.text(.object($0)) }.databaseValue),
            (Columns.versions, versions.databaseValue),
        ]
    }
}
