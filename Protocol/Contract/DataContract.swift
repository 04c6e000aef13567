/// The data contract: every entity kind's fields, declared once (PROTOCOL.md sections 10 and 21).
///
/// The server's door, the client's row mapping and model fields, both stores' column lists, the wire codecs and
/// `Protocol/contract.json` all derive from these declarations or are checked against them by tests.
public enum DataContract {
    /// An issue's `state`, in its forward order: `draft` < `review` < `approved` < `published` < `retracted`.
    public static let issueStates = ["draft", "review", "approved", "published", "retracted"]
    /// An annotation's `kind`.
    public static let annotationKinds = ["comment", "correction", "fact-check", "sign-off"]
    /// A conflict's `kind`.
    public static let conflictKinds = ["text", "value", "delete", "late_edit"]
    /// A conflict's `status`, in its forward order.
    public static let conflictStatuses = ["open", "resolved"]
    /// A conflict's `resolution`.
    public static let conflictResolutions = ["mine", "theirs", "merged"]
    /// The kinds of entity a conflict can be about.
    public static let conflictEntities = [EntityKind.issue, .section, .article, .annotation].map(\.rawValue)
    /// The fields of a conflict a client's change may set: resolving is all a client does to a conflict.
    public static let conflictResolutionFields = ["status", "resolution", "resolved_by"]

    /// The declaration of `kind`.
    public static func entity(_ kind: EntityKind) -> EntityDeclaration {
        switch kind {
        case .issue: issue
        case .section: section
        case .article: article
        case .annotation: annotation
        case .conflict: conflict
        case .publication: publication
        }
    }

    /// Every entity kind's declaration, in protocol order.
    public static var entities: [EntityDeclaration] { EntityKind.allCases.map(entity) }

    /// An issue of the bulletin: its masthead and its publication state.
    public static let issue = EntityDeclaration(
        kind: .issue,
        fields: [
            FieldDeclaration("publication", .text, "the bulletin's name"),
            FieldDeclaration("date", .date, "the issue's date"),
            FieldDeclaration("weekday", .text, "the weekday as printed, e.g. THỨ NĂM"),
            FieldDeclaration("year_line", .text, "e.g. Năm 2024"),
            FieldDeclaration("release_line", .text, "e.g. Phát hành: 05/9/2024"),
            FieldDeclaration("title_lines", .textArray, "the title, one string per printed line"),
            FieldDeclaration("subject", .text, "e.g. CẢI CÁCH HÀNH CHÍNH"),
            FieldDeclaration("cadence", .text, "e.g. (Phát hành hàng ngày từ thứ Hai đến thứ Sáu)"),
            FieldDeclaration("intro", .text, "the line before the contents"),
            FieldDeclaration("editor", .text, "the editor credit"),
            FieldDeclaration(
                "state", .enumeration(issueStates), "publication state; only moves forward, in this order"),
        ], clientWritable: nil, summary: "one issue of the bulletin")

    /// A section of an issue.
    public static let section = EntityDeclaration(
        kind: .section,
        fields: [
            FieldDeclaration("issue_id", .uuid, references: .issue, "the issue it belongs to"),
            FieldDeclaration("title", .text, "e.g. CHỦ TRƯƠNG CẢI CÁCH"),
            FieldDeclaration("position", .number, "order within the issue, ascending; may be fractional"),
            FieldDeclaration("contents_page", .integer, nullable: true, "page number in the contents table"),
        ], clientWritable: nil, summary: "an ordered section of an issue")

    /// An article in a section.
    public static let article = EntityDeclaration(
        kind: .article,
        fields: [
            FieldDeclaration("issue_id", .uuid, references: .issue, "the issue it belongs to"),
            FieldDeclaration("section_id", .uuid, references: .section, "the section it is in"),
            FieldDeclaration("title", .text, "the headline"),
            FieldDeclaration("paragraphs", .textArray, "the body, one string per paragraph"),
            FieldDeclaration("source", .citation, nullable: true, "the citation"),
            FieldDeclaration("contents_page", .integer, nullable: true, "page number in the contents table"),
            FieldDeclaration("position", .number, "order within the section, ascending; may be fractional"),
        ], clientWritable: nil, summary: "an ordered article inside a section")

    /// An editor's note on an article.
    public static let annotation = EntityDeclaration(
        kind: .annotation,
        fields: [
            FieldDeclaration("issue_id", .uuid, references: .issue, "the issue of the article"),
            FieldDeclaration("article_id", .uuid, references: .article, "the article it annotates"),
            FieldDeclaration("paragraph", .index, nullable: true, "0-based paragraph it is anchored to"),
            FieldDeclaration("range", .range, nullable: true, "a range of grapheme clusters within that paragraph"),
            FieldDeclaration("kind", .enumeration(annotationKinds), "what the note is for"),
            FieldDeclaration("text", .text, "the note"),
            FieldDeclaration("author", .text, "who wrote it"),
            FieldDeclaration("created_at", .timestamp, "when it was written, UTC"),
            FieldDeclaration("resolved", .bool, "dealt with; only moves from false to true"),
        ], clientWritable: nil, summary: "an editor's note on an article")

    /// A concurrent edit the server could not merge (made by the server; a client only resolves one).
    public static let conflict = EntityDeclaration(
        kind: .conflict,
        fields: [
            FieldDeclaration("kind", .enumeration(conflictKinds), "what kind of concurrent edit (section 20.5)"),
            FieldDeclaration("entity", .enumeration(conflictEntities), "the kind of the entity in conflict"),
            FieldDeclaration("entity_id", .uuid, "the entity in conflict"),
            FieldDeclaration("field", .text, nullable: true, "the field in conflict; null: the whole entity"),
            FieldDeclaration("issue_id", .uuid, references: .issue, "the issue the entity belongs to"),
            FieldDeclaration("base", .any, nullable: true, "the value both sides started from; null when unknown"),
            FieldDeclaration("mine", .any, nullable: true, "the incoming change's value; null: that side deleted"),
            FieldDeclaration("theirs", .any, nullable: true, "the stored, concurrent value; null: that side deleted"),
            FieldDeclaration("mine_author", .text, "who made the incoming change"),
            FieldDeclaration("theirs_author", .text, nullable: true, "who wrote the stored value, when known"),
            FieldDeclaration("mine_change", .uuid, "the incoming change"),
            FieldDeclaration("theirs_change", .uuid, nullable: true, "the change that wrote the stored value"),
            FieldDeclaration("current", .any, nullable: true, "what the server stored while the conflict is open"),
            FieldDeclaration("status", .enumeration(conflictStatuses), "only moves forward, in this order"),
            FieldDeclaration("resolution", .enumeration(conflictResolutions), nullable: true, "null while open"),
            FieldDeclaration("resolved_by", .text, nullable: true, "the editor who resolved it; null while open"),
        ], clientWritable: conflictResolutionFields, summary: "a concurrent edit the server could not merge")

    /// A signed publication of an issue (made by the server, never pushed).
    public static let publication = EntityDeclaration(
        kind: .publication,
        fields: [
            FieldDeclaration("content", .object, "the canonical content: an object {issue, sections} (section 19)"),
            FieldDeclaration("version", .integer, "1, 2, 3, … per issue"),
            FieldDeclaration(
                "state", .enumeration(PublicationStatus.allCases.map(\.rawValue)), "published or retracted"),
            FieldDeclaration("signature", .text, "base64 of the Ed25519 signature"),
            FieldDeclaration("key_id", .text, "the signing key's id: 16 lowercase hex digits"),
        ], clientWritable: [], summary: "a signed publication of an issue, made by the server")
}
