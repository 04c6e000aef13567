import Foundation

/// The one rule for stored text: Unicode NFC with `\n` line endings.
public enum TextNormalization {
    /// Returns `text` in NFC with CRLF and lone CR turned into `\n`.
    public static func normalize(_ text: String) -> String {
        let unified = text.contains("\r")
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : text
        return unified.precomposedStringWithCanonicalMapping
    }
}
