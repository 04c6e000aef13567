import BulletinCore
import GRDB
import SyncProtocol
import Testing

@testable import SyncClient

/// Every place the client names a contract field agrees with the data contract (``DataContract``), both ways: a
/// store column, a row's coded key, a model mapping's key or an enumeration value the contract does not declare
/// fails here, and so does a declared field one of them lacks.
@Suite struct DataContractAgreementTests {
    /// Columns of the entity tables that are the replica's own bookkeeping, not contract fields.
    static let localColumns: Set<String> = ["id", "deleted", "extra_fields", "search_id", "versions"]

    static let tables: [(EntityKind, String)] = [
        (.issue, IssueRecord.databaseTableName), (.section, SectionRecord.databaseTableName),
        (.article, ArticleRecord.databaseTableName), (.annotation, AnnotationRecord.databaseTableName),
        (.conflict, ConflictRecord.databaseTableName),
    ]

    @Test func everyStoreColumnIsAContractFieldAndEveryFieldHasAColumn() throws {
        let directory = try TemporaryDirectory()
        let store = try LocalStore.create(
            at: directory.path("store.sqlite"), editor: "Lan",
            options: StoreFixtures.options())
        let columns = try store.writer.read { db in
            try Self.tables.map { kind, table in
                (kind, Set(try db.columns(in: table).map(\.name)).subtracting(Self.localColumns))
            }
        }
        for (kind, names) in columns {
            #expect(names == Set(DataContract.entity(kind).fieldNames), "\(kind) table")
        }
    }

    @Test func everyRowsCodedKeysAreTheContractsFields() throws {
        func keys<Row: EntityRow>(_ row: Row) throws -> Set<String> {
            Set(try row.databaseDictionary.keys).subtracting(Self.localColumns)
        }
        #expect(try keys(IssueRecord(newID: "a")) == Set(DataContract.issue.fieldNames))
        #expect(try keys(SectionRecord(newID: "a")) == Set(DataContract.section.fieldNames))
        #expect(try keys(ArticleRecord(newID: "a")) == Set(DataContract.article.fieldNames))
        #expect(try keys(AnnotationRecord(newID: "a")) == Set(DataContract.annotation.fieldNames))
        #expect(try keys(ConflictRecord(newID: "a")) == Set(DataContract.conflict.fieldNames))
    }

    @Test func theModelMappingWritesExactlyTheContractsFieldsAndKeepsIt() throws {
        let issue = StoreFixtures.sampleIssue()
        let section = try #require(issue.sections.first)
        let article = try #require(section.articles.first)
        let annotation = try #require(article.annotations.first)
        let id = "5a000000-0000-4000-8000-0000000000ff"
        let made: [(EntityKind, [String: JSONValue])] = [
            (.issue, ModelFields.issue(issue)),
            (.section, ModelFields.section(section, issueID: issue.id, position: 1)),
            (.article, ModelFields.article(article, issueID: issue.id, sectionID: section.id, position: 1.5)),
            (.annotation, ModelFields.annotation(annotation, issueID: issue.id)),
        ]
        for (kind, fields) in made {
            #expect(Set(fields.keys) == Set(DataContract.entity(kind).fieldNames), "\(kind)")
            let change = ChangeRecord(
                changeID: id, entity: kind, entityID: id, op: .create, fields: fields,
                hlc: HLCTimestamp(wallMillis: 1, counter: 0), author: "Lan", clientID: id)
            #expect(ChangeValidator(origin: .client).check(change) == nil, "\(kind)")
        }
    }

    @Test func theModelsEnumerationsAreTheContracts() {
        #expect(PublicationState.allCases.map(\.rawValue) == DataContract.issueStates)
        #expect(PublicationState.allCases.sorted().map(\.rawValue) == DataContract.issueStates, "the forward order")
        #expect(AnnotationKind.allCases.map(\.rawValue) == DataContract.annotationKinds)
        #expect(ConflictKind.allCases.map(\.rawValue) == DataContract.conflictKinds)
        #expect(ConflictStatus.allCases.map(\.rawValue) == DataContract.conflictStatuses)
        #expect(ConflictResolution.allCases.map(\.rawValue) == DataContract.conflictResolutions)
    }

    @Test func aChangeThatBreaksTheContractIsNotQueued() throws {
        let directory = try TemporaryDirectory()
        let store = try LocalStore.create(
            at: directory.path("store.sqlite"), editor: "Lan",
            options: StoreFixtures.options())
        let issue = try store.createIssue(date: "2024-09-05")
        let before = try TableCounts(store)
        // A local bug: a section naming an issue this replica does not hold, and one with a wrongly typed title.
        #expect(
            throws: StoreError.contractViolation(
                ContractViolation(
                    .unknownReference, field: "issue_id",
                    "its issue_id names issue 0b3e7a52-8c1f-4d2e-b6a9-3c4d5e6f7a80, which is unknown"))
        ) {
            try store.perform { changes in
                try changes.create(
                    .section, id: changes.newID(),
                    fields: [
                        "issue_id": .string("0b3e7a52-8c1f-4d2e-b6a9-3c4d5e6f7a80"), "title": .string("Mục"),
                        "position": .int(1), "contents_page": .null,
                    ])
            }
        }
        do {
            try store.perform { changes in
                try changes.create(
                    .section, id: changes.newID(),
                    fields: [
                        "issue_id": .string(issue.id), "title": .int(7), "position": .int(1), "contents_page": .null,
                    ])
            }
            Testing.Issue.record("a section with a numeric title was queued")
        } catch StoreError.contractViolation(let violation) {
            #expect(violation.code == .wrongType)
            #expect(violation.field == "title")
        }
        #expect(try TableCounts(store) == before, "nothing of either action remains")
    }
}
