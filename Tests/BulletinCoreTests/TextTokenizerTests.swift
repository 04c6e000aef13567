import Foundation
import Testing

@testable import BulletinCore

@Suite struct TextTokenizerTests {
    private func texts(_ text: String) -> [String] {
        TextTokenizer.tokens(in: text).map(\.text)
    }

    @Test func wordsSpacesAndPunctuationAreSeparateTokens() {
        let tokens = TextTokenizer.tokens(in: "Hà Nội,  “điểm nghẽn” (VNeID)!")
        #expect(
            tokens.map(\.text) == [
                "Hà", " ", "Nội", ",", "  ", "“", "điểm", " ", "nghẽn", "”", " ", "(",
                "VNeID", ")", "!",
            ])
        #expect(
            tokens.map(\.kind) == [
                .word, .space, .word, .punctuation, .space, .punctuation, .word, .space,
                .word, .punctuation, .space, .punctuation, .word, .punctuation,
                .punctuation,
            ])
    }

    @Test func figuresDatesAndDomainsStayWholeWords() {
        #expect(
            texts("43.183 hồ sơ, chiếm 69,3%.") == [
                "43.183", " ", "hồ", " ", "sơ", ",", " ", "chiếm", " ",
                "69,3", "%", ".",
            ])
        #expect(
            texts("(Cand.com.vn 05/9, Covid-19)") == [
                "(", "Cand.com.vn", " ", "05/9", ",", " ", "Covid-19",
                ")",
            ])
        #expect(texts("kinh tế - xã hội") == ["kinh", " ", "tế", " ", "-", " ", "xã", " ", "hội"])
    }

    @Test func nfdAndNFCSpellingsGiveEqualNFCTokens() {
        let nfc = "Thừa Thiên Huế đã tiếp nhận 6.332 hồ sơ"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > nfc.unicodeScalars.count)
        let fromNFD = TextTokenizer.tokens(in: nfd)
        #expect(fromNFD == TextTokenizer.tokens(in: nfc))
        #expect(fromNFD.allSatisfy { $0.text.isNFC })
        #expect(fromNFD.map(\.text).joined().unicodeScalars.elementsEqual(nfc.unicodeScalars))
    }

    @Test func combiningMarksWithoutPrecomposedFormStayWithTheirLetter() {
        // x + combining circumflex + dot below has no precomposed form; it must stay one cluster in one word.
        let text = "ax\u{0323}\u{0302}b c"
        #expect(texts(text) == ["ax\u{0323}\u{0302}b", " ", "c"])
    }

    @Test func emptyAndWhitespaceOnlyTexts() {
        #expect(TextTokenizer.tokens(in: "").isEmpty)
        #expect(TextTokenizer.tokens(in: " \n\t") == [TextToken(kind: .space, text: " \n\t")])
    }

    @Test func randomVietnameseTextNeverSplitsAClusterOrStartsATokenWithAMark() {
        for seed in randomSeeds {
            var generator = SeededRandom(seed: seed)
            let paragraphs = RandomVietnamese.mixedForms(
                RandomVietnamese.text(RandomVietnamese.article(using: &generator)), using: &generator)
            for paragraph in paragraphs {
                let tokens = TextTokenizer.tokens(in: paragraph)
                let normalized = TextNormalization.normalize(paragraph)
                #expect(tokens.map(\.text).joined() == normalized, "seed \(seed)")
                #expect(tokens.allSatisfy { $0.text.unicodeScalars.first?.isCombiningMark == false }, "seed \(seed)")
                // Token boundaries are cluster boundaries: re-segmenting the joined text gives the same clusters.
                #expect(tokens.reduce(0) { $0 + $1.text.count } == normalized.count, "seed \(seed)")
                #expect(tokens.allSatisfy { $0.text.isNFC }, "seed \(seed)")
            }
        }
    }
}
