import BulletinCore
import Foundation
import Testing

@testable import BulletinFormat

/// Import of the real bulletin of 2024-09-05; every expected value below was read off the sample by hand.
@Suite struct SampleImportTests {
    let issue: IssueModel

    init() throws {
        issue = try importWithCountingIDs(SampleFixture.text())
    }

    @Test func headerFields() {
        #expect(issue.date == "2024-09-05")
        #expect(issue.weekday == "THỨ NĂM")
        #expect(issue.yearLine == "Năm 2024")
        #expect(issue.releaseLine == "Phát hành: 05/9/2024")
        #expect(issue.titleLines == ["Bản tin", "Điểm báo"])
        #expect(issue.subject == "CẢI CÁCH HÀNH CHÍNH")
        #expect(issue.cadence == "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)")
        #expect(issue.intro == "Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:")
        #expect(issue.editor == "Thanh Hồng")
        #expect(issue.state == .draft)
        #expect(issue.publication == "Điểm báo – Cải cách hành chính")
    }

    @Test func sectionsInOrderWithTheirPages() {
        #expect(
            issue.sections.map(\.title)
                == ["CHỦ TRƯỞNG CẢI CÁCH", "CẢI CÁCH ĐỊA PHƯƠNG", "QUẢN LÝ HÀNH CHÍNH", "PHÂN TÍCH – BÌNH LUẬN"])
        #expect(issue.sections.map(\.contentsPage) == [1, 4, 10, 11])
        #expect(issue.sections.map(\.articles.count) == [2, 5, 1, 2])
    }

    @Test func articlesTitledByTheBodyHeadingsAndNumberedInContentsOrder() {
        #expect(
            issue.articles.map(\.title) == [
                "Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính",
                "“Phủ sóng” toàn quốc cấp phiếu lý lịch tư pháp trên VneID",
                "iHanoi đã tiếp nhận 5.700 phản ánh, kiến nghị",
                "Bắc Giang: Hơn 129 nghìn người dân góp ý về chính quyền thân thiện",
                "Lâm Đồng: Đẩy mạnh ứng dụng, phát triển công nghệ thông tin, chuyển đổi số",
                "Long An: Thực hiện quả cải cách hành chính để tạo đột phá trong phát triển kinh tế",
                "Cần Thơ: Gắn kết chuyển đổi số với cải cách hành chính",
                "Cán bộ ngồi 1 vị trí lâu sẽ khó có đổi mới, Hà Nội luân chuyển là cần thiết",
                "Tạo môi trường công khai, minh bạch",
                "“Trái ngọt” từ chủ trương chuyển đổi số",
            ])
        #expect(issue.articles.map(\.number) == Array(1...10))
        #expect(issue.articles.map(\.contentsPage) == [1, 2, 4, 5, 5, 7, 8, 10, 11, 12])
        // Paragraph lines per article in the file, minus one per page-break join (6 joins in all).
        #expect(issue.articles.map(\.paragraphs.count) == [7, 9, 7, 6, 8, 10, 6, 14, 6, 8])
    }

    @Test func everyCitationParsed() {
        let expected: [(String, String, [String])] = [
            ("Baophapluat.vn", "05/9", ["Lê Hồng"]), ("Cand.com.vn", "05/9", ["Hoàng Phong"]),
            ("Baoquocte.vn", "04/9", ["Việt An"]), ("Baobacgiang.com.vn", "04/9", ["Vân Anh"]),
            ("Baolamdong.vn", "04/9", ["Hồng Vĩnh"]), ("Nhandan.vn", "05/9", ["Thanh Phong"]),
            ("Daibieunhandan.vn", "05/9", ["Vũ Châu"]), ("Giaoduc.net.vn", "04/9", ["Trung Dũng"]),
            ("Hanoimoi.com.vn", "05/9", ["Gia Khánh"]), ("Baophapluat.vn", "05/9", ["Minh Khang"]),
        ]
        #expect(
            issue.articles.map(\.source)
                == expected.map { Citation(outlet: $0.0, date: $0.1, authors: $0.2) })
    }

    @Test func paragraphsAsWrittenWithPageBreaksJoined() throws {
        // Guard the indexing below: a wrong count fails here instead of trapping.
        try #require(issue.articles.map(\.paragraphs.count) == [7, 9, 7, 6, 8, 10, 6, 14, 6, 8])
        let first = try #require(issue.articles.first)
        #expect(
            first.paragraphs[0] == """
                Đây là đề nghị của Bộ trưởng Nguyễn Hải Ninh tại buổi làm việc với Văn \
                phòng Bộ Tư pháp về công tác văn phòng. Thứ trưởng Nguyễn Thanh Tịnh cùng dự buổi làm việc.
                """)
        // Split at a page break after "Công": joined with one space.
        #expect(
            first.paragraphs[2].hasSuffix(
                """
                từ Trung ương đến địa phương. Công tác cải cách hành chính, kiểm \
                soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và ứng dụng hệ thống quản \
                lý chất lượng ISO trong hoạt động cơ quan Bộ Tư pháp, tham mưu triển khai thực hiện Đề án 06, \
                quản lý báo chí, truyền thông, lễ tân, đối ngoại, văn thư, lưu trữ của Bộ Tư pháp được tham mưu \
                thực hiện bài bản, hiệu quả. Công tác quản lý cơ sở vật chất, tài sản, kinh phí hoạt động, bảo \
                đảm phương tiện, điều kiện làm việc, bảo đảm an ninh trật tự phục vụ chung cho hoạt động của Bộ \
                được thực hiện nề nếp, góp phần phục vụ tốt việc thực hiện nhiệm vụ của Lãnh đạo Bộ, nhiệm vụ \
                chuyên môn của các đơn vị thuộc Bộ.
                """))
        #expect(first.paragraphs[2].hasPrefix("Công tác tham mưu, giúp Bộ trưởng lãnh đạo, chỉ đạo, điều hành"))
        // The last paragraph loses its citation and the back-to-top link.
        #expect(
            first.paragraphs[6].hasSuffix(
                """
                bố trí diện tích làm việc của các đơn vị tại trụ sở cơ quan Bộ Tư \
                pháp...
                """))

        // A page break before an acronym: "…kho dữ liệu kết quả" / "TTHC số. Hiện nay…".
        let last = try #require(issue.articles.last)
        #expect(
            last.paragraphs[1] == """
                Lấy ví dụ như tại Đà Nẵng, đến tháng 7/2024, tỷ lệ dịch vụ công trực \
                tuyến toàn trình của TP đạt 95%. Tỷ lệ số hóa, cấp kết quả thủ tục hành chính (TTHC) số đạt 64%. \
                Tính đến nay, có gần 260.000 người dân trưởng thành có tài khoản công dân số, đạt tỷ lệ khoảng \
                50%. TP giảm TTHC đáng kể nhờ kho dữ liệu cá nhân, kho dữ liệu kết quả TTHC số. Hiện nay, TP \
                đang sử dụng kết quả giải quyết TTHC đã cấp trước đó để giảm 180 TTHC cấp lại, chiếm 10% tổng \
                TTHC của TP.
                """)
        #expect(last.paragraphs[7].hasSuffix("ngày càng lan tỏa và đi sâu vào cuộc sống."))

        // A page break after a comma: "…nền tảng IPv6," / "chúng nhận tín nhiệm mạng…".
        let lamDong = issue.articles[4]
        #expect(lamDong.paragraphs[6].contains("hoạt động trên nền tảng IPv6, chúng nhận tín nhiệm mạng do Cục"))
        // No space between the citation and the link in the file: the paragraph still ends cleanly.
        #expect(lamDong.paragraphs[7].hasSuffix("đảm bảo kết nối hệ thống hội nghị truyền hình trực tuyến 4 cấp..."))

        // A paragraph that was not split stays as it was, quote marks included.
        #expect(
            issue.articles[7].paragraphs[4] == """
                Với cơ quan quản lý cấp trên, thông qua những đợt luân chuyển \
                như vậy mới có thể nhìn thấy được thế mạnh của từng người và lựa chọn để gửi gắm họ vào những vị \
                trí, khu vực làm việc khác phù hợp hơn".
                """)
    }

    @Test func typosKeptAsWritten() throws {
        try #require(issue.sections.count == 4 && issue.articles.count == 10)
        #expect(issue.sections[0].title == "CHỦ TRƯỞNG CẢI CÁCH")
        #expect(issue.articles[1].paragraphs[1].contains("đã tiếp nhận 6.3322 hồ sơ"))
    }

    @Test func contentsDisagreementBecomesOneFactCheck() throws {
        try #require(issue.articles.count == 10)
        let annotations = issue.articles.flatMap(\.annotations)
        #expect(annotations.count == 1)
        let note = try #require(annotations.first)
        let longAn = issue.articles[5]
        #expect(longAn.annotations == [note])
        #expect(note.articleID == longAn.id)
        #expect(note.kind == .factCheck)
        #expect(
            note.text == """
                contents: Long An: Thực hiện quả cải cách hành chính đề tạo đột phá trong phát triển \
                kinh tế / heading: Long An: Thực hiện quả cải cách hành chính để tạo đột phá trong phát triển \
                kinh tế
                """)
        #expect(note.author == "import")
        #expect(note.createdAt == importTime)
        #expect(note.resolved == false)
        #expect(note.paragraph == nil)
    }

    @Test func idsComeFromMakeIDAndAreDistinct() {
        let ids =
            [issue.id] + issue.sections.map(\.id) + issue.articles.map(\.id)
            + issue.articles.flatMap(\.annotations).map(\.id)
        #expect(ids.count == 1 + 4 + 10 + 1)
        #expect(Set(ids).count == ids.count)
        #expect(issue.id == "id-1")
    }

    @Test func defaultIDsAreLowercaseUUIDs() throws {
        let imported = try BulletinImporter.parse(SampleFixture.text(), annotationAuthor: "lan", now: importTime)
        #expect(UUID(uuidString: imported.id) != nil)
        #expect(imported.id == imported.id.lowercased())
        #expect(imported.articles.flatMap(\.annotations).map(\.author) == ["lan"])
    }

    @Test(.enabled(if: SampleFixture.sharedExists))
    func fixtureIsTheSharedSample() throws {
        let fixture = try String(contentsOf: SampleFixture.fixtureURL, encoding: .utf8)
        let shared = try String(contentsOf: SampleFixture.sharedURL, encoding: .utf8)
        #expect(fixture == shared)
    }
}
