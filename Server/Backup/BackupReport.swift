/// What a verified backup (or a restored data directory) holds: enough for an operator to compare with the live
/// server before trusting it.
public struct BackupReport: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The highest `seq` in the copied log.
    public var headSeq: Int64
    /// Live (not deleted) entities per kind, e.g. `["article": 10000, "issue": 1000]`.
    public var entities: [String: Int]
    /// Accounts, revoked ones included.
    public var accounts: Int
    /// Whether the publication signing key travels in the backup file.
    public var includesSigningKey: Bool

    /// `head seq 42; 3 issues, 9 sections, 30 articles, 4 annotations; 2 accounts; integrity ok`.
    public var description: String {
        let kinds = ["issue", "section", "article", "annotation", "conflict"]
            .map { "\(entities[$0, default: 0]) \($0)s" }.joined(separator: ", ")
        return "head seq \(headSeq); \(kinds); \(accounts) accounts; integrity ok"
    }
}

/// Why a backup or a restore was refused or failed; nothing was left half-written.
public enum BackupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The backup file is not a healthy SQLite database.
    case integrity(path: String, detail: String)
    /// The file is a SQLite database but not a BulletinSync server store.
    case notAServerStore(path: String)
    /// A restore target that already holds files.
    case targetNotEmpty(path: String)
    /// The backup's destination exists already.
    case destinationExists(path: String)
    /// The store is a PostgreSQL database: back it up with PostgreSQL's tools (README, "Running several servers").
    case notSQLite(location: String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .integrity(let path, let detail):
            "\(path) failed SQLite's integrity check (\(detail)); take a new backup"
        case .notAServerStore(let path):
            "\(path) is not a bulletin-server backup (it has no server_info table)"
        case .targetNotEmpty(let path):
            "\(path) is not empty: restore into a new, empty data directory (nothing was changed)"
        case .destinationExists(let path):
            "\(path) exists already: choose a new file name for the backup (nothing was written)"
        case .notSQLite(let location):
            "\(location) is a PostgreSQL store: back it up with pg_dump or continuous archiving (README, "
                + "\"Running several servers\"); `backup` copies SQLite stores"
        }
    }
}
