import GRDB
import SyncProtocol

/// The change that last wrote each field of an entity: its per-field versions, kept in the entity's own row as one
/// JSON object (`{"field": "change id", …}`, the `versions` column).
///
/// An update's `base` is read from here and conflict detection compares them. They live in the row rather than in
/// a table of their own because every change that writes a field writes the row too: a separate table keyed by
/// (entity, id, field) took ~7 random-keyed rows per entity, and rewriting its pages was a third of an initial
/// pull's time (BENCHMARKS.md, "Issue 14: the initial pull").
struct FieldVersions: Sendable, Hashable, Codable, DatabaseValueConvertible {
    /// Field name → change id.
    var byField: [String: String]

    /// Versions of the given fields.
    init(_ byField: [String: String] = [:]) {
        self.byField = byField
    }

    /// The column text: compact JSON, names in UTF-8 byte order.
    var databaseValue: DatabaseValue {
        DatabaseJSON.text(byField).databaseValue
    }

    /// Reads the column text; `nil` (which GRDB reports as a decoding error naming the column) for anything but a
    /// JSON object of strings.
    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> FieldVersions? {
        guard let text = String.fromDatabaseValue(dbValue),
            let object = (try? JSONValue(parsingJSON: text))?.objectValue
        else { return nil }
        var byField: [String: String] = [:]
        byField.reserveCapacity(object.count)
        for (name, value) in object {
            guard let changeID = value.stringValue else { return nil }
            byField[name] = changeID
        }
        return FieldVersions(byField)
    }
}
