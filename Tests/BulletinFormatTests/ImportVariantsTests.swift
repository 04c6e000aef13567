import BulletinCore
import Foundation
import Testing

@testable import BulletinFormat

/// Inputs that differ from the sample the ways real bulletins do.
@Suite struct ImportVariantsTests {
    @Test func nfdInputImportsToTheIdenticalIssue() throws {
        let sample = try SampleFixture.text()
        let nfd = sample.decomposedStringWithCanonicalMapping
        try #require(Array(nfd.unicodeScalars) != Array(sample.unicodeScalars))
        #expect(try importWithCountingIDs(nfd) == importWithCountingIDs(sample))
    }

    @Test func crlfInputImportsToTheIdenticalIssue() throws {
        let sample = try SampleFixture.text()
        let crlf = sample.replacingOccurrences(of: "\n", with: "\r\n")
        try #require(crlf.utf8.count == sample.utf8.count + sample.filter { $0 == "\n" }.count)
        #expect(try importWithCountingIDs(crlf) == importWithCountingIDs(sample))
    }

    @Test func nfdWithCRLFAndByteOrderMarkImportsToTheIdenticalIssue() throws {
        let sample = try SampleFixture.text()
        let messy =
            "\u{FEFF}"
            + sample.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try importWithCountingIDs(messy) == importWithCountingIDs(sample))
    }

    @Test func citationsWithNoneOneOrSeveralAuthors() throws {
        let text = MiniBulletin.oneSection(lastParagraphs: [
            "Kết thúc. (Vnexpress.net 05/9) [Về đầu trang](#)",
            "Kết thúc. (Tuoitre.vn 05/9, Hoài Thu – Minh Quân) [Về đầu trang](#)",
            "Kết thúc. (Báo Lâm Đồng 04/9, An; Bình & Chi và Dũng - Em) [Về đầu trang](#)",
            "Kết thúc. (Thanhnien.vn, 05/9/2024: Hà—Lan)[Về đầu trang](#)",
            "Kết thúc. (Chinhphu.vn, Minh Anh) [Về đầu trang](#)",
            "Kết thúc không nguồn. [Về đầu trang](#)",
            "Kết thúc từ 1/10 (từ 1/10/2024) [Về đầu trang./.](#)",
        ])
        let issue = try importWithCountingIDs(text)
        #expect(
            issue.articles.map(\.source) == [
                Citation(outlet: "Vnexpress.net", date: "05/9", authors: []),
                Citation(outlet: "Tuoitre.vn", date: "05/9", authors: ["Hoài Thu", "Minh Quân"]),
                Citation(outlet: "Báo Lâm Đồng", date: "04/9", authors: ["An", "Bình", "Chi", "Dũng", "Em"]),
                Citation(outlet: "Thanhnien.vn", date: "05/9/2024", authors: ["Hà", "Lan"]),
                Citation(outlet: "Chinhphu.vn", date: "", authors: ["Minh Anh"]),
                nil,
                nil,
            ])
        #expect(
            issue.articles.map { $0.paragraphs.last } == [
                "Kết thúc.", "Kết thúc.", "Kết thúc.", "Kết thúc.", "Kết thúc.", "Kết thúc không nguồn.",
                "Kết thúc từ 1/10 (từ 1/10/2024)",
            ])
    }

    @Test func citationOnItsOwnLineBeforeTheLink() throws {
        let text = MiniBulletin.oneSection(lastParagraphs: [
            "Kết thúc.\n\n(Baophapluat.vn 05/9, Lê Hồng)\n\n"
                + "[Về đầu trang./.](#)"
        ])
        let article = try #require(try importWithCountingIDs(text).articles.first)
        #expect(article.source == Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng"]))
        #expect(article.paragraphs == ["Đoạn mở đầu của bài 1.", "Kết thúc."])
    }

    @Test func contentsRowsWithAndWithoutDotLeaders() throws {
        let contents = [
            "| CHỦ TRƯỞNG CẢI CÁCH | 1 |",
            "| 1. Bài có dấu chấm dẫn..... | 1 |",
            "| 2. Bài không dấu chấm dẫn | 2 |",
            "| 3. Bài có dấu ba chấm… | 3 |",
            "| CẢI CÁCH ĐỊA PHƯƠNG . . . . . | 4 |",
            "| 4. Bài có dấu chấm lửng……… | 4 |",
        ]
        let body = [
            "CHỦ TRƯỞNG CẢI CÁCH",
            "Bài có dấu chấm dẫn", "Nội dung. [Về đầu trang](#)",
            "Bài không dấu chấm dẫn", "Nội dung. [Về đầu trang](#)",
            "Bài có dấu ba chấm…", "Nội dung. [Về đầu trang](#)",
            "CẢI CÁCH ĐỊA PHƯƠNG",
            "Bài có dấu chấm lửng", "Nội dung. [Về đầu trang./.](#)",
        ]
        let issue = try importWithCountingIDs(MiniBulletin.text(contents: contents, body: body))
        #expect(issue.sections.map(\.contentsPage) == [1, 4])
        #expect(issue.articles.map(\.contentsPage) == [1, 2, 3, 4])
        #expect(issue.articles.flatMap(\.annotations).isEmpty)
    }

    @Test func plainContentsLinesWithDotLeaders() throws {
        let text =
            MiniBulletin.header.joined(separator: "\n\n") + "\n\n" + """
                CHỦ TRƯỞNG CẢI CÁCH ........ 1
                1. Bài một ........ 1
                2. Bài hai …… 3

                CHỦ TRƯỞNG CẢI CÁCH

                Bài một

                Nội dung. [Về đầu trang](#)

                Bài hai

                Nội dung. [Về đầu trang./.](#)
                """
        let issue = try importWithCountingIDs(text)
        #expect(issue.sections.map(\.title) == ["CHỦ TRƯỞNG CẢI CÁCH"])
        #expect(issue.sections.map(\.contentsPage) == [1])
        #expect(issue.articles.map(\.title) == ["Bài một", "Bài hai"])
        #expect(issue.articles.map(\.contentsPage) == [1, 3])
        #expect(issue.editor == "")
    }

    @Test func sectionTitleDisagreementGoesOnTheSectionsFirstArticle() throws {
        let text = MiniBulletin.text(
            contents: ["| CHỦ TRƯƠNG CẢI CÁCH | 1 |", "| 1. Bài một..... | 1 |", "| 2. Bài hai..... | 2 |"],
            body: [
                "CHỦ TRƯỞNG CẢI CÁCH", "Bài một", "Nội dung. [Về đầu trang](#)",
                "Bài hai", "Nội dung. [Về đầu trang./.](#)",
            ])
        let issue = try importWithCountingIDs(text)
        #expect(issue.sections.map(\.title) == ["CHỦ TRƯỞNG CẢI CÁCH"])
        #expect(
            issue.articles.map { $0.annotations.map(\.text) }
                == [["contents: CHỦ TRƯƠNG CẢI CÁCH / heading: CHỦ TRƯỞNG CẢI CÁCH"], []])
    }

    @Test func articleMissingFromTheContents() throws {
        let text = MiniBulletin.text(
            contents: [
                "| TIN TỨC | 1 |", "| 1. Hà Nội cải cách thủ tục..... | 1 |",
                "| 2. Đà Nẵng số hóa hồ sơ..... | 3 |",
            ],
            body: [
                "TIN TỨC", "Hà Nội cải cách thủ tục", "Nội dung. [Về đầu trang](#)",
                "Bài chen giữa", "Nội dung. [Về đầu trang](#)",
                "Đà Nẵng số hóa hồ sơ", "Nội dung. [Về đầu trang./.](#)",
            ])
        let issue = try importWithCountingIDs(text)
        #expect(issue.articles.map(\.contentsPage) == [1, nil, 3])
        #expect(issue.articles.map(\.number) == [1, 2, 3])
        #expect(
            issue.articles.map { $0.annotations.map(\.text) }
                == [[], ["contents: (not listed) / heading: Bài chen giữa"], []])
    }

    @Test func contentsEntryWithNoArticleInTheBody() throws {
        let text = MiniBulletin.text(
            contents: [
                "| TIN TỨC | 1 |", "| 1. Hà Nội cải cách thủ tục..... | 1 |",
                "| 2. Bài đã bị rút..... | 2 |", "| 3. Đà Nẵng số hóa hồ sơ..... | 3 |",
            ],
            body: [
                "TIN TỨC", "Hà Nội cải cách thủ tục", "Nội dung. [Về đầu trang](#)",
                "Đà Nẵng số hóa hồ sơ", "Nội dung. [Về đầu trang./.](#)",
            ])
        let issue = try importWithCountingIDs(text)
        #expect(issue.articles.map(\.contentsPage) == [1, 3])
        #expect(
            issue.articles.map { $0.annotations.map(\.text) }
                == [[], ["contents: Bài đã bị rút / heading: (no such article)"]])
    }

    @Test func sectionHeadingThatIsNotInCapitalsButListedInTheContents() throws {
        let text = MiniBulletin.text(
            contents: ["| Tin vắn | 1 |", "| 1. BẢN TIN COVID-19..... | 1 |"],
            body: ["Tin vắn", "BẢN TIN COVID-19", "Nội dung. [Về đầu trang./.](#)"])
        let issue = try importWithCountingIDs(text)
        #expect(issue.sections.map(\.title) == ["Tin vắn"])
        #expect(issue.articles.map(\.title) == ["BẢN TIN COVID-19"])
    }

    @Test func emptySectionIsKept() throws {
        let text = MiniBulletin.text(
            contents: ["| TIN TỨC | 1 |", "| PHÂN TÍCH – BÌNH LUẬN | 2 |", "| 1. Bài một..... | 2 |"],
            body: ["TIN TỨC", "PHÂN TÍCH – BÌNH LUẬN", "Bài một", "Nội dung. [Về đầu trang./.](#)"])
        let issue = try importWithCountingIDs(text)
        #expect(issue.sections.map(\.articles.count) == [0, 1])
        #expect(issue.sections.map(\.contentsPage) == [1, 2])
    }
}

/// The page-break rule on its own (see `PageBreakJoiner`).
@Suite struct PageBreakJoinerTests {
    @Test func joinsWhenTheFirstPieceStopsMidSentenceAndTheSecondContinuesIt() {
        #expect(
            PageBreakJoiner.join(["…đến địa phương. Công", "tác cải cách hành chính…"])
                == ["…đến địa phương. Công tác cải cách hành chính…"])
        #expect(
            PageBreakJoiner.join(["…trên nền tảng IPv6,", "chúng nhận tín nhiệm mạng."])
                == ["…trên nền tảng IPv6, chúng nhận tín nhiệm mạng."])
        #expect(
            PageBreakJoiner.join(["…kho dữ liệu kết quả", "TTHC số. Hiện nay…"])
                == ["…kho dữ liệu kết quả TTHC số. Hiện nay…"])
        #expect(PageBreakJoiner.join(["Một", "hai", "ba."]) == ["Một hai ba."])
    }

    @Test func keepsParagraphsThatEndOrStartASentence() {
        let ended = ["Câu kết thúc.", "tiếp theo viết thường"]
        #expect(PageBreakJoiner.join(ended) == ended)
        let quoted = ["Ông nói: \"Đúng vậy.\"", "sau đó"]
        #expect(PageBreakJoiner.join(quoted) == quoted)
        let colon = ["Gồm các nội dung sau:", "thứ nhất, …"]
        #expect(PageBreakJoiner.join(colon) == colon)
        let capitalised = ["Tiêu đề phụ không dấu chấm", "Theo báo cáo, …"]
        #expect(PageBreakJoiner.join(capitalised) == capitalised)
        let number = ["Danh sách các đơn vị", "100% xã có điểm bưu chính."]
        #expect(PageBreakJoiner.join(number) == number)
        let singleCapital = ["…đem lại", "A là chữ cái đầu."]
        #expect(PageBreakJoiner.join(singleCapital) == singleCapital)
    }
}
