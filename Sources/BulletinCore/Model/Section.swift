/// An ordered section of an issue, e.g. "CHỦ TRƯỞNG CẢI CÁCH".
public struct Section: Codable, Sendable, Hashable, Identifiable {
    /// Lowercase UUID text.
    public var id: String
    /// The title as written (usually capitals).
    public var title: String
    /// The page the contents table gives, when known.
    public var contentsPage: Int?
    /// Articles in order.
    public var articles: [Article]

    /// Creates a section.
    public init(id: String, title: String, contentsPage: Int? = nil, articles: [Article] = []) {
        self.id = id
        self.title = title
        self.contentsPage = contentsPage
        self.articles = articles
    }
}
