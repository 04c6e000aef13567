import BulletinCore
import Testing

@testable import BulletinFormat

@Suite struct HTMLExportTests {
    let html: String

    init() throws {
        html = BulletinExporter.export(try importWithCountingIDs(SampleFixture.text()), as: .html)
    }

    @Test func selfContainedUTF8VietnamesePage() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(html.contains("<title>Bản tin Điểm báo – CẢI CÁCH HÀNH CHÍNH – Phát hành: 05/9/2024</title>"))
    }

    @Test func everyContentsLinkHasItsAnchor() {
        let targets = htmlLinkTargets(html)
        let ids = htmlIDs(html)
        #expect(Set(ids).count == ids.count)
        #expect(Set(targets).isSubset(of: Set(ids)))
        #expect(targets.filter { $0.hasPrefix("article-") } == (1...10).map { "article-\($0)" })
        #expect(targets.filter { $0.hasPrefix("section-") } == (1...4).map { "section-\($0)" })
        #expect(
            html.contains(
                "<a href=\"#article-6\">6. Long An: Thực hiện quả cải cách hành chính để tạo đột phá "
                    + "trong phát triển kinh tế</a></td><td class=\"page\">7</td>"))
    }

    @Test func backToTopLinksWork() {
        #expect(htmlLinkTargets(html).filter { $0 == "top" }.count == 10)
        #expect(htmlIDs(html).contains("top"))
    }

    @Test func structureMatchesTheIssue() {
        #expect(html.matches(of: /<section class="section" id="section-\d+">/).count == 4)
        #expect(html.matches(of: /<\/section>/).count == 4)
        #expect(html.matches(of: /<article id="article-\d+">/).count == 10)
        #expect(html.matches(of: /<\/article>/).count == 10)
        #expect(html.contains("<h2>PHÂN TÍCH – BÌNH LUẬN</h2>"))
        #expect(html.contains("<h3>“Trái ngọt” từ chủ trương chuyển đổi số</h3>"))
        #expect(
            html.contains(
                "bố trí diện tích làm việc của các đơn vị tại trụ sở cơ quan Bộ Tư pháp... "
                    + "<cite class=\"source\">(Baophapluat.vn 05/9, Lê Hồng)</cite></p>"))
        #expect(html.contains("<footer class=\"editor\"><p>Biên tập viên <strong>Thanh Hồng</strong></p></footer>"))
        #expect(html.contains("đã tiếp nhận 6.3322 hồ sơ"))
    }

    @Test func printStylesheet() {
        #expect(html.contains("@media print"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("nav.contents { break-after: page; page-break-after: always; }"))
        #expect(html.contains("section.section + section.section { break-before: page; page-break-before: always; }"))
    }

    @Test func textIsEscaped() throws {
        // The sample itself has an autolink in angle brackets and straight quotes.
        #expect(html.contains("tại địa chỉ: &lt;http://chuyendoiso.lamdong.gov.vn&gt;, OA Zalo"))
        #expect(html.contains("đánh giá &quot;hài lòng và chấp nhận&quot;"))

        let handmade = BulletinExporter.export(HandmadeIssue.make(), as: .html)
        #expect(handmade.contains("<h3>*Nổi bật* [mới] &lt;b&gt;đậm&lt;/b&gt; &amp; &#39;nháy&#39;</h3>"))
        #expect(!handmade.contains("<b>"))
        // Empty sections and articles without paragraphs still give valid, linked markup.
        #expect(Set(htmlLinkTargets(handmade)).isSubset(of: Set(htmlIDs(handmade))))
        #expect(
            handmade.contains(
                "<article id=\"article-6\">\n<h3>Chỉ có nguồn</h3>\n"
                    + "<p><cite class=\"source\">(Nhandan.vn 05/9, Bình)</cite></p>"))
        #expect(!handmade.contains("<footer"))
    }
}
