import BulletinCore
import GRDB
import SyncProtocol

/// A row of the `section` table: an ordered section of an issue.
struct SectionRecord: EntityRow, Hashable {
    static let databaseTableName = "section"
    static let kind = EntityKind.section
    static let fieldNames = ["issue_id", "title", "position", "contents_page"]

    var id: String
    var issueID = ""
    var title = ""
    var position = 0.0
    var contentsPage: Int?
    var deleted = false
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
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    func contractValue(of field: String) -> JSONValue? {
        switch field {
        case "issue_id": .string(issueID)
        case "title": .string(title)
        case "position": FieldEncoding.number(position)
        case "contents_page": FieldEncoding.optionalInt(contentsPage)
        default: nil
        }
    }

    mutating func setContractField(_ field: String, to value: JSONValue, decoding: FieldDecoding) throws -> Bool {
        switch field {
        case "issue_id": issueID = try decoding.string(value, field)
        case "title": title = try decoding.string(value, field)
        case "position": position = try decoding.number(value, field)
        case "contents_page": contentsPage = try decoding.optionalInt(value, field)
        default: return false
        }
        return true
    }
}
