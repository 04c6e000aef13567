import BulletinCore
import Testing

@testable import BulletinFormat

/// The `bulletin` export reproduces the sample's layout and imports back to the same structured issue.
@Suite struct BulletinRoundTripTests {
    @Test func importExportImportGivesTheSameIssue() throws {
        let original = try importWithCountingIDs(SampleFixture.text())
        let printed = BulletinExporter.export(original, as: .bulletin)
        let reimported = try importWithCountingIDs(printed)
        #expect(printable(reimported) == printable(original))
        // The printed contents shows the body's titles, so the disagreement (and its annotation) is gone.
        #expect(reimported.articles.flatMap(\.annotations).isEmpty)
    }

    @Test func exportIsTheSampleWithPageBreaksJoinedAndTheContentsCorrected() throws {
        let sample = try SampleFixture.text()
        let exported = BulletinExporter.export(try importWithCountingIDs(sample), as: .bulletin)
        // Each difference from the file, written out by hand.
        let edits: [(String, String)] = [
            ("| CẢI CÁCH ĐỊA PHƯƠNG..... | 4 |", "| CẢI CÁCH ĐỊA PHƯƠNG | 4 |"),
            (
                "đề tạo đột phá trong phát triển kinh tế..... | 7 |",
                "để tạo đột phá trong phát triển kinh tế..... | 7 |"
            ),
            ("đến địa phương. Công\n\ntác cải cách", "đến địa phương. Công tác cải cách"),
            ("có lộ trình để đưa các\n\ntiện ích thiết yếu", "có lộ trình để đưa các tiện ích thiết yếu"),
            ("trên nền tảng IPv6,\n\nchúng nhận", "trên nền tảng IPv6, chúng nhận"),
            ("đem lại hiệu quả\n\nthiết thực", "đem lại hiệu quả thiết thực"),
            ("dịch vụ công trực\n\ntuyển; việc", "dịch vụ công trực tuyển; việc"),
            ("kho dữ liệu kết quả\n\nTTHC số.", "kho dữ liệu kết quả TTHC số."),
            ("Hồng Vĩnh)[Về đầu trang](#)", "Hồng Vĩnh) [Về đầu trang](#)"),
        ]
        var expected = sample
        for (old, new) in edits {
            try #require(expected.contains(old), "edit not applicable: \(old)")
            expected = expected.replacingOccurrences(of: old, with: new)
        }
        expected += "\n"
        #expect(
            exported.split(separator: "\n", omittingEmptySubsequences: false)
                == expected.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test func exportIsAFixedPoint() throws {
        let once = BulletinExporter.export(try importWithCountingIDs(SampleFixture.text()), as: .bulletin)
        let twice = BulletinExporter.export(try importWithCountingIDs(once), as: .bulletin)
        #expect(twice == once)
    }

    @Test func handmadeIssueSurvivesTheRoundTrip() throws {
        let issue = HandmadeIssue.make()
        let printed = BulletinExporter.export(issue, as: .bulletin)
        let reimported = try importWithCountingIDs(printed)
        #expect(printable(reimported) == printable(issue))
        #expect(reimported.articles.flatMap(\.annotations).isEmpty)
        #expect(!printed.contains(Vocabulary.editorCredit))
        #expect(printed.contains("| 1. Tiêu đề có \\| gạch đứng và \\ gạch chéo..... | 1 |"))
        #expect(printed.contains("Đoạn duy nhất. (Tuoitre.vn 04/9, Hoài Thu – Minh Quân – Lan) [Về đầu trang](#)"))
        #expect(printed.contains("Không có gì\n\n[Về đầu trang](#)\n"))
        #expect(printed.hasSuffix("Tiêu đề kết thúc bằng ba chấm...\n\nĐoạn. [Về đầu trang./.](#)\n"))
    }

    @Test func annotationsAreNotPrinted() throws {
        let issue = try importWithCountingIDs(SampleFixture.text())
        try #require(issue.articles.flatMap(\.annotations).count == 1)
        var withoutNotes = issue
        for index in withoutNotes.sections.indices {
            for article in withoutNotes.sections[index].articles.indices {
                withoutNotes.sections[index].articles[article].annotations = []
            }
        }
        #expect(BulletinExporter.export(issue, as: .bulletin) == BulletinExporter.export(withoutNotes, as: .bulletin))
    }

    @Test func emptyHeaderIsPrintedFromTheDateAndTheDefaults() throws {
        let bare = IssueModel(
            id: "i", date: "2024-09-05", weekday: "", yearLine: "", releaseLine: "",
            titleLines: [], subject: "", cadence: "", intro: "", editor: "Thanh Hồng",
            sections: [
                Section(
                    id: "s", title: "TIN TỨC",
                    articles: [
                        Article(id: "a", number: 1, title: "Bài một", paragraphs: ["Nội dung."])
                    ])
            ])
        let printed = BulletinExporter.export(bare, as: .bulletin)
        let reimported = try importWithCountingIDs(printed)
        #expect(reimported.date == "2024-09-05")
        #expect(reimported.weekday == "THỨ NĂM")
        #expect(reimported.yearLine == "Năm 2024")
        #expect(reimported.releaseLine == "Phát hành: 05/9/2024")
        #expect(reimported.titleLines == ["Bản tin", "Điểm báo"])
        #expect(reimported.subject == "CẢI CÁCH HÀNH CHÍNH")
        #expect(reimported.cadence == "")
        #expect(reimported.intro == "")
        #expect(reimported.articles.map(\.paragraphs) == [["Nội dung."]])
        #expect(reimported.sections.map(\.contentsPage) == [nil])
    }
}
