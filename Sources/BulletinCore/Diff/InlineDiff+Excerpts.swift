/// One changed place of a text, for people: where it is and the change with a few words around it.
public struct DiffExcerpt: Sendable, Hashable {
    /// The paragraphs of the old text the change is in (0-based); empty for paragraphs that were only added,
    /// positioned where they go.
    public var oldParagraphs: Range<Int>
    /// The paragraphs of the new text the change is in (0-based); empty for paragraphs that were only removed.
    public var newParagraphs: Range<Int>
    /// The change with its context, marked as ``InlineDiff`` marks it; elided text is `…`.
    public var text: String

    /// Creates an excerpt.
    public init(oldParagraphs: Range<Int>, newParagraphs: Range<Int>, text: String) {
        self.oldParagraphs = oldParagraphs
        self.newParagraphs = newParagraphs
        self.text = text
    }

    /// Where the change is, counting paragraphs from 1: `¶2`, `¶2–3`, or `new ¶4` for an added paragraph.
    public var place: String {
        if oldParagraphs.isEmpty { return "new ¶\(newParagraphs.lowerBound + 1)" }
        if oldParagraphs.count == 1 { return "¶\(oldParagraphs.lowerBound + 1)" }
        return "¶\(oldParagraphs.lowerBound + 1)–\(oldParagraphs.upperBound)"
    }
}

extension InlineDiff {
    /// Only what changed between two versions of an article's paragraphs: one excerpt per changed paragraph (or
    /// stretch of paragraphs split or joined), each with `context` words either side of its changes; the rest of
    /// the text is left out, so that a one-word change in a long article reads as one short line.
    public static func excerpts(from old: [String], to new: [String], context: Int = 4, style: Style = .plain)
        -> [DiffExcerpt]
    {
        let old = old.map(TextNormalization.normalize)
        let new = new.map(TextNormalization.normalize)
        func tokens(_ text: String) -> [StreamToken] {
            TextTokenizer.tokens(inNormalized: text).map(StreamToken.text)
        }
        var excerpts: [DiffExcerpt] = []
        for hunk in SequenceDiff.hunks(from: old, to: new) {
            let blocks = changedParagraphs(old[hunk.old].map(tokens), new[hunk.new].map(tokens))
            for block in blocks {
                let shifted = { (range: Range<Int>, by: Int) in range.lowerBound + by..<range.upperBound + by }
                excerpts.append(
                    DiffExcerpt(
                        oldParagraphs: shifted(block.old, hunk.old.lowerBound),
                        newParagraphs: shifted(block.new, hunk.new.lowerBound),
                        text: render(trimmed(block.segments, context: max(1, context)), style: style, separator: "¶")))
            }
        }
        return excerpts
    }

    /// The excerpts of one changed text (a title, say): as ``excerpts(from:to:context:style:)`` with one paragraph.
    public static func excerpts(from old: String, to new: String, context: Int = 4, style: Style = .plain)
        -> [DiffExcerpt]
    {
        excerpts(from: [old], to: [new], context: context, style: style)
    }

    /// The segments with unchanged stretches cut to `context` words next to each change.
    private static func trimmed(_ segments: [Segment], context: Int) -> [Segment] {
        var result: [Segment] = []
        for (index, segment) in segments.enumerated() {
            guard case .same(let tokens) = segment else {
                result.append(segment)
                continue
            }
            let changeBefore = index > 0
            let changeAfter = index < segments.count - 1
            let head = changeBefore ? prefix(tokens, words: context) : []
            let tail = changeAfter ? suffix(tokens, words: context) : []
            if head.count + tail.count >= tokens.count {
                result.append(segment)
                continue
            }
            var kept = head
            if !head.isEmpty || !tail.isEmpty { kept.append(ellipsis) }
            kept += tail
            result.append(.same(kept))
        }
        return result
    }

    private static let ellipsis = StreamToken.text(TextToken(kind: .punctuation, text: "…"))

    /// The first tokens up to and including the `words`-th word (whitespace after it dropped).
    private static func prefix(_ tokens: [StreamToken], words: Int) -> [StreamToken] {
        var count = 0
        for (index, token) in tokens.enumerated() {
            if case .text(let piece) = token, piece.kind == .word {
                count += 1
                if count == words { return Array(tokens[...index]) }
            }
        }
        return tokens
    }

    /// The last tokens from the `words`-th word from the end.
    private static func suffix(_ tokens: [StreamToken], words: Int) -> [StreamToken] {
        var count = 0
        for index in tokens.indices.reversed() {
            if case .text(let piece) = tokens[index], piece.kind == .word {
                count += 1
                if count == words { return Array(tokens[index...]) }
            }
        }
        return tokens
    }
}
