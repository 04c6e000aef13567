import SyncProtocol

/// The JSON text the server stores and measures: the canonical form ``FrameCodec`` writes (sorted keys, `/`
/// unescaped), written and parsed with the protocol's own JSON writer and strict parser.
///
/// Stored texts are the ones measured against a pull's `max_bytes`, so they must be what goes on the wire.
enum RecordJSON {
    /// The canonical text of a change record.
    static func text(_ record: ChangeRecord) -> String {
        CanonicalJSON.text(record)
    }

    /// The canonical text of a change record and of its fields, written once (see ``CanonicalJSON/texts(_:)``).
    static func texts(_ record: ChangeRecord) -> (record: String, fields: String) {
        CanonicalJSON.texts(record)
    }

    /// The canonical text of an entity's fields.
    static func text(_ fields: [String: JSONValue]) -> String {
        CanonicalJSON.text(fields)
    }

    /// The canonical text of an entity's per-field versions.
    static func text(_ versions: [String: String]) -> String {
        CanonicalJSON.text(versions)
    }

    /// A change record the server stored (with the wire's parser: this runs for every pulled record).
    static func record(from text: String) throws -> ChangeRecord {
        try ChangeRecord(parsingJSON: text)
    }

    /// Fields the server stored.
    static func fields(from text: String) throws -> [String: JSONValue] {
        guard let members = try JSONValue(parsingJSON: text).objectValue else {
            throw ProtocolError.invalidMessage("stored fields are not a JSON object")
        }
        return members
    }

    /// Per-field versions the server stored.
    static func versions(from text: String) throws -> [String: String] {
        var versions: [String: String] = [:]
        for (field, value) in try fields(from: text) {
            guard let changeID = value.stringValue else {
                throw ProtocolError.invalidMessage("stored version of '\(field)' is not a string")
            }
            versions[field] = changeID
        }
        return versions
    }
}
