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
    static let fieldNames = ConflictField.all

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
    }

    /// Typed column names for queries.
    typealias Columns = CodingKeys

    func contractValue(of name: String) -> JSONValue? {
        switch name {
        case ConflictField.kind: .string(kind.rawValue)
        case ConflictField.entity: .string(entity.rawValue)
        case ConflictField.entityID: .string(entityID)
        case ConflictField.field: field.map(JSONValue.string) ?? .null
        case ConflictField.issueID: .string(issueID)
        case ConflictField.base: JSONText.value(base)
        case ConflictField.mine: JSONText.value(mine)
        case ConflictField.theirs: JSONText.value(theirs)
        case ConflictField.mineAuthor: .string(mineAuthor)
        case ConflictField.theirsAuthor: theirsAuthor.map(JSONValue.string) ?? .null
        case ConflictField.mineChange: .string(mineChange)
        case ConflictField.theirsChange: theirsChange.map(JSONValue.string) ?? .null
        case ConflictField.current: JSONText.value(current)
        case ConflictField.status: .string(status.rawValue)
        case ConflictField.resolution: resolution.map { .string($0.rawValue) } ?? .null
        case ConflictField.resolvedBy: resolvedBy.map(JSONValue.string) ?? .null
        default: nil
        }
    }

    mutating func setContractField(_ name: String, to value: JSONValue, decoding: FieldDecoding) throws -> Bool {
        switch name {
        case ConflictField.kind: kind = try decoding.choice(value, name, as: ConflictKind.self)
        case ConflictField.entity: entity = try decoding.choice(value, name, as: EntityKind.self)
        case ConflictField.entityID: entityID = try decoding.string(value, name)
        case ConflictField.field: field = try decoding.optionalString(value, name)
        case ConflictField.issueID: issueID = try decoding.string(value, name)
        case ConflictField.base: base = try JSONText.text(value)
        case ConflictField.mine: mine = try JSONText.text(value)
        case ConflictField.theirs: theirs = try JSONText.text(value)
        case ConflictField.mineAuthor: mineAuthor = try decoding.string(value, name)
        case ConflictField.theirsAuthor: theirsAuthor = try decoding.optionalString(value, name)
        case ConflictField.mineChange: mineChange = try decoding.string(value, name)
        case ConflictField.theirsChange: theirsChange = try decoding.optionalString(value, name)
        case ConflictField.current: current = try JSONText.text(value)
        case ConflictField.status: status = try decoding.choice(value, name, as: ConflictStatus.self)
        case ConflictField.resolution:
            resolution = value.isNull ? nil : try decoding.choice(value, name, as: ConflictResolution.self)
        case ConflictField.resolvedBy: resolvedBy = try decoding.optionalString(value, name)
        default: return false
        }
        return true
    }

    /// Creates the table (migration `v4-conflicts`).
    static func createTable(_ db: Database) throws {
        try db.create(table: databaseTableName) { table in
            table.primaryKey("id", .text)
            table.column("kind", .text).notNull()
            table.column("entity", .text).notNull()
            table.column("entity_id", .text).notNull().indexed()
            table.column("field", .text)
            table.column("issue_id", .text).notNull().indexed()
            table.column("base", .text).notNull()
            table.column("mine", .text).notNull()
            table.column("theirs", .text).notNull()
            table.column("mine_author", .text).notNull()
            table.column("theirs_author", .text)
            table.column("mine_change", .text).notNull()
            table.column("theirs_change", .text)
            table.column("current", .text).notNull()
            table.column("status", .text).notNull()
            table.column("resolution", .text)
            table.column("resolved_by", .text)
            table.column("deleted", .boolean).notNull()
            table.column("extra_fields", .jsonText)
        }
    }
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
