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
