import Foundation
import Testing

@testable import BulletinCore

@Suite struct DiacriticFoldingTests {
    @Test(arguments: [
        ("Cải cách hành chính", "cai cach hanh chinh"),
        ("đồng bộ", "dong bo"),
        ("Đồng Nai", "dong nai"),
        ("ĐỒNG", "dong"),
        ("Thừa Thiên Huế", "thua thien hue"),
        ("“Phủ sóng” toàn quốc", "“phu song” toan quoc"),
        ("ương ướt ươm", "uong uot uom"),
        ("iHanoi 5.700", "ihanoi 5.700"),
    ])
    func foldsVietnameseToPlainLowerCase(_ text: String, _ folded: String) {
        #expect(DiacriticFolding.fold(text) == folded)
    }

    @Test func nfdInputFoldsLikeNFC() {
        let nfd = "Ca\u{0309}i ca\u{0301}ch \u{0110}o\u{0302}\u{0300}ng"
        #expect(DiacriticFolding.fold(nfd) == "cai cach dong")
    }

    @Test func foldingCharacterByCharacterGivesTheSameResult() {
        // NFC and NFD Vietnamese, upper-case ASCII, scalars outside the table (Greek, İ) and a multi-scalar emoji.
        for text in [
            "Lâm Đồng: Đẩy mạnh ứng dụng, phát triển công nghệ thông tin",
            "Ca\u{0309}i ca\u{0301}ch \u{0110}o\u{0302}\u{0300}ng", "ÅNGSTRÖM Œuvre Ἀθῆναι İstanbul 👩‍👩‍👧 5.700",
        ] {
            var scalars = String.UnicodeScalarView()
            for character in text {
                DiacriticFolding.forEachFoldedScalar(of: character) { scalars.append($0) }
            }
            #expect(String(scalars) == DiacriticFolding.fold(text))
        }
    }

    @Test func marksInLowerCaseMappingsAreDropped() {
        #expect(DiacriticFolding.fold("İ") == "i")
    }
}

@Suite struct DiacriticFoldingTableTests {
    @Test func precomposedAndDecomposedLettersFoldAlike() {
        let ranges = [0xC0...0x24F, 0x1E00...0x1EFF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = String(scalar)
            #expect(
                DiacriticFolding.fold(text) == DiacriticFolding.fold(text.decomposedStringWithCanonicalMapping),
                "U+\(String(value, radix: 16))")
        }
    }

    @Test func lettersOutsideLatinFoldToo() {
        #expect(DiacriticFolding.fold("Ἀθῆναι") == "αθηναι")
        #expect(DiacriticFolding.fold("ÅNGSTRÖM Œuvre") == "angstrom œuvre")
    }
}

@Suite struct DiacriticFoldingTableEntryTests {
    @Test func everyTableEntryMatchesTheDefinition() {
        for block in DiacriticFoldingTable.blocks {
            for value in block.range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let expected = Array(DiacriticFolding.slowFold(scalar).unicodeScalars).map(\.value)
                let entry = block.folds[Int(value - block.range.lowerBound)]
                #expect(expected == (entry == 0 ? [] : [entry]), "U+\(String(value, radix: 16))")
            }
        }
    }
}
