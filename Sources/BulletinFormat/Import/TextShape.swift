/// Small judgements about the shape of a line of text that several parsers share.
enum TextShape {
    /// Whether `text` has letters and none of them is lower case ("CHỦ TRƯỞNG CẢI CÁCH", "PHÂN TÍCH – BÌNH LUẬN").
    static func isCapitals(_ text: String) -> Bool {
        var hasLetter = false
        for character in text {
            if character.isLowercase { return false }
            if character.isLetter { hasLetter = true }
        }
        return hasLetter
    }

    /// `text` with every run of white space turned into one space and the ends trimmed; used to compare titles.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The form in which a contents title and a body heading are compared: spacing collapsed and trailing dot
    /// leaders removed from both, so that a heading ending in "..." still matches its contents row.
    static func titleKey(_ text: String) -> String {
        collapsingWhitespace(ContentsParser.strippingDotLeaders(text))
    }

    /// `text` on one line: line breaks inside a paragraph become spaces (the printed format is one line per block).
    static func oneLine(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "\n")) ? collapsingWhitespace(text) : text
    }

    /// `text` without leading and trailing white space. The standard library's `Character.isWhitespace` is used
    /// instead of Foundation's `trimmingCharacters(in:)`, which is several times slower on Linux.
    static func trimmed<Text: StringProtocol>(_ text: Text) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}

extension Character {
    /// Whether the character is one of the ASCII digits 0–9 (dates and page numbers are written with them).
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
