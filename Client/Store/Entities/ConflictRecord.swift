import BulletinCore
import Foundation
import GRDB
import SyncProtocol

/// A row of the `conflict` table: a concurrent edit the server could not merge, as the server made it.
///
/// The values (`base`, `mine`, `theirs`, `current`) are any JSON and are kept as JSON text.
struct ConflictRecord: EntityRow, Hashable {
    static let databaseTableName = "conflict"
    static let kind = EntityKind.conflict
    static let contractFields: [ContractField<Self>] = [
        .choice(Columns.kind, \.kind), .choice(Columns.entity, \.entity), .string(Columns.entityID, \.entityID),
        .optionalString(Columns.field, \.field), .string(Columns.issueID, \.issueID),
        .jsonText(Columns.base, \.base), .jsonText(Columns.mine, \.mine), .jsonText(Columns.theirs, \.theirs),
        .string(Columns.mineAuthor, \.mineAuthor), .optionalString(Columns.theirsAuthor, \.theirsAuthor),
        .string(Columns.mineChange, \.mineChange), .optionalString(Columns.theirsChange, \.theirsChange),
        .jsonText(Columns.current, \.current), .choice(Columns.status, \.status),
        .optionalChoice(Columns.resolution, \.resolution), .optionalString(Columns.resolvedBy, \.resolvedBy),
    ]

    var id: String
    var kind = ConflictKind.value
    var entity = EntityKind.article
    var entityID = ""
    var field: String?
    var issueID = ""
    var base = "null"
    var mine = "null"
    var theirs = "null"
    var mineAuthor = ""
    var theirsAuthor: String?
    var mineChange = ""
    var theirsChange: String?
    var current = "null"
    var status = ConflictStatus.open
    var resolution: ConflictResolution?
    var resolvedBy: String?
    var deleted = false
    /// The change that last wrote each field (see ``FieldVersions``).
    var versions = FieldVersions()
    var extraFields: [String: JSONValue]?

    init(newID id: String) {
        self.id = id
    }

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, kind, entity
        case entityID = "entity_id"
        case field
        case issueID = "issue_id"
        case base, mine, theirs
        case mineAuthor = "mine_author"
        case theirsAuthor = "theirs_author"
        case mineChange = "mine_change"
        case theirsChange = "theirs_change"
        case current, status, resolution
        case resolvedBy = "resolved_by"
        case deleted
        case extraFields = "extra_fields"
        case versions
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

}

/// JSON values kept as JSON text in a column (sorted keys, so equal values have equal text).
enum JSONText {
    /// The text of `value`.
    static func text(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value of `text`; `null` for text that is not JSON (never written by this store).
    static func value(_ text: String) -> JSONValue {
        (try? JSONValue(parsingJSON: text)) ?? .null
    }
}
