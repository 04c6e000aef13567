import GRDB

/// One account of the server: a named holder of a bearer token, with a role. Only the token's hash is stored.
public struct Account: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "account"

    /// The account's name (unique; NFC), e.g. `thanh` or `field-office-hue`.
    public var name: String
    /// What the account may do.
    public var role: Role
    /// SHA-256 of the token's UTF-8 bytes, as 64 lowercase hex digits.
    var tokenHash: String
    /// When the account was made (ISO 8601 UTC).
    public var createdAt: String
    /// When the account was revoked (ISO 8601 UTC), or `nil` while it is active.
    public var revokedAt: String?
    /// When a session of the account last finished a pull (ISO 8601 UTC, to the minute), or `nil` if never.
    public var lastSyncedAt: String? = nil

    /// Whether the account was revoked.
    public var isRevoked: Bool { revokedAt != nil }

    enum CodingKeys: String, CodingKey {
        case name
        case role
        case tokenHash = "token_hash"
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
        case lastSyncedAt = "last_synced_at"
    }

    /// Typed column names.
    public enum Columns {
        static let name = Column(CodingKeys.name)
        static let createdAt = Column(CodingKeys.createdAt)
        static let revokedAt = Column(CodingKeys.revokedAt)
    }
}
