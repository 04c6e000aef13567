import BulletinCore

/// One line of `bulletin issues`: an issue with its counts, computed without loading article bodies.
public struct IssueSummary: Codable, Sendable, Hashable {
    /// Lowercase UUID text.
    public var id: String
    /// `YYYY-MM-DD`.
    public var date: String
    /// The weekday line, e.g. "THỨ NĂM".
    public var weekday: String
    /// Where the issue stands.
    public var state: PublicationState
    /// The editor credited.
    public var editor: String
    /// Number of live sections.
    public var sections: Int
    /// Number of live articles (those with a number).
    public var articles: Int
    /// Changes to this issue (or anything in it) not yet pushed.
    public var pending: Int
}
