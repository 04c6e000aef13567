import BulletinCore
import SyncProtocol
import Testing

@testable import SyncClient

/// The typed rows' field lists (``ContractField``) against the data contract, and their round trips.
@Suite struct ContractFieldTests {
    @Test func everyRowHoldsExactlyTheContractsFieldsInItsOrder() {
        #expect(IssueRecord.fieldNames == DataContract.issue.fieldNames)
        #expect(SectionRecord.fieldNames == DataContract.section.fieldNames)
        #expect(ArticleRecord.fieldNames == DataContract.article.fieldNames)
        #expect(AnnotationRecord.fieldNames == DataContract.annotation.fieldNames)
        #expect(ConflictRecord.fieldNames == DataContract.conflict.fieldNames)
        #expect(ConflictRecord.fieldNames == ConflictField.all)
    }

    /// Every field of `row` written into a fresh row reads back the same; a value of the wrong type is refused with
    /// the field named, and leaves the row as it was.
    private func roundTrips<Row: EntityRow & Equatable>(_ row: Row, wrongTypeFree: Set<String> = []) throws {
        var copy = Row(newID: row.id)
        for name in Row.fieldNames {
            let value = try #require(row.contractValue(of: name))
            #expect(try copy.setContractField(name, to: value, decoding: FieldDecoding(entity: Row.kind, id: row.id)))
            #expect(copy.contractValue(of: name) == value, "\(Row.kind) \(name)")
        }
        copy.deleted = row.deleted
        #expect(copy == row)
        for name in Row.fieldNames where !wrongTypeFree.contains(name) {
            var target = copy
            #expect(throws: StoreError.self, "\(Row.kind) \(name)") {
                try target.setContractField(
                    name, to: .object(["wrong": .bool(true)]),
                    decoding: FieldDecoding(
                        entity: Row.kind, id: row.id))
            }
            #expect(target == copy)
        }
        var other = copy
        #expect(
            try !other.setContractField(
                "not_in_the_contract", to: .int(1),
                decoding: FieldDecoding(
                    entity: Row.kind, id: row.id)))
        #expect(copy.contractValue(of: "not_in_the_contract") == nil)
    }

    @Test func everyKindOfFieldRoundTrips() throws {
        var issue = IssueRecord(newID: "5a000000-0000-4000-8000-000000000001")
        issue.date = "2024-09-05"
        issue.titleLines = ["ĐIỂM BÁO", "Cải cách hành chính"]
        issue.state = .review
        try roundTrips(issue)

        var section = SectionRecord(newID: "5a000000-0000-4000-8000-000000000002")
        section.title = "PHÂN TÍCH"
        section.position = 1.5
        section.contentsPage = 3
        try roundTrips(section)

        var article = ArticleRecord(newID: "5a000000-0000-4000-8000-000000000003")
        article.paragraphs = ["Đồng bộ.", "Hợp tác xã."]
        article.source = Citation(outlet: "Báo Lâm Đồng", date: "2024-09-05", authors: ["Thanh Hồng"])
        article.position = 2
        try roundTrips(article)

        var annotation = AnnotationRecord(newID: "5a000000-0000-4000-8000-000000000004")
        annotation.paragraph = 0
        annotation.range = TextRange(start: 2, end: 7)
        annotation.kind = AnnotationKind.allCases.last ?? .comment
        annotation.resolved = true
        try roundTrips(annotation)

        var conflict = ConflictRecord(newID: "5a000000-0000-4000-8000-000000000005")
        conflict.field = "title"
        conflict.mine = "\"Tiêu đề A\""
        conflict.theirs = "\"Tiêu đề B\""
        conflict.theirsAuthor = "Minh Quân"
        conflict.status = .resolved
        conflict.resolution = ConflictResolution.allCases.first
        // `base`, `mine`, `theirs` and `current` hold any JSON value.
        try roundTrips(conflict, wrongTypeFree: ["base", "mine", "theirs", "current"])
    }
}
