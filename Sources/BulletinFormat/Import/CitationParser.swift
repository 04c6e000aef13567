import BulletinCore

/// Reads the source citation that closes an article's last paragraph: "(Baophapluat.vn 05/9, Lê Hồng)".
///
/// Accepted shapes, inside the final parentheses:
/// - `Outlet D/M[/YYYY]` then optionally authors after a comma, semicolon, colon or dash;
/// - `outlet.domain` with no date, optionally followed by `, authors`.
/// Authors are split on `–`, `—`, ` - `, `,`, `;`, `&` and ` và ` ("Hoài Thu – Minh Quân" → two authors).
/// The outlet must be capitalised or a domain, and authors hold no digits; parentheses that fail these tests are
/// part of the paragraph, not a citation.
enum CitationParser {
    /// The citation closing `text`, and the text before it (trimmed).
    static func split(_ text: String) -> (body: String, citation: Citation)? {
        guard text.hasSuffix(")"), let open = openingParenthesis(closingAtEndOf: text) else { return nil }
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard let citation = parse(TextShape.collapsingWhitespace(String(inner))) else { return nil }
        return (TextShape.trimmed(text[..<open]), citation)
    }

    /// Parses the inside of the parentheses (white space already collapsed).
    static func parse(_ inner: String) -> Citation? {
        datedCitation(inner) ?? undatedCitation(inner)
    }

    /// `Outlet[,] D/M[/YYYY][sep authors]`: the first date in the text ends the outlet; a separator follows it.
    private static func datedCitation(_ inner: String) -> Citation? {
        let characters = Array(inner)
        guard
            let start = characters.indices.first(where: { index in
                index > 0 && (characters[index - 1] == " " || characters[index - 1] == ",")
                    && dateEnd(in: characters, from: index) != nil
            }), let end = dateEnd(in: characters, from: start)
        else { return nil }
        var outletEnd = start
        while outletEnd > 0, characters[outletEnd - 1] == " " || characters[outletEnd - 1] == "," {
            outletEnd -= 1
        }
        let outlet = String(characters[..<outletEnd])
        guard !outlet.contains(where: { $0 == "," }), looksLikeOutlet(outlet) else { return nil }
        let rest = characters[end...]
        if let first = rest.first, !authorLead.contains(first) { return nil }
        let authorText = String(rest.drop { authorLead.contains($0) })
        guard !authorText.contains(where: \.isNumber) else { return nil }
        return Citation(outlet: outlet, date: String(characters[start..<end]), authors: authors(authorText))
    }

    /// `outlet.domain[, authors]`, a citation without a date.
    private static func undatedCitation(_ inner: String) -> Citation? {
        let parts = inner.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        let outlet = TextShape.trimmed(parts.first ?? "")
        guard !outlet.contains(where: { $0.isWhitespace || $0 == "(" || $0 == ")" }),
            let dot = outlet.lastIndex(of: "."), outlet.first != ".",
            outlet[outlet.index(after: dot)...].count >= 2,
            outlet[outlet.index(after: dot)...].allSatisfy(\.isLetter)
        else { return nil }
        return Citation(outlet: outlet, date: "", authors: parts.count > 1 ? authors(String(parts[1])) : [])
    }

    /// The end of a date `D/M` or `D/M/YY[YY]` starting at `start`, if one starts there.
    private static func dateEnd(in characters: [Character], from start: Int) -> Int? {
        func digits(from index: Int, allowed: ClosedRange<Int>) -> Int? {
            var end = index
            while end < characters.count, characters[end].isASCIIDigit { end += 1 }
            return allowed.contains(end - index) ? end : nil
        }
        guard let dayEnd = digits(from: start, allowed: 1...2), dayEnd < characters.count,
            characters[dayEnd] == "/", let monthEnd = digits(from: dayEnd + 1, allowed: 1...2)
        else { return nil }
        if monthEnd < characters.count, characters[monthEnd] == "/" {
            return digits(from: monthEnd + 1, allowed: 2...4)
        }
        return monthEnd
    }

    /// What may separate the date from the authors.
    private static let authorLead: Set<Character> = [" ", ",", ";", ":", "–", "—", "-"]

    /// Whether `text` names an outlet (a domain such as "Cand.com.vn" or a capitalised name such as "Báo Lâm
    /// Đồng"), so that a closing "(từ 1/10/2024)" is not mistaken for a citation.
    private static func looksLikeOutlet(_ text: String) -> Bool {
        if text.first?.isUppercase == true { return true }
        guard let dot = text.lastIndex(of: ".") else { return false }
        return text[text.index(after: dot)...].prefix { $0.isLetter }.count >= 2
    }

    /// Splits an author list on the separators bulletins use.
    static func authors(_ text: String) -> [String] {
        text.split { $0 == "–" || $0 == "—" || $0 == "," || $0 == ";" || $0 == "&" }
            .flatMap { $0.split(separator: " - ") }
            .flatMap { $0.split(separator: " và ") }
            .map { TextShape.trimmed($0) }
            .filter { !$0.isEmpty }
    }

    /// The "(" matching the ")" that ends `text`, counting nested pairs.
    private static func openingParenthesis(closingAtEndOf text: String) -> String.Index? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            switch text[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}
