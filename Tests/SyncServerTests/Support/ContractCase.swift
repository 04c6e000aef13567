import SyncProtocol
import Testing

/// One way a change can break the data contract, and a word the rejection reason must contain.
struct ContractCase: Sendable, CustomTestStringConvertible {
    struct IDs: Sendable {
        let issue = ChangeFactory.newID()
        let section = ChangeFactory.newID()
        let article = ChangeFactory.newID()
    }

    let name: String
    let expectedInReason: String
    /// The `code` of the rejection: a data-contract code (PROTOCOL.md section 21) or `invalid_message`.
    let code: String
    let make: @Sendable (inout ChangeFactory, IDs) -> ChangeRecord

    init(
        name: String, expectedInReason: String, code: String,
        make: @escaping @Sendable (inout ChangeFactory, IDs) -> ChangeRecord
    ) {
        self.name = name
        self.expectedInReason = expectedInReason
        self.code = code
        self.make = make
    }

    var testDescription: String { name }

    static let all: [ContractCase] = [
        ContractCase(
            name: "create missing a field", expectedInReason: "missing: weekday",
            code: "missing_field"
        ) { factory, _ in
            var change = factory.issue(ChangeFactory.newID(), date: "2024-09-06")
            change.fields["weekday"] = nil
            return change
        },
        ContractCase(
            name: "unknown field", expectedInReason: "no field 'colour'",
            code: "unknown_field"
        ) { factory, ids in
            factory.update(.article, ids.article, ["colour": "red"])
        },
        ContractCase(
            name: "title_lines not an array", expectedInReason: "title_lines",
            code: "wrong_type"
        ) { factory, ids in
            factory.update(.issue, ids.issue, ["title_lines": "Bản tin"])
        },
        ContractCase(name: "impossible date", expectedInReason: "date", code: "invalid_format") { factory, ids in
            factory.update(.issue, ids.issue, ["date": "2024-02-30"])
        },
        ContractCase(name: "unknown state", expectedInReason: "state", code: "invalid_format") { factory, ids in
            factory.update(.issue, ids.issue, ["state": "archived"])
        },
        ContractCase(
            name: "entity id not a lowercase uuid", expectedInReason: "entity_id",
            code: "invalid_id"
        ) { factory, _ in
            factory.section("SECTION-1", issue: ChangeFactory.newID())
        },
        ContractCase(name: "change id not a uuid", expectedInReason: "change_id", code: "invalid_id") { factory, ids in
            factory.record(.article, ids.article, .update, ["title": "x"], changeID: "c1")
        },
        ContractCase(
            name: "delete with fields", expectedInReason: "no fields",
            code: "invalid_operation"
        ) { factory, ids in
            factory.record(.article, ids.article, .delete, ["title": "x"])
        },
        ContractCase(
            name: "empty update", expectedInReason: "at least one field",
            code: "invalid_operation"
        ) { factory, ids in
            factory.update(.article, ids.article, [:])
        },
        ContractCase(
            name: "source of the wrong shape", expectedInReason: "source",
            code: "invalid_format"
        ) { factory, ids in
            factory.update(.article, ids.article, ["source": ["outlet": "VnExpress"]])
        },
        ContractCase(
            name: "paragraphs holding a number", expectedInReason: "paragraphs",
            code: "wrong_type"
        ) { factory, ids in
            factory.update(.article, ids.article, ["paragraphs": ["Đoạn", 2]])
        },
        ContractCase(
            name: "contents_page fractional", expectedInReason: "contents_page",
            code: "wrong_type"
        ) { factory, ids in
            factory.update(.section, ids.section, ["contents_page": .double(2.5)])
        },
        ContractCase(
            name: "reference not a uuid", expectedInReason: "issue_id",
            code: "invalid_format"
        ) { factory, ids in
            factory.update(.section, ids.section, ["issue_id": "issue-1"])
        },
        ContractCase(name: "range reversed", expectedInReason: "range", code: "invalid_format") { factory, ids in
            var change = factory.annotation(ChangeFactory.newID(), issue: ids.issue, article: ids.article)
            change.fields["range"] = ["start": 5, "end": 2]
            return change
        },
        ContractCase(
            name: "created_at not UTC", expectedInReason: "created_at",
            code: "invalid_format"
        ) { factory, ids in
            var change = factory.annotation(ChangeFactory.newID(), issue: ids.issue, article: ids.article)
            change.fields["created_at"] = "2024-09-05T08:30:00+07:00"
            return change
        },
        ContractCase(
            name: "annotation kind unknown", expectedInReason: "kind",
            code: "invalid_format"
        ) { factory, ids in
            var change = factory.annotation(ChangeFactory.newID(), issue: ids.issue, article: ids.article)
            change.fields["kind"] = "praise"
            return change
        },
        ContractCase(name: "client id not a uuid", expectedInReason: "client_id", code: "invalid_id") { factory, ids in
            var change = factory.update(.article, ids.article, ["title": "x"])
            change.clientID = "k"
            return change
        },
        ContractCase(
            name: "base version not a change id", expectedInReason: "base",
            code: "invalid_base"
        ) { factory, ids in
            var change = factory.update(.article, ids.article, ["title": "x"])
            change.base = ["title": "yesterday"]
            return change
        },
        ContractCase(
            name: "base naming a field the entity lacks", expectedInReason: "base",
            code: "unknown_field"
        ) { factory, ids in
            var change = factory.update(.article, ids.article, ["title": "x"])
            change.base = ["colour": ChangeFactory.newID()]
            return change
        },
        ContractCase(
            name: "paragraphs as one string", expectedInReason: "paragraphs",
            code: "wrong_type"
        ) { factory, ids in
            factory.update(.article, ids.article, ["paragraphs": "Một đoạn."])
        },
        ContractCase(
            name: "article of an unknown issue", expectedInReason: "issue_id",
            code: "unknown_reference"
        ) { factory, ids in
            factory.article(ChangeFactory.newID(), issue: ChangeFactory.newID(), section: ids.section)
        },
        ContractCase(
            name: "article of an unknown section", expectedInReason: "section_id",
            code: "unknown_reference"
        ) { factory, ids in
            factory.article(ChangeFactory.newID(), issue: ids.issue, section: ChangeFactory.newID())
        },
        ContractCase(
            name: "section of an unknown issue", expectedInReason: "issue_id",
            code: "unknown_reference"
        ) { factory, _ in
            factory.section(ChangeFactory.newID(), issue: ChangeFactory.newID())
        },
        ContractCase(
            name: "annotation of an unknown article", expectedInReason: "article_id",
            code: "unknown_reference"
        ) { factory, ids in
            factory.annotation(ChangeFactory.newID(), issue: ids.issue, article: ChangeFactory.newID())
        },
        ContractCase(
            name: "article moved to an unknown section", expectedInReason: "section_id",
            code: "unknown_reference"
        ) { factory, ids in
            factory.update(.article, ids.article, ["section_id": .string(ChangeFactory.newID())])
        },
        ContractCase(
            name: "create of an existing entity", expectedInReason: "already exists",
            code: "invalid_message"
        ) { factory, ids in
            factory.section(ids.section, issue: ids.issue)
        },
        ContractCase(
            name: "delete of an unknown entity", expectedInReason: "does not exist",
            code: "invalid_message"
        ) { factory, _ in
            factory.delete(.article, ChangeFactory.newID())
        },
    ]
}
