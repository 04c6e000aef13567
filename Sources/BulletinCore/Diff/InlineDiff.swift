/// Word-level inline diffs for people, e.g. `bulletin conflicts show`:
/// `Hà Nội đã tiếp nhận [-63.000-]{+65.000+} hồ sơ`.
///
/// Removed text is wrapped in `[-` `-]`, added text in `{+` `+}` (removal first). Neighbouring changes separated
/// only by whitespace are shown as one change, which reads better than alternating single words. A paragraph
/// break that was added or removed inside a change is shown as `¶`. The markers are not escaped: the output is
/// for reading, not for parsing.
public enum InlineDiff {
    /// How changes are marked.
    public enum Style: Sendable, Hashable {
        /// Markers only.
        case plain
        /// Markers, with removals in red and additions in green (ANSI escape codes), for terminals.
        case ansi
    }

    /// The inline diff from `old` to `new`; both are normalised first.
    public static func render(from old: String, to new: String, style: Style = .plain) -> String {
        let oldTokens = TextTokenizer.tokens(in: old).map(StreamToken.text)
        let newTokens = TextTokenizer.tokens(in: new).map(StreamToken.text)
        return render(segments(from: oldTokens, to: newTokens), style: style, separator: "\n\n")
    }

    /// The inline diff of two versions of an article's paragraphs, paragraphs separated by `separator`.
    ///
    /// Unchanged paragraphs are shown as they are, paragraphs changed one-for-one with word-level markers,
    /// inserted and deleted paragraphs wholly marked, and splits and joins with `¶` where the break changed.
    public static func render(
        from old: [String], to new: [String], style: Style = .plain, separator: String = "\n\n"
    ) -> String {
        let old = old.map(TextNormalization.normalize)
        let new = new.map(TextNormalization.normalize)
        var blocks: [String] = []
        var position = 0
        func tokens(_ text: String) -> [StreamToken] {
            TextTokenizer.tokens(inNormalized: text).map(StreamToken.text)
        }
        for hunk in SequenceDiff.hunks(from: old, to: new) {
            blocks.append(contentsOf: old[position..<hunk.old.lowerBound])
            let before = old[hunk.old].map(tokens)
            let after = new[hunk.new].map(tokens)
            for block in changedParagraphs(before, after) {
                blocks.append(render(block.segments, style: style, separator: separator))
            }
            position = hunk.old.upperBound
        }
        blocks.append(contentsOf: old[position...])
        return blocks.joined(separator: separator)
    }

    /// One output block of a changed stretch: its segments, and which paragraphs of the stretch (relative to its
    /// start, old and new side; an empty range where a side has none) it covers.
    struct ChangedBlock {
        var old: Range<Int>
        var new: Range<Int>
        var segments: [Segment]
    }

    /// The diff of a changed stretch of paragraphs, one segment list per output block.
    ///
    /// Stretches of equal length are compared paragraph by paragraph. Otherwise two readings compete: the
    /// stretch as one stream (shows splits and joins as a changed `¶`) and the cheapest pairing of paragraphs;
    /// the one that marks fewer tokens wins, the stream on a tie.
    static func changedParagraphs(_ old: [[StreamToken]], _ new: [[StreamToken]]) -> [ChangedBlock] {
        func side(_ index: Int, _ count: Int) -> Range<Int> {
            index < count ? index..<index + 1 : count..<count
        }
        if old.count == new.count || old.isEmpty || new.isEmpty {
            return (0..<max(old.count, new.count)).map { index in
                ChangedBlock(
                    old: side(index, old.count), new: side(index, new.count),
                    segments: segments(
                        from: index < old.count ? old[index] : [],
                        to: index < new.count ? new[index] : []))
            }
        }
        let stream = segments(from: separated(old), to: separated(new))
        var pairs: [Int: [Segment]] = [:]
        func pair(_ oldIndex: Int, _ newIndex: Int) -> [Segment] {
            let key = oldIndex * new.count + newIndex
            if let known = pairs[key] { return known }
            let result = segments(from: old[oldIndex], to: new[newIndex])
            pairs[key] = result
            return result
        }
        let steps = ParagraphAlignment.align(
            oldCount: old.count, newCount: new.count, pairCost: { markedCount(pair($0, $1)) },
            deleteCost: { old[$0].count }, insertCost: { new[$0].count })
        var oldNext = 0
        var newNext = 0
        let aligned = steps.map { step -> ChangedBlock in
            switch step {
            case .pair(let oldIndex, let newIndex):
                (oldNext, newNext) = (oldIndex + 1, newIndex + 1)
                return ChangedBlock(
                    old: oldIndex..<oldIndex + 1, new: newIndex..<newIndex + 1,
                    segments: pair(oldIndex, newIndex))
            case .delete(let oldIndex):
                oldNext = oldIndex + 1
                return ChangedBlock(
                    old: oldIndex..<oldIndex + 1, new: newNext..<newNext,
                    segments: segments(from: old[oldIndex], to: []))
            case .insert(let newIndex):
                newNext = newIndex + 1
                return ChangedBlock(
                    old: oldNext..<oldNext, new: newIndex..<newIndex + 1,
                    segments: segments(from: [], to: new[newIndex]))
            }
        }
        return aligned.reduce(0) { $0 + markedCount($1.segments) } < markedCount(stream)
            ? aligned : [ChangedBlock(old: 0..<old.count, new: 0..<new.count, segments: stream)]
    }

    /// How many tokens a diff marks as removed or added.
    private static func markedCount(_ segments: [Segment]) -> Int {
        segments.reduce(0) { total, segment in
            if case .change(let removed, let added) = segment { return total + removed.count + added.count }
            return total
        }
    }

    /// Paragraph token lists joined by breaks (separating, not terminating: a break inside a change is shown).
    private static func separated(_ paragraphs: [[StreamToken]]) -> [StreamToken] {
        var result: [StreamToken] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { result.append(.paragraphBreak) }
            result.append(contentsOf: paragraph)
        }
        return result
    }

    /// A stretch of the diff: unchanged tokens, or removed tokens replaced by added ones.
    enum Segment {
        case same([StreamToken])
        case change(removed: [StreamToken], added: [StreamToken])
    }

    /// The diff as segments, with changes separated by a single whitespace token merged into one.
    static func segments(from old: [StreamToken], to new: [StreamToken]) -> [Segment] {
        var result: [Segment] = []
        var position = 0
        for hunk in SequenceDiff.hunks(from: old, to: new) {
            let gap = Array(old[position..<hunk.old.lowerBound])
            if case .change(let removed, let added)? = result.last, gap.count == 1,
                case .text(let token) = gap[0], token.kind == .space
            {
                result[result.count - 1] = .change(
                    removed: removed + gap + old[hunk.old], added: added + gap + new[hunk.new])
            } else {
                if !gap.isEmpty { result.append(.same(gap)) }
                result.append(.change(removed: Array(old[hunk.old]), added: Array(new[hunk.new])))
            }
            position = hunk.old.upperBound
        }
        if position < old.count { result.append(.same(Array(old[position...]))) }
        return result
    }

    static func render(_ segments: [Segment], style: Style, separator: String) -> String {
        var output = ""
        for segment in segments {
            switch segment {
            case .same(let tokens):
                output += text(tokens, breaks: separator)
            case .change(let removed, let added):
                if !removed.isEmpty {
                    output += marked("[-" + text(removed, breaks: "¶") + "-]", colour: "\u{1B}[31m", style: style)
                }
                if !added.isEmpty {
                    output += marked("{+" + text(added, breaks: "¶") + "+}", colour: "\u{1B}[32m", style: style)
                }
            }
        }
        return output
    }

    static func text(_ tokens: [StreamToken], breaks: String) -> String {
        var result = ""
        for token in tokens {
            switch token {
            case .text(let piece): result += piece.text
            case .paragraphBreak: result += breaks
            }
        }
        return result
    }

    static func marked(_ text: String, colour: String, style: Style) -> String {
        switch style {
        case .plain: text
        case .ansi: colour + text + "\u{1B}[0m"
        }
    }
}
