/// One non-blank line of the input, trimmed, with its 1-based line number for error messages.
struct SourceLine: Sendable, Hashable {
    /// 1-based line number in the normalised input.
    let number: Int
    /// The line without leading and trailing white space.
    let text: String

    /// The non-blank lines of `text` (already normalised to `\n`) and the number of its last line.
    /// Blank lines only separate blocks in the format, so they are dropped here.
    static func nonBlankLines(of text: String) -> (lines: [SourceLine], lastLine: Int) {
        var lines: [SourceLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = TextShape.trimmed(raw)
            if !trimmed.isEmpty {
                lines.append(SourceLine(number: number, text: trimmed))
            }
        }
        return (lines, number)
    }
}
