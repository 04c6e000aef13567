/// One search result: an article, its rank and a snippet of its original text.
public struct SearchHit: Codable, Sendable, Hashable {
    /// 1 for the best match.
    public var rank: Int
    /// Relevance (higher is better; the negated BM25 score, title words weighing more).
    public var score: Double
    /// The article's id.
    public var articleID: String
    /// The issue's id.
    public var issueID: String
    /// The issue's date.
    public var date: String
    /// The article's number in its issue (`nil` if it is not in a live section).
    public var number: Int?
    /// `DATE/N` (or the article id when unnumbered): what other commands accept.
    public var ref: String
    /// The article's title, as written.
    public var title: String
    /// A passage of the original text with matched words between `«` and `»`.
    public var snippet: String
}
