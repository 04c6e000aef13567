import GRDB

/// The latest publication of one issue: which version it is at, its state, the log record that carries it, and its
/// content (to tell whether a change altered what was published).
struct PublicationRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "publication"

    /// The published issue's id.
    var issueID: String
    /// The issue's `date` (`YYYY-MM-DD`), so field-office snapshots can go newest first.
    var sortDate: String
    /// The latest version (1, 2, …).
    var version: Int64
    /// `published` or `retracted`.
    var state: String
    /// The log seq of the record carrying the latest version.
    var seq: Int64
    /// The latest version's canonical content JSON.
    var content: String

    enum CodingKeys: String, CodingKey {
        case issueID = "issue_id"
        case sortDate = "sort_date"
        case version
        case state
        case seq
        case content
    }

    /// Typed column names.
    enum Columns {
        static let issueID = Column(CodingKeys.issueID)
        static let sortDate = Column(CodingKeys.sortDate)
        static let seq = Column(CodingKeys.seq)
    }
}
