import BulletinCore

/// The printed form of a source citation, for commands that take or show one
/// (`bulletin article add --source "Baophapluat.vn 05/9, Lê Hồng"`).
public enum CitationText {
    /// Parses "Outlet D/M[, authors]" or "outlet.domain[, authors]", with or without the surrounding
    /// parentheses; authors may be separated by "–", "—", " - ", ",", ";", "&" or " và ".
    /// - Returns: nil when the text is not a citation (e.g. no date and no domain-like outlet).
    public static func parse(_ text: String) -> Citation? {
        var inner = TextShape.collapsingWhitespace(TextNormalization.normalize(text))
        if inner.hasPrefix("("), inner.hasSuffix(")") {
            inner = TextShape.trimmed(inner.dropFirst().dropLast())
        }
        return CitationParser.parse(inner)
    }

    /// The citation as printed after an article: "(Baophapluat.vn 05/9, Lê Hồng)".
    public static func format(_ citation: Citation) -> String {
        citation.printed
    }
}
