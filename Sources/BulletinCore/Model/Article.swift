/// One article of an issue: a title, paragraphs and the citation of its source.
public struct Article: Codable, Sendable, Hashable, Identifiable {
    /// Lowercase UUID text.
    public var id: String
    /// Its number in contents order across the issue (1-based); derived from position, not stored.
    public var number: Int
    /// The title as in the body heading.
    public var title: String
    /// Paragraphs in order; the citation and back-to-top link are not part of them.
    public var paragraphs: [String]
    /// The source citation, when the article has one.
    public var source: Citation?
    /// The page the contents table gives, when known.
    public var contentsPage: Int?
    /// Annotations on this article, oldest first.
    public var annotations: [Annotation]

    /// Creates an article.
    public init(
        id: String, number: Int, title: String, paragraphs: [String], source: Citation? = nil,
        contentsPage: Int? = nil, annotations: [Annotation] = []
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.paragraphs = paragraphs
        self.source = source
        self.contentsPage = contentsPage
        self.annotations = annotations
    }
}
