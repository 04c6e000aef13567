import Foundation

/// The one rule for stored text: Unicode NFC with `\n` line endings.
public enum TextNormalization {
    /// Returns `text` in NFC with CRLF and lone CR turned into `\n`.
    ///
    /// Text that is already clean (the usual case: everything read back from a store) is returned as it is after a
    /// quick scan, without Foundation's full normalisation.
    public static func normalize(_ text: String) -> String {
        let hasCarriageReturn = text.utf8.contains(UInt8(ascii: "\r"))
        if !hasCarriageReturn {
            var span = text.utf8Span
            // The quick check (per-scalar properties) settles almost all text; the full check only the rest.
            if span.checkForNFC(quickCheck: true) || span.checkForNFC(quickCheck: false) { return text }
        }
        let unified =
            hasCarriageReturn
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : text
        return unified.precomposedStringWithCanonicalMapping
    }
}
