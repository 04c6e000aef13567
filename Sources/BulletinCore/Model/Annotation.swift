/// What an annotation is for.
public enum AnnotationKind: String, Codable, Sendable, CaseIterable {
    /// A remark for other editors.
    case comment
    /// A proposed correction of the text.
    case correction
    /// Something to verify against the source.
    case factCheck = "fact-check"
    /// An editor's approval of the article.
    case signOff = "sign-off"
}

/// A range of characters inside one paragraph, counted in grapheme clusters.
public struct TextRange: Codable, Sendable, Hashable {
    /// The first character, counted in grapheme clusters from 0.
    public var start: Int
    /// One past the last character.
    public var end: Int

    /// Creates a range.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// An editor's note on an article, optionally anchored to a paragraph or a range in it.
public struct Annotation: Codable, Sendable, Hashable, Identifiable {
    /// Lowercase UUID text.
    public var id: String
    /// The annotated article.
    public var articleID: String
    /// 0-based paragraph index, when anchored to a paragraph.
    public var paragraph: Int?
    /// Character range inside that paragraph, when anchored more precisely.
    public var range: TextRange?
    /// What the annotation is for.
    public var kind: AnnotationKind
    /// The note itself.
    public var text: String
    /// The editor who wrote it.
    public var author: String
    /// When it was written (ISO 8601, UTC).
    public var createdAt: String
    /// Whether it has been dealt with; only moves from `false` to `true`.
    public var resolved: Bool

    /// `articleID` is spelled `articleId` so that `BulletinJSON`'s snake_case strategies agree both ways:
    /// `article_id` decodes to `articleId`, never to `articleID`.
    private enum CodingKeys: String, CodingKey {
        case id, paragraph, range, kind, text, author, createdAt, resolved
        case articleID = "articleId"
    }

    /// Creates an annotation.
    public init(
        id: String, articleID: String, paragraph: Int? = nil, range: TextRange? = nil,
        kind: AnnotationKind, text: String, author: String, createdAt: String, resolved: Bool = false
    ) {
        self.id = id
        self.articleID = articleID
        self.paragraph = paragraph
        self.range = range
        self.kind = kind
        self.text = text
        self.author = author
        self.createdAt = createdAt
        self.resolved = resolved
    }
}
