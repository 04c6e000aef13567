import BulletinCore
import SyncProtocol
import Testing

@Suite struct FieldMergeRuleTests {
    @Test(arguments: [
        (EntityKind.article, "paragraphs", FieldMergeRule.text),
        (.article, "title", .value), (.article, "source", .value), (.section, "title", .value),
        (.issue, "editor", .value), (.annotation, "text", .value),
        (.article, "position", .order), (.article, "section_id", .order), (.section, "position", .order),
        (.issue, "state", .forwardOnly), (.annotation, "resolved", .forwardOnly), (.conflict, "status", .forwardOnly),
        (.conflict, "resolution", .order),
    ])
    func eachFieldHasItsRule(entity: EntityKind, field: String, rule: FieldMergeRule) {
        #expect(FieldMergeRule.rule(entity: entity, field: field) == rule)
    }

    @Test func forwardOnlyValuesKeepTheFurtherOne() {
        #expect(FieldMergeRule.forward(current: "approved", incoming: "review") == "approved")
        #expect(FieldMergeRule.forward(current: "review", incoming: "published") == "published")
        #expect(FieldMergeRule.forward(current: .bool(true), incoming: .bool(false)) == .bool(true))
        #expect(FieldMergeRule.forward(current: .bool(false), incoming: .bool(true)) == .bool(true))
        #expect(FieldMergeRule.forward(current: "resolved", incoming: "open") == "resolved")
        #expect(FieldMergeRule.forward(current: nil, incoming: "draft") == "draft")
    }
}

/// `"draft"` stands for `.string("draft")` in expected values.
extension JSONValue: ExpressibleByStringLiteral {
    /// A JSON string.
    public init(stringLiteral value: String) { self = .string(value) }
}
