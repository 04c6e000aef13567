import BulletinCore
import Testing

@testable import BulletinFormat

/// Malformed inputs give a `BulletinImportError` with the right line and a clear message; nothing traps.
@Suite struct MalformedImportTests {
    @Test func textThatIsNotABulletin() throws {
        let error = try #require(importError("\nDear editor,\n\nplease find the report attached.\n"))
        #expect(error.line == 2)
        #expect(error.message.contains("Năm YYYY"))
        #expect(error.message.contains("is this a bulletin?"))
        #expect(error.description == "line 2: \(error.message)")
    }

    @Test func emptyText() throws {
        #expect(importError("")?.line == 1)
        #expect(importError("\n \r\n\t\n")?.line == 1)
    }

    @Test func missingWeekday() throws {
        let error = try #require(importError("Năm 2024\n\nPhát hành: 05/9/2024\n"))
        #expect(error.line == 3)
        #expect(error.message.contains("weekday"))
    }

    @Test func impossibleReleaseDate() throws {
        let text = MiniBulletin.oneSection(lastParagraphs: ["Hết. [Về đầu trang./.](#)"])
            .replacingOccurrences(of: "Phát hành: 05/9/2024", with: "Phát hành: 31/2/2024")
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: "Phát hành: 31/2/2024", in: text))
        #expect(error.message.contains("no real date"))
    }

    @Test func headerWithoutContentsTable() throws {
        let text = MiniBulletin.header.joined(separator: "\n\n") + "\n"
        let error = try #require(importError(text))
        #expect(error.line == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(error.message.contains("contents table"))
    }

    @Test func headerWithoutSubject() throws {
        let text = MiniBulletin.oneSection(lastParagraphs: ["Hết. [Về đầu trang./.](#)"])
            .replacingOccurrences(of: "CẢI CÁCH HÀNH CHÍNH\n", with: "Cải cách hành chính\n")
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: "Bản tin", in: text))
        #expect(error.message.contains("subject"))
    }

    @Test func noSections() throws {
        let text = MiniBulletin.text(contents: ["| TIN TỨC | 1 |"], body: [], editor: nil)
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: "| TIN TỨC | 1 |", in: text))
        #expect(error.message.contains("no sections"))
    }

    @Test func bodyThatStartsWithoutASectionHeading() throws {
        let text = MiniBulletin.text(
            contents: ["| TIN TỨC | 1 |", "| 1. Bài một..... | 1 |"],
            body: ["Bài một", "Nội dung. [Về đầu trang./.](#)"])
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: "Bài một", in: text))
        #expect(error.message.contains("expected a section heading"))
    }

    @Test func articleWithoutATitle() throws {
        let text = MiniBulletin.text(
            contents: ["| TIN TỨC | 1 |"],
            body: ["TIN TỨC", "Nội dung mà không có tiêu đề. [Về đầu trang./.](#)"])
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: "Nội dung mà không có tiêu đề. [Về đầu trang./.](#)", in: text))
        #expect(error.message.contains("article without a title"))
    }

    @Test func articleWithoutATitleDetectedByItsLongFirstParagraph() throws {
        let paragraph = String(repeating: "Một câu dài về cải cách hành chính ở địa phương. ", count: 5)
            .trimmingCharacters(in: .whitespaces)
        let text = MiniBulletin.text(
            contents: ["| TIN TỨC | 1 |"],
            body: [
                "TIN TỨC", "Bài một", "Nội dung. [Về đầu trang](#)",
                paragraph, "Nội dung. [Về đầu trang./.](#)",
            ])
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: paragraph, in: text))
        #expect(error.message.contains("article without a title"))
    }

    @Test func articleThatNeverEnds() throws {
        let text = MiniBulletin.text(
            contents: ["| TIN TỨC | 1 |", "| 1. Bài một..... | 1 |"],
            body: ["TIN TỨC", "Bài một", "Nội dung không có liên kết về đầu trang."])
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: "Bài một", in: text))
        #expect(error.message.contains("never ends"))
    }

    @Test func textAfterTheBackToTopLink() throws {
        let text = MiniBulletin.text(
            contents: ["| TIN TỨC | 1 |", "| 1. Bài một..... | 1 |"],
            body: ["TIN TỨC", "Bài một", "Nội dung. [Về đầu trang](#) thừa"])
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: "Nội dung. [Về đầu trang](#) thừa", in: text))
        #expect(error.message.contains("\"thừa\""))
    }

    @Test func contentsRowWithAPageThatIsNotANumber() throws {
        let text = MiniBulletin.text(
            contents: ["| TIN TỨC | một |"],
            body: ["TIN TỨC", "Bài một", "Nội dung. [Về đầu trang./.](#)"])
        let error = try #require(importError(text))
        #expect(error.line == lineNumber(of: "| TIN TỨC | một |", in: text))
        #expect(error.message.contains("page number"))
    }

    /// Every prefix of the sample either imports or fails with a line inside the text; none traps.
    @Test func everyTruncationOfTheSampleFailsCleanly() throws {
        let lines = try SampleFixture.text().split(separator: "\n", omittingEmptySubsequences: false)
        var complete: [Int] = []
        for count in 0..<lines.count {
            let text = lines.prefix(count).joined(separator: "\n")
            if let error = importError(text) {
                #expect((1...max(count, 1)).contains(error.line), "prefix of \(count) lines: \(error)")
            } else {
                complete.append(count)
            }
        }
        // Read off the sample: a prefix is a whole bulletin when it stops after a back-to-top link (lines 56, 78,
        // 96, 110, 130, 152, 168, 200, 218, 238) or after a section heading (38, 80, 170, 202: an empty
        // section), blank lines included.
        #expect(
            complete == [
                38, 39, 56, 57, 78, 79, 80, 81, 96, 97, 110, 111, 130, 131, 152, 153,
                168, 169, 170, 171, 200, 201, 202, 203, 218, 219, 238, 239,
            ])
    }

    /// Removing any single line of the sample never traps; errors point inside the text.
    @Test func everySingleLineDeletionIsHandled() throws {
        let lines = try SampleFixture.text().split(separator: "\n", omittingEmptySubsequences: false)
        for removed in lines.indices {
            var copy = lines
            copy.remove(at: removed)
            if let error = importError(copy.joined(separator: "\n")) {
                #expect((1...copy.count).contains(error.line), "without line \(removed + 1): \(error)")
                #expect(!error.message.contains("unexpected error type"))
            }
        }
    }
}
