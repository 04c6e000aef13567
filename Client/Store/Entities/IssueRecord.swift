import BulletinCore
import GRDB
import SyncProtocol

/// A row of the `issue` table: an issue's header fields and publication state.
struct IssueRecord: EntityRow, Hashable {
    static let databaseTableName = "issue"
    static let kind = EntityKind.issue
    static let contractFields: [ContractField<Self>] = [
        .string(Columns.publication, \.publication), .string(Columns.date, \.date),
        .string(Columns.weekday, \.weekday), .string(Columns.yearLine, \.yearLine),
        .string(Columns.releaseLine, \.releaseLine), .strings(Columns.titleLines, \.titleLines),
        .string(Columns.subject, \.subject), .string(Columns.cadence, \.cadence), .string(Columns.intro, \.intro),
        .string(Columns.editor, \.editor), .choice(Columns.state, \.state),
    ]

    var id: String
    var publication = ""
    var date = ""
    var weekday = ""
    var yearLine = ""
    var releaseLine = ""
    var titleLines: [String] = []
    var subject = ""
    var cadence = ""
    var intro = ""
    var editor = ""
    var state = PublicationState.draft
    var deleted = false
    /// The change that last wrote each field (see ``FieldVersions``).
    var versions = FieldVersions()
    var extraFields: [String: JSONValue]?

    init(newID id: String) {
        self.id = id
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, publication, date, weekday
        case yearLine = "year_line"
        case releaseLine = "release_line"
        case titleLines = "title_lines"
        case subject, cadence, intro, editor, state, deleted
        case extraFields = "extra_fields"
        case versions
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys
}
