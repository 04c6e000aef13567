/// The canonical content of a published issue: the issue's fields and its live sections and articles with their
/// fields, in print order, without annotations. Its JSON (``json``) is what a publication carries and signs.
///
/// ```
/// {"issue": {"fields": {…}, "id": "…"},
///  "sections": [{"articles": [{"fields": {…}, "id": "…"}, …], "fields": {…}, "id": "…"}, …]}
/// ```
///
/// Sections are ordered by `position`, then id; each section's articles likewise. Fields are the entities' stored
/// fields under the data contract (PROTOCOL.md section 10), including `issue_id` and `section_id`.
public struct PublicationContent: Sendable, Hashable {
    /// One entity of the content: its id and fields.
    public struct Entity: Sendable, Hashable {
        /// The entity's id.
        public var id: String
        /// The entity's fields.
        public var fields: [String: JSONValue]

        /// Creates an entity.
        public init(id: String, fields: [String: JSONValue]) {
            self.id = id
            self.fields = fields
        }
    }

    /// A section with its articles, in order.
    public struct SectionContent: Sendable, Hashable {
        /// The section.
        public var section: Entity
        /// Its articles, ordered by position, then id.
        public var articles: [Entity]

        /// Creates a section's content.
        public init(section: Entity, articles: [Entity]) {
            self.section = section
            self.articles = articles
        }
    }

    /// The issue.
    public var issue: Entity
    /// Its sections, ordered by position, then id.
    public var sections: [SectionContent]

    /// Arranges an issue's live sections and articles in canonical order. Articles whose `section_id` names none of
    /// `sections` are left out: they would not be printed.
    public init(issue: Entity, sections: [Entity], articles: [Entity]) {
        let byPosition: (Entity, Entity) -> Bool = { left, right in
            let leftPosition = left.fields["position"]?.doubleValue ?? 0
            let rightPosition = right.fields["position"]?.doubleValue ?? 0
            return leftPosition != rightPosition ? leftPosition < rightPosition : left.id < right.id
        }
        let grouped = Dictionary(grouping: articles) { $0.fields["section_id"]?.stringValue ?? "" }
        self.issue = issue
        self.sections = sections.sorted(by: byPosition).map { section in
            SectionContent(section: section, articles: (grouped[section.id] ?? []).sorted(by: byPosition))
        }
    }

    /// The content as JSON, in the layout above.
    public var json: JSONValue {
        .object([
            "issue": Self.json(issue),
            "sections": .array(
                sections.map { content in
                    var object = Self.members(content.section)
                    object["articles"] = .array(content.articles.map(Self.json))
                    return .object(object)
                }),
        ])
    }

    /// Reads content from its JSON.
    ///
    /// - Throws: ``PublicationError/malformedContent(_:)`` when the JSON does not have the layout above.
    public init(json: JSONValue) throws(PublicationError) {
        guard let object = json.objectValue, let issue = object["issue"], let sections = object["sections"]?.arrayValue
        else { throw .malformedContent("content must be an object with 'issue' and 'sections'") }
        self.issue = try Self.entity(issue, what: "issue")
        var parsed: [SectionContent] = []
        for section in sections {
            guard let articles = section.objectValue?["articles"]?.arrayValue else {
                throw .malformedContent("every section must carry an 'articles' array")
            }
            var entities: [Entity] = []
            for article in articles {
                entities.append(try Self.entity(article, what: "article"))
            }
            parsed.append(SectionContent(section: try Self.entity(section, what: "section"), articles: entities))
        }
        self.sections = parsed
    }

    private static func members(_ entity: Entity) -> [String: JSONValue] {
        ["id": .string(entity.id), "fields": .object(entity.fields)]
    }

    private static func json(_ entity: Entity) -> JSONValue {
        .object(members(entity))
    }

    private static func entity(_ value: JSONValue, what: String) throws(PublicationError) -> Entity {
        guard let object = value.objectValue, let id = object["id"]?.stringValue,
            let fields = object["fields"]?.objectValue
        else { throw .malformedContent("every \(what) must be an object with a string 'id' and a 'fields' object") }
        return Entity(id: id, fields: fields)
    }
}
