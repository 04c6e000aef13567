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

    /// The canonical text of an entity's fields.
    static func text(_ fields: [String: JSONValue]) -> String {
        CanonicalJSON.text(fields)
    }

    /// The canonical text of an entity's per-field versions.
    static func text(_ versions: [String: String]) -> String {
        CanonicalJSON.text(versions)
    }

    /// A change record the server stored.
    static func record(from text: String) throws -> ChangeRecord {
        try CanonicalJSON.changeRecord(parsing: text)
    }

    /// Fields the server stored.
    static func fields(from text: String) throws -> [String: JSONValue] {
        try CanonicalJSON.object(parsing: text)
    }

    /// Per-field versions the server stored.
    static func versions(from text: String) throws -> [String: String] {
        try CanonicalJSON.strings(parsing: text)
    }
}
