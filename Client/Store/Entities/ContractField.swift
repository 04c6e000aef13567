import BulletinCore
import SyncProtocol

/// One contract field of an entity row: its name in change records, and how it reads from and writes to the row's
/// typed property.
///
/// Each row type lists its fields once (``EntityRow/contractFields``) by their columns: a field's name is its
/// column's name, and both are the data contract's (``DataContract``; `ContractFieldTests` holds them equal).
struct ContractField<Row>: Sendable {
    /// The field's name in change records (the column's name).
    let name: String
    /// The property's value as change records carry it.
    let read: @Sendable (Row) -> JSONValue
    /// Sets the property from a change record's value; throws ``StoreError/invalidField`` on the wrong type.
    let write: @Sendable (inout Row, JSONValue, FieldDecoding) throws -> Void

    /// A field stored in `column`.
    init(
        _ column: some CodingKey, read: @escaping @Sendable (Row) -> JSONValue,
        write: @escaping @Sendable (inout Row, JSONValue, FieldDecoding) throws -> Void
    ) {
        self.name = column.stringValue
        self.read = read
        self.write = write
    }
}

extension ContractField {
    /// A string.
    static func string(_ column: some CodingKey, _ path: WritableKeyPath<Row, String> & Sendable) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { .string($0[keyPath: path]) },
            write: { row, value, decoding in row[keyPath: path] = try decoding.string(value, name) })
    }

    /// A string or `null`.
    static func optionalString(_ column: some CodingKey, _ path: WritableKeyPath<Row, String?> & Sendable) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { $0[keyPath: path].map(JSONValue.string) ?? .null },
            write: { row, value, decoding in row[keyPath: path] = try decoding.optionalString(value, name) })
    }

    /// An array of strings.
    static func strings(_ column: some CodingKey, _ path: WritableKeyPath<Row, [String]> & Sendable) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { FieldEncoding.strings($0[keyPath: path]) },
            write: { row, value, decoding in row[keyPath: path] = try decoding.strings(value, name) })
    }

    /// A finite number.
    static func number(_ column: some CodingKey, _ path: WritableKeyPath<Row, Double> & Sendable) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { FieldEncoding.number($0[keyPath: path]) },
            write: { row, value, decoding in row[keyPath: path] = try decoding.number(value, name) })
    }

    /// An integer or `null`.
    static func optionalInt(_ column: some CodingKey, _ path: WritableKeyPath<Row, Int?> & Sendable) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { FieldEncoding.optionalInt($0[keyPath: path]) },
            write: { row, value, decoding in row[keyPath: path] = try decoding.optionalInt(value, name) })
    }

    /// `true` or `false`.
    static func bool(_ column: some CodingKey, _ path: WritableKeyPath<Row, Bool> & Sendable) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { .bool($0[keyPath: path]) },
            write: { row, value, decoding in row[keyPath: path] = try decoding.bool(value, name) })
    }

    /// One of a fixed set of words.
    static func choice<Choice: RawRepresentable<String> & Sendable>(
        _ column: some CodingKey, _ path: WritableKeyPath<Row, Choice> & Sendable
    ) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { .string($0[keyPath: path].rawValue) },
            write: { row, value, decoding in
                row[keyPath: path] = try decoding.choice(value, name, as: Choice.self)
            })
    }

    /// One of a fixed set of words, or `null`.
    static func optionalChoice<Choice: RawRepresentable<String> & Sendable>(
        _ column: some CodingKey, _ path: WritableKeyPath<Row, Choice?> & Sendable
    ) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { $0[keyPath: path].map { .string($0.rawValue) } ?? .null },
            write: { row, value, decoding in
                row[keyPath: path] = value.isNull ? nil : try decoding.choice(value, name, as: Choice.self)
            })
    }

    /// A source citation or `null`.
    static func citation(_ column: some CodingKey, _ path: WritableKeyPath<Row, Citation?> & Sendable) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { FieldEncoding.citation($0[keyPath: path]) },
            write: { row, value, decoding in row[keyPath: path] = try decoding.citation(value, name) })
    }

    /// A text range or `null`.
    static func textRange(_ column: some CodingKey, _ path: WritableKeyPath<Row, TextRange?> & Sendable) -> Self {
        let name = column.stringValue
        return Self(
            column, read: { FieldEncoding.textRange($0[keyPath: path]) },
            write: { row, value, decoding in row[keyPath: path] = try decoding.textRange(value, name) })
    }

    /// Any JSON value, kept in the row as JSON text (see ``JSONText``).
    static func jsonText(_ column: some CodingKey, _ path: WritableKeyPath<Row, String> & Sendable) -> Self {
        Self(
            column, read: { JSONText.value($0[keyPath: path]) },
            write: { row, value, _ in row[keyPath: path] = try JSONText.text(value) })
    }
}
