import Foundation
import SyncProtocol

/// The one rule for stored text: Unicode NFC with `\n` line endings.
public enum TextNormalization {
    /// Returns `text` in NFC with CRLF and lone CR turned into `\n`.
    ///
    /// Text that is already clean (the usual case: everything read back from a store) is returned as it is after a
    /// quick scan, without Foundation's full normalisation.
    public static func normalize(_ text: String) -> String {
        if ChangeValidator.isNFC(text) { return text }
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return unified.precomposedStringWithCanonicalMapping
    }
}
