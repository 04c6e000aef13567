import Testing

@testable import SyncProtocol

/// The byte scan behind ``ChangeValidator/isNFC(_:)`` agrees with the standard library's NFC check.
@Suite struct StoredTextFormTests {
    /// The standard library's answer: NFC and no carriage return.
    private func reference(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains("\r") else { return false }
        var span = text.utf8Span
        return span.checkForNFC(quickCheck: false)
    }

    @Test func everyScalarTheScanVouchesForIsNFCOnItsOwnAndAfterALetter() {
        // The scan answers "NFC" for text made only of these scalars without asking the standard library, so each
        // must be NFC alone and must not compose with what precedes it.
        let ranges: [ClosedRange<UInt32>] = [0x0000...0x02FF, 0x1E00...0x1EFF, 0x2002...0x206F]
        var checked = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar != "\r" else { continue }
                for text in [String(Character(scalar)), "a" + String(Character(scalar)), "ơ" + String(scalar)] {
                    #expect(StoredTextForm.holds(text) == reference(text), "U+\(String(value, radix: 16)) in \(text)")
                }
                checked += 1
            }
        }
        #expect(checked == 0x300 - 1 + 0x100 + 0x6E)
    }

    @Test(arguments: [
        "Điểm báo – Cải cách hành chính",
        "“Trích dẫn” … và ‘nháy đơn’ — gạch ngang",
        "a long ASCII run without accents, longer than sixteen bytes, then Việt",
        "a long ASCII run without accents, longer than sixteen bytes\r\n",
        "Biên tập viên Thanh Hồng",
        "Tiếng Việt có dấu: ă â đ ê ô ơ ư, ầ ẩ ẫ ấ ậ, ỳ ỷ ỹ ý ỵ",
        "Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t (NFD)",
        "a\u{0301}",
        "line one\r\nline two",
        "lone\rreturn",
        "Điểm\r",
        "\u{2000}em quad",
        "\u{0340}",
        "ἀ\u{1F71}",
        "한국어 \u{1100}\u{1161}",
        "日本語のテキスト",
        "emoji 👩🏽‍💻 and flags 🇻🇳",
        "",
    ])
    func agreesWithTheStandardLibrary(_ text: String) {
        #expect(StoredTextForm.holds(text) == reference(text))
        #expect(ChangeValidator.isNFC(text) == reference(text))
    }
}
