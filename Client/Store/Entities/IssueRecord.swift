import BulletinCore
import GRDB
import SyncProtocol

/// A row of the `issue` table: an issue's header fields and publication state.
struct IssueRecord: EntityRow, Hashable {
    static let databaseTableName = "issue"
    static let kind = EntityKind.issue
    static let fieldNames = [
        "publication", "date", "weekday", "year_line", "release_line", "title_lines", "subject", "cadence",
        "intro", "editor", "state",
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
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    func contractValue(of field: String) -> JSONValue? {
        switch field {
        case "publication": .string(publication)
        case "date": .string(date)
        case "weekday": .string(weekday)
        case "year_line": .string(yearLine)
        case "release_line": .string(releaseLine)
        case "title_lines": FieldEncoding.strings(titleLines)
        case "subject": .string(subject)
        case "cadence": .string(cadence)
        case "intro": .string(intro)
        case "editor": .string(editor)
        case "state": .string(state.rawValue)
        default: nil
        }
    }

    mutating func setContractField(_ field: String, to value: JSONValue, decoding: FieldDecoding) throws -> Bool {
        switch field {
        case "publication": publication = try decoding.string(value, field)
        case "date": date = try decoding.string(value, field)
        case "weekday": weekday = try decoding.string(value, field)
        case "year_line": yearLine = try decoding.string(value, field)
        case "release_line": releaseLine = try decoding.string(value, field)
        case "title_lines": titleLines = try decoding.strings(value, field)
        case "subject": subject = try decoding.string(value, field)
        case "cadence": cadence = try decoding.string(value, field)
        case "intro": intro = try decoding.string(value, field)
        case "editor": editor = try decoding.string(value, field)
        case "state": state = try decoding.choice(value, field, as: PublicationState.self)
        default: return false
        }
        return true
    }
}
