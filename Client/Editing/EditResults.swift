import BulletinCore

/// An issue as commands name it.
public struct IssueReference: Codable, Sendable, Hashable {
    /// Lowercase UUID text.
    public var id: String
    /// `YYYY-MM-DD`.
    public var date: String
}

/// An article as commands name it.
public struct ArticleReference: Codable, Sendable, Hashable {
    /// Lowercase UUID text.
    public var id: String
    /// The issue's id.
    public var issueID: String
    /// The issue's date.
    public var date: String
    /// Its number in contents order (`nil` if it is not in a live section).
    public var number: Int?
    /// Its title.
    public var title: String

    /// `DATE/N`, or the id when the article has no number.
    public var reference: String {
        number.map { "\(date)/\($0)" } ?? id
    }

    init(_ location: ArticleLocation) {
        id = location.article.id
        issueID = location.issue.id
        date = location.issue.date
        number = location.number
        title = location.article.title
    }
}

/// What `editArticle` changed.
public struct ArticleEdit: Sendable, Hashable {
    /// The article after the edit.
    public var article: ArticleReference
    /// The contract names of the fields that changed (empty: nothing to do, no change recorded).
    public var changedFields: [String]
}

/// An article's editable text.
public struct ArticleText: Sendable, Hashable {
    /// The article.
    public var article: ArticleReference
    /// Its title.
    public var title: String
    /// Its paragraphs.
    public var paragraphs: [String]
}

/// A publication state change.
public struct StateChange: Sendable, Hashable {
    /// The issue.
    public var issue: IssueReference
    /// The state before.
    public var from: PublicationState
    /// The state after.
    public var to: PublicationState
}
