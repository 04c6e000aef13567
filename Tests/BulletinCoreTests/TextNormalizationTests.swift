import Testing

@testable import BulletinCore

@Suite struct TextNormalizationTests {
    @Test func nfdAndCRLFBecomeNFCWithNewlines() {
        let nfd = "Ca\u{0309}i ca\u{0301}ch\r\nha\u{0300}nh chi\u{0301}nh\r"
        let normalized = TextNormalization.normalize(nfd)
        #expect(normalized == "Cải cách\nhành chính\n")
        #expect(normalized.unicodeScalars.count == "Cải cách\nhành chính\n".unicodeScalars.count)
    }
}

@Suite struct TextNormalizationFastPathTests {
    @Test func nfdWithoutCarriageReturnsIsStillComposed() {
        let nfd = "Đe\u{0302}\u{0300} a\u{0301}n 06"
        #expect(TextNormalization.normalize(nfd).unicodeScalars.elementsEqual("Đề án 06".unicodeScalars))
    }

    @Test func cleanTextComesBackUnchanged() {
        let clean = "Biên tập viên Thanh Hồng\nPhát hành: 05/9/2024"
        #expect(TextNormalization.normalize(clean).unicodeScalars.elementsEqual(clean.unicodeScalars))
    }
}
