/// The link that closes every article: `[Về đầu trang](#)`, or `[Về đầu trang./.](#)` after the last one.
/// Matched by hand rather than with a regex literal: it is tested on every body line, and building a `Regex`
/// per call dominated the import time.
enum BackToTopLink {
    /// Where the link is in `text`, if it has one: "[", the label (any case and spacing, optionally followed by
    /// "./."), "](#", an anchor, ")".
    static func find(in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let middle = text[searchStart...].firstRange(of: "](#") {
            if let open = text[..<middle.lowerBound].lastIndex(of: "["),
                isLabel(text[text.index(after: open)..<middle.lowerBound]),
                let close = text[middle.upperBound...].firstIndex(of: ")")
            {
                return open..<text.index(after: close)
            }
            searchStart = middle.upperBound
        }
        return nil
    }

    /// Whether `label` reads "Về đầu trang" or "Về đầu trang./.".
    private static func isLabel(_ label: Substring) -> Bool {
        var words = TextShape.collapsingWhitespace(String(label)).lowercased()
        if words.hasSuffix("./.") {
            words = TextShape.trimmed(words.dropLast(3))
        }
        return words == "về đầu trang"
    }
}
