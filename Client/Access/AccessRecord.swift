import GRDB

/// What kind of replica a store is.
public enum StoreRole: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// An editor's (or chief's) store: the whole log, local edits pushed to the server.
    case editor
    /// A field office's read-only replica of published issues, each verified against the pinned server key.
    case fieldOffice = "field-office"

    /// `editor` or `field-office`.
    public var description: String { rawValue }
}

/// The single row of the `access` table: how this store proves who it is, whom it trusts, and how it connects.
struct AccessRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "access"

    /// Always 1: the table holds one row.
    var id = 1
    /// Editor or field office.
    var role: StoreRole
    /// The account's bearer token, sent in `hello` (the store file is then readable by its owner only).
    var token: String?
    /// The pinned publication key (base64), for a field office.
    var serverKey: String?
    /// Whether to connect with TLS.
    var tls: Bool
    /// A PEM file of CA certificates to trust instead of the system's, with TLS.
    var tlsCA: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, role, token, tls
        case serverKey = "server_key"
        case tlsCA = "tls_ca"
    }

    /// Typed column names.
    typealias Columns = CodingKeys

}

/// A field office's copy of the latest verified publication of one issue, exactly as signed.
struct LocalPublicationRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "publication"

    /// The issue.
    var issueID: String
    /// The publication's version.
    var version: Int64
    /// `published` or `retracted`.
    var state: String
    /// The canonical content JSON.
    var content: String
    /// The base64 signature.
    var signature: String
    /// The signing key's id.
    var keyID: String
    /// The server log seq of the record.
    var seq: Int64

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case issueID = "issue_id"
        case version, state, content, signature, seq
        case keyID = "key_id"
    }
}
