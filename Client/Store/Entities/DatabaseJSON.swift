import SyncProtocol

/// The text of the store's JSON columns, written without `JSONEncoder`: byte for byte what GRDB's default column
/// encoder (`JSONEncoder` with `.sortedKeys`) writes, which — unlike the wire's canonical form — escapes `/`.
///
/// Records whose rows are written for every pulled change (articles, the change log) encode themselves with it;
/// the Codable path cost more than SQLite's own work for them.
enum DatabaseJSON {
    /// The column text of `value`.
    static func text(_ value: JSONValue) -> String {
        text(canonical: CanonicalJSON.bytes(value))
    }

    /// The column text of an array of strings.
    static func text(_ strings: [String]) -> String {
        text(canonical: CanonicalJSON.bytes(strings))
    }

    /// The column text of an object of strings.
    static func text(_ object: [String: String]) -> String {
        text(canonical: CanonicalJSON.bytes(object))
    }

    /// The strings of a column holding an array of strings, read with the wire's parser rather than `JSONDecoder`.
    /// - Throws: ``StoreError/corruptRow(table:key:reason:)`` when the text is not such an array.
    static func strings(_ text: String, table: String, key: String, column: String) throws -> [String] {
        let corrupt = StoreError.corruptRow(table: table, key: key, reason: "\(column) is not an array of strings")
        guard let values = (try? JSONValue(parsingJSON: text))?.arrayValue else { throw corrupt }
        return try values.map { value in
            guard let string = value.stringValue else { throw corrupt }
            return string
        }
    }

    /// The column text of canonical JSON bytes: `/` escaped.
    private static func text(canonical: [UInt8]) -> String {
        // `/` appears only inside strings (it is no JSON punctuation) and never inside an escape the writer makes.
        guard canonical.contains(UInt8(ascii: "/")) else { return CanonicalJSON.string(canonical) }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(canonical.count + 16)
        for byte in canonical {
            if byte == UInt8(ascii: "/") { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        // Still valid UTF-8: an ASCII `\` before each `/`, never inside a multi-byte scalar.
        return CanonicalJSON.string(escaped)
    }
}
