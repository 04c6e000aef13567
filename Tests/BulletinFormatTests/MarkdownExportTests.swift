import BulletinCore
import Testing

@testable import BulletinFormat

@Suite struct MarkdownExportTests {
    let markdown: String

    init() throws {
        markdown = BulletinExporter.export(try importWithCountingIDs(SampleFixture.text()), as: .markdown)
    }

    @Test func headingsForMastheadSectionsAndArticles() {
        let lines = markdown.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("# ") } == ["# Bản tin Điểm báo — CẢI CÁCH HÀNH CHÍNH"])
        #expect(
            lines.filter { $0.hasPrefix("## ") } == [
                "## Mục lục", "## CHỦ TRƯỞNG CẢI CÁCH",
                "## CẢI CÁCH ĐỊA PHƯƠNG", "## QUẢN LÝ HÀNH CHÍNH",
                "## PHÂN TÍCH – BÌNH LUẬN",
            ])
        #expect(lines.filter { $0.hasPrefix("### ") }.count == 10)
        #expect(
            lines.contains(
                "### 6. Long An: Thực hiện quả cải cách hành chính để tạo đột phá trong phát triển "
                    + "kinh tế"))
        #expect(lines.contains("**Năm 2024 · THỨ NĂM · Phát hành: 05/9/2024**"))
        #expect(lines.contains("*(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)*"))
        #expect(lines.last == "Biên tập viên **Thanh Hồng**")
    }

    @Test func numberedContentsLinkToArticleAnchors() {
        #expect(
            markdown.contains(
                """
                **[CHỦ TRƯỞNG CẢI CÁCH](#section-1)** — trang 1

                1. [Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính](#article-1) — trang 1
                2. [“Phủ sóng” toàn quốc cấp phiếu lý lịch tư pháp trên VneID](#article-2) — trang 2

                **[CẢI CÁCH ĐỊA PHƯƠNG](#section-2)** — trang 4

                3. [iHanoi đã tiếp nhận 5.700 phản ánh, kiến nghị](#article-3) — trang 4
                """))
        let targets = markdownLinkTargets(markdown)
        let anchors = htmlIDs(markdown)
        #expect(Set(anchors).count == anchors.count)
        #expect(Set(targets).isSubset(of: Set(anchors)))
        #expect(targets.filter { $0.hasPrefix("article-") } == (1...10).map { "article-\($0)" })
        #expect(targets.filter { $0 == "top" }.count == 10)
    }

    @Test func citationsInItalicsCloseTheLastParagraph() {
        #expect(markdown.contains("cơ quan Bộ Tư pháp... *(Baophapluat.vn 05/9, Lê Hồng)*\n\n[Về đầu trang](#top)"))
        #expect(markdown.matches(of: /\*\([^)]+ \d{2}\/9, [^)]+\)\*\n/).count == 10)
    }

    @Test func textIsEscapedNotInterpreted() {
        #expect(markdown.contains("tại địa chỉ: \\<http://chuyendoiso.lamdong.gov.vn\\>, OA Zalo"))
        #expect(markdown.contains("đã tiếp nhận 6.3322 hồ sơ"))
        let handmade = BulletinExporter.export(HandmadeIssue.make(), as: .markdown)
        #expect(handmade.contains("### 2. \\*Nổi bật\\* \\[mới\\] \\<b\\>đậm\\</b\\> \\& 'nháy'"))
        #expect(handmade.contains("\n\n1\\. Đoạn bắt đầu bằng số. *(Baophapluat.vn 05/9, Lê Hồng)*\n\n"))
        #expect(handmade.contains("\n\n\\# Không phải tiêu đề.\n\n"))
        #expect(handmade.contains("[Tiêu đề có \\| gạch đứng và \\\\ gạch chéo](#article-1)"))
        #expect(Set(markdownLinkTargets(handmade)).isSubset(of: Set(htmlIDs(handmade))))
    }
}
