import BulletinCore
import Foundation

/// The plain-text forms of article text that editors write — body files, the `article edit` buffer, a text area of
/// the web app — read into paragraphs the same way by every front end.
public enum BodyText {
    /// Paragraphs of a body file: blocks separated by blank lines; the lines of a block are joined by spaces
    /// (so hard-wrapped text reads as one paragraph). Text is normalised to NFC first.
    public static func paragraphs(_ text: String) -> [String] {
        blocks(TextNormalization.normalize(text))
    }

    /// The buffer `article edit` opens: the title, a blank line, then the paragraphs separated by blank lines.
    public static func editBuffer(title: String, paragraphs: [String]) -> String {
        ([title] + paragraphs).joined(separator: "\n\n") + "\n"
    }

    /// Reads an edited buffer back: the first block is the title, the rest are paragraphs.
    ///
    /// - Throws: ``StoreError/invalidArgument(_:)`` when the buffer is empty.
    public static func parseEditBuffer(_ text: String) throws -> (title: String, paragraphs: [String]) {
        let parts = blocks(TextNormalization.normalize(text))
        guard let title = parts.first else {
            throw StoreError.invalidArgument("the edited text is empty; nothing was changed")
        }
        return (title, Array(parts.dropFirst()))
    }

    private static func blocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var lines: [String] = []
        func flush() {
            if !lines.isEmpty { blocks.append(lines.joined(separator: " ")) }
            lines = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flush() } else { lines.append(trimmed) }
        }
        flush()
        return blocks
    }
}
