/// Three-way merge of article text (`paragraphs`) the way a careful editor would do it.
///
/// 1. All three versions are normalised (NFC, `\n`), so NFC and NFD spellings compare equal.
/// 2. Paragraph level: the base is diffed against each side (whole paragraphs compared). Paragraphs changed,
///    inserted or deleted on one side only are taken from that side; identical changes on both sides are taken
///    once. Paragraph changes conflict only when they overlap or both sides insert at the same place, so a
///    paragraph inserted or deleted on one side next to a paragraph edited on the other merges cleanly.
/// 3. Word level, for every stretch of paragraphs that both sides changed: the stretch of each version becomes one
///    token stream (words, whitespace runs and punctuation of ``TextTokenizer``, each paragraph followed by a
///    paragraph break) and the streams are merged the same way. So two editors fixing two different words of one
///    paragraph merge cleanly, and so does a paragraph split or join on one side with word edits elsewhere in
///    those paragraphs on the other.
/// 4. Word-level changes conflict when their base ranges overlap or touch, as in diff3 and git: the same word
///    changed differently, a word edited in a paragraph the other side deleted, different text inserted at the
///    same place, a paragraph split right where the other side changed the punctuation. Words separated by a
///    space are not touching, so fixes of two neighbouring words merge. Where the diff's placement of an inserted
///    or deleted word was arbitrary (`␠x` or `x␠`), it is placed away from the other side's changes first. Changes
///    on either side of a paragraph break that both sides keep are in different paragraphs and never touch (so
///    a paragraph inserted before a paragraph whose first word the other side fixed merges cleanly).
///    Identical changes never conflict.
///
/// The result of a conflict is deterministic: ``ConflictDetail/current`` holds everything that merged cleanly,
/// with each conflicting stretch taken from the side the caller names (the later writer by HLC, see
/// ``MergeSide/laterWriter(mine:theirs:)``). Swapping `mine` and `theirs` together with the preferred side gives
/// the same value.
public enum TextMerge {
    /// Merges two versions of an article's paragraphs against their common base.
    /// - Parameters:
    ///   - base: The version both sides started from.
    ///   - mine: The incoming change's version.
    ///   - theirs: The stored, concurrent version.
    ///   - conflictSide: Whose version fills conflicting stretches of ``ConflictDetail/current``.
    /// - Returns: `.merged` with the merged paragraphs, or `.conflict` with base, both sides (all normalised) and
    ///   the current value.
    public static func merge(
        base: [String], mine: [String], theirs: [String], prefer conflictSide: MergeSide
    ) -> MergeOutcome<[String]> {
        let base = base.map(TextNormalization.normalize)
        let mine = mine.map(TextNormalization.normalize)
        let theirs = theirs.map(TextNormalization.normalize)
        if mine == theirs || theirs == base { return .merged(mine) }
        if mine == base { return .merged(theirs) }

        var merged: [String] = []
        var conflictingRegions = 0
        for chunk in ThreeWayDiff.chunks(base: base, mine: mine, theirs: theirs, proximity: .overlapping) {
            switch chunk {
            case .resolved(let paragraphs):
                merged.append(contentsOf: paragraphs)
            case .conflict(let baseStretch, let mineStretch, let theirsStretch):
                let words = ThreeWayDiff.chunks(
                    base: StreamToken.stream(of: baseStretch),
                    mine: StreamToken.stream(of: mineStretch),
                    theirs: StreamToken.stream(of: theirsStretch),
                    proximity: .touching, paragraphBreak: .paragraphBreak)
                var stream: [StreamToken] = []
                for word in words {
                    switch word {
                    case .resolved(let tokens):
                        stream.append(contentsOf: tokens)
                    case .conflict(_, let mineTokens, let theirsTokens):
                        conflictingRegions += 1
                        stream.append(contentsOf: conflictSide == .mine ? mineTokens : theirsTokens)
                    }
                }
                merged.append(contentsOf: StreamToken.paragraphs(of: stream))
            }
        }
        guard conflictingRegions > 0 else { return .merged(merged) }
        return .conflict(
            ConflictDetail(
                base: base, mine: mine, theirs: theirs, current: merged, currentSide: conflictSide,
                regionCount: conflictingRegions))
    }
}
