/// Re-joins paragraphs that the paginated source split at a page break.
///
/// The rule, read off the sample (six splits, no false ones): two consecutive paragraph lines are one paragraph
/// when the first does not end a sentence and the second does not start one:
/// - the first ends without terminal punctuation (`.` `!` `?` `…` `:` `;`, ignoring closing quotes and brackets):
///   "…từ Trung ương đến địa phương. Công", "…nền tảng IPv6,";
/// - the second starts with a lower-case letter ("tác cải cách…", "tiện ích…", "chúng nhận…", "tuyển; việc…")
///   or with a word in capitals of two or more letters, an acronym ("TTHC số. Hiện nay…" after "…kho dữ liệu
///   kết quả").
/// A paragraph starting with a capitalised word or a digit is kept separate: after an unpunctuated line that is
/// as likely a new item as a continuation. The pieces are joined with one space.
/// Limitation: an edited issue with a paragraph that really ends without punctuation before one starting in lower
/// case is joined the same way when re-imported — the printed format cannot tell the two apart.
enum PageBreakJoiner {
    /// `lines` with page-break splits joined.
    static func join(_ lines: [String]) -> [String] {
        var paragraphs: [String] = []
        for line in lines {
            if let last = paragraphs.last, endsMidSentence(last), startsMidSentence(line) {
                paragraphs[paragraphs.count - 1] = last + " " + line
            } else {
                paragraphs.append(line)
            }
        }
        return paragraphs
    }

    /// Whether `text` stops without terminal punctuation.
    static func endsMidSentence(_ text: String) -> Bool {
        let closers: Set<Character> = ["”", "\"", "’", "'", ")", "]", "»"]
        let terminal: Set<Character> = [".", "!", "?", "…", ":", ";"]
        guard let last = text.reversed().first(where: { !closers.contains($0) && !$0.isWhitespace }) else {
            return false
        }
        return !terminal.contains(last)
    }

    /// Whether `text` continues a sentence: it starts in lower case or with an acronym.
    static func startsMidSentence(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if first.isLowercase { return true }
        let word = text.prefix { $0.isLetter }
        return word.count >= 2 && word.allSatisfy(\.isUppercase)
    }
}
