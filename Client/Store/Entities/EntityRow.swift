import BulletinCore
import GRDB
import SyncProtocol

/// A typed table row for one entity kind, convertible to and from the field dictionary of change records.
///
/// Which fields an entity *has* is given by its versions (every field a change wrote has one, kept in the row's
/// `versions` column), so typed columns can hold defaults for fields no change has set yet without those defaults
/// leaking into the entity's state.
protocol EntityRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    /// The entity kind stored in this table.
    static var kind: EntityKind { get }
    /// The contract's fields for this kind, in the order the contract lists them.
    static var contractFields: [ContractField<Self>] { get }
    /// Lowercase UUID text.
    var id: String { get }
    /// Tombstone flag.
    var deleted: Bool { get set }
    /// Fields outside the contract (from newer replicas), kept so nothing a change carried is lost.
    var extraFields: [String: JSONValue]? { get set }
    /// The change that last wrote each field.
    var versions: FieldVersions { get set }
    /// A row with default values.
    init(newID id: String)
    /// Inserts the row of an entity this store has not held (GRDB's `insert` unless the row does it faster).
    func insertNew(_ db: Database) throws
}

extension EntityRow {
    func insertNew(_ db: Database) throws {
        try insert(db)
    }

    /// The contract's field names for this kind, in the order the contract lists them.
    static var fieldNames: [String] { contractFields.map(\.name) }

    /// Every contract field's value, by name.
    var contractValues: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: Self.contractFields.map { ($0.name, $0.read(self)) })
    }

    /// The value of a contract field; `nil` for a name outside the contract.
    func contractValue(of field: String) -> JSONValue? {
        Self.contractFields.first { $0.name == field }?.read(self)
    }

    /// Sets a contract field; returns `false` for a name outside the contract.
    mutating func setContractField(_ field: String, to value: JSONValue, decoding: FieldDecoding) throws -> Bool {
        guard let contractField = Self.contractFields.first(where: { $0.name == field }) else { return false }
        try contractField.write(&self, value, decoding)
        return true
    }

    /// The row with primary key `id`, or `nil`. A cached statement: this runs for every applied change.
    static func row(_ id: String, in db: Database) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM \(databaseTableName) WHERE id = ?"), arguments: [id])
    }

    /// The entity's state: the fields its versions name, with their values.
    var state: EntityState {
        var fields: [String: JSONValue] = [:]
        for name in versions.byField.keys {
            fields[name] = contractValue(of: name) ?? extraFields?[name] ?? .null
        }
        return EntityState(fields: fields, versions: versions.byField, deleted: deleted)
    }

    /// Sets any field, contract or not.
    mutating func setField(_ field: String, to value: JSONValue) throws {
        let decoding = FieldDecoding(entity: Self.kind, id: id)
        if try !setContractField(field, to: value, decoding: decoding) {
            var extra = extraFields ?? [:]
            extra[field] = value
            extraFields = extra
        }
    }
}
