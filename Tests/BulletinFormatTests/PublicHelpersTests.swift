import BulletinCore
import Testing

@testable import BulletinFormat

@Suite struct CitationTextTests {
    @Test func parsesWhatEditorsType() {
        #expect(
            CitationText.parse("Baophapluat.vn 05/9, Lê Hồng")
                == Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng"]))
        #expect(
            CitationText.parse("(Tuoitre.vn 05/9, Hoài Thu – Minh Quân)")
                == Citation(outlet: "Tuoitre.vn", date: "05/9", authors: ["Hoài Thu", "Minh Quân"]))
        #expect(
            CitationText.parse("  Vnexpress.net   05/9 ")
                == Citation(outlet: "Vnexpress.net", date: "05/9", authors: []))
        #expect(CitationText.parse("Chinhphu.vn, An") == Citation(outlet: "Chinhphu.vn", date: "", authors: ["An"]))
        // NFD input comes back in NFC.
        #expect(CitationText.parse("Nhandan.vn 05/9, Le\u{0302}\u{0300} Ho\u{0302}\u{0300}ng")?.authors == ["Lề Hồng"])
    }

    @Test func rejectsWhatIsNotACitation() {
        #expect(CitationText.parse("") == nil)
        #expect(CitationText.parse("Lê Hồng") == nil)
        #expect(CitationText.parse("từ 1/10/2024") == nil)
        #expect(CitationText.parse("Baophapluat.vn 05/9, 28/8") == nil)
    }

    @Test func formatIsWhatTheImporterReads() {
        let citations = [
            Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng"]),
            Citation(outlet: "Tuoitre.vn", date: "05/9", authors: ["Hoài Thu", "Minh Quân"]),
            Citation(outlet: "Báo Lâm Đồng", date: "04/9", authors: []),
            Citation(outlet: "Chinhphu.vn", date: "", authors: ["An"]),
        ]
        #expect(
            citations.map(CitationText.format) == [
                "(Baophapluat.vn 05/9, Lê Hồng)",
                "(Tuoitre.vn 05/9, Hoài Thu – Minh Quân)",
                "(Báo Lâm Đồng 04/9)", "(Chinhphu.vn, An)",
            ])
        #expect(citations.map { CitationText.parse(CitationText.format($0)) } == citations)
    }
}

@Suite struct IssueTemplateTests {
    @Test func mastheadDerivedFromTheDate() throws {
        let issue = try #require(IssueTemplate.make(id: "i", date: "2024-09-06", editor: "Thanh Hồng"))
        #expect(issue.weekday == "THỨ SÁU")
        #expect(issue.yearLine == "Năm 2024")
        #expect(issue.releaseLine == "Phát hành: 06/9/2024")
        #expect(issue.titleLines == ["Bản tin", "Điểm báo"])
        #expect(issue.subject == "CẢI CÁCH HÀNH CHÍNH")
        #expect(issue.cadence == "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)")
        #expect(issue.state == .draft)
        #expect(issue.sections.isEmpty)
        #expect(IssueTemplate.make(id: "i", date: "2024-12-15")?.releaseLine == "Phát hành: 15/12/2024")
        #expect(IssueTemplate.make(id: "i", date: "2024-12-15")?.weekday == "CHỦ NHẬT")
    }

    @Test func rejectsDatesThatDoNotExist() {
        #expect(IssueTemplate.make(id: "i", date: "2023-02-29") == nil)
        #expect(IssueTemplate.make(id: "i", date: "05/9/2024") == nil)
        #expect(IssueTemplate.make(id: "i", date: "2024-13-01") == nil)
        #expect(IssueTemplate.make(id: "i", date: "2024-02-29")?.weekday == "THỨ NĂM")
    }

    @Test func newIssueWithOneArticleRoundTrips() throws {
        var issue = try #require(IssueTemplate.make(id: "i", date: "2024-09-09", editor: "Thanh Hồng"))
        issue.sections = [
            Section(
                id: "s", title: "TIN TỨC",
                articles: [
                    Article(
                        id: "a", number: 1, title: "Bài một", paragraphs: ["Nội dung."],
                        source: Citation(outlet: "Nhandan.vn", date: "09/9", authors: ["Bình"]))
                ])
        ]
        let reimported = try importWithCountingIDs(BulletinExporter.export(issue, as: .bulletin))
        #expect(printable(reimported) == printable(issue))
    }
}
