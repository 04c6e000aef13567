/// A piece of a three-way merge of two sequences against their common base.
enum MergeChunk<Element: Hashable>: Hashable {
    /// Elements both sides agree on: unchanged, changed on one side only, or changed identically on both.
    case resolved([Element])
    /// A stretch both sides changed differently: the base elements and each side's replacement.
    case conflict(base: [Element], mine: [Element], theirs: [Element])
}

/// When two changes from different sides must be decided together (and so conflict unless they agree).
enum ChangeProximity {
    /// Their base ranges overlap, or both insert at the same position; changes that merely touch are merged in
    /// base order. Right for paragraphs, which stand on their own.
    case overlapping
    /// They overlap or touch (no unchanged element between them), as in diff3 and git. Right for words, where
    /// e.g. a paragraph split right next to another editor's punctuation change is ambiguous. Two exceptions
    /// keep unambiguous changes apart:
    /// - a pure insertion or deletion that could equally sit one or more positions further (the diff's choice
    ///   was arbitrary) is first slid to the nearest position that keeps it apart from the other side's changes;
    /// - changes that touch at the start of a paragraph, where the left change leaves a paragraph break right
    ///   before that point (it inserts or keeps whole paragraphs), belong to different paragraphs and stay apart,
    ///   unless both insert there.
    case touching
}

/// The classic diff3 merge of sequences: diff the base against each side, group the changes of the two sides
/// that are close (see ``ChangeProximity``), take one-sided groups as they are and compare two-sided groups.
enum ThreeWayDiff {
    /// The merge of `mine` and `theirs` against `base`, as a list of chunks in order.
    /// - Parameter paragraphBreak: The element that ends a paragraph, for the paragraph exception of
    ///   ``ChangeProximity/touching``.
    static func chunks<Element: Hashable>(
        base: [Element], mine: [Element], theirs: [Element], proximity: ChangeProximity,
        paragraphBreak: Element? = nil
    ) -> [MergeChunk<Element>] {
        var mineHunks = SequenceDiff.hunks(from: base, to: mine)
        var theirsHunks = SequenceDiff.hunks(from: base, to: theirs)
        if proximity == .touching {
            // Each side is slid against the other side's original hunks, so the result does not depend on which
            // side is called mine.
            let originalMine = mineHunks
            mineHunks = HunkSlider.separated(
                mineHunks, side: mine, from: theirsHunks, otherSide: theirs, base: base, paragraphBreak: paragraphBreak)
            theirsHunks = HunkSlider.separated(
                theirsHunks, side: theirs, from: originalMine, otherSide: mine, base: base,
                paragraphBreak: paragraphBreak)
        }
        let tagged =
            (mineHunks.map { SidedHunk(hunk: $0, side: .mine) }
            + theirsHunks.map { SidedHunk(hunk: $0, side: .theirs) })
            .sorted(by: SidedHunk.baseOrder)
        var chunks: [MergeChunk<Element>] = []
        func appendResolved<C: Collection<Element>>(_ elements: C) {
            guard !elements.isEmpty else { return }
            if case .resolved(let previous)? = chunks.last {
                chunks[chunks.count - 1] = .resolved(previous + elements)
            } else {
                chunks.append(.resolved(Array(elements)))
            }
        }
        var position = 0
        var index = 0
        while index < tagged.count {
            var group = [tagged[index]]
            let start = tagged[index].hunk.old.lowerBound
            var end = tagged[index].hunk.old.upperBound
            index += 1
            while index < tagged.count,
                joins(
                    tagged[index], group: group, start: start, end: end, proximity,
                    sides: (mine, theirs), base: base, paragraphBreak: paragraphBreak)
            {
                group.append(tagged[index])
                end = max(end, tagged[index].hunk.old.upperBound)
                index += 1
            }
            appendResolved(base[position..<start])
            let mineVersion = version(of: mine, hunks: group.filter { $0.side == .mine }, base: base, start..<end)
            let theirsVersion = version(of: theirs, hunks: group.filter { $0.side == .theirs }, base: base, start..<end)
            if !group.contains(where: { $0.side == .theirs }) || mineVersion == theirsVersion {
                appendResolved(mineVersion)
            } else if !group.contains(where: { $0.side == .mine }) {
                appendResolved(theirsVersion)
            } else {
                chunks.append(.conflict(base: Array(base[start..<end]), mine: mineVersion, theirs: theirsVersion))
            }
            position = end
        }
        appendResolved(base[position...])
        return chunks
    }

    /// Whether `candidate` (sorted after the group's first change) belongs to `group`, which spans
    /// `start..<end`.
    private static func joins<Element: Hashable>(
        _ candidate: SidedHunk, group: [SidedHunk], start: Int, end: Int, _ proximity: ChangeProximity,
        sides: (mine: [Element], theirs: [Element]), base: [Element], paragraphBreak: Element?
    ) -> Bool {
        let range = candidate.hunk.old
        switch proximity {
        case .overlapping:
            return range.lowerBound < end || (range.isEmpty && start == end && range.lowerBound == start)
        case .touching:
            if range.lowerBound < end { return true }
            guard range.lowerBound == end else { return false }
            // Touching: joins unless it is apart from every change that ends where it starts.
            return group.contains { left in
                left.hunk.old.upperBound == end
                    && !ChangeContact.apart(
                        left: left.hunk, leftSide: left.side == .mine ? sides.mine : sides.theirs, right: range,
                        base: base, paragraphBreak: paragraphBreak)
            }
        }
    }

    /// One side's elements for the base range `span`, rebuilt from the base and that side's hunks inside it.
    private static func version<Element>(
        of side: [Element], hunks: [SidedHunk], base: [Element], _ span: Range<Int>
    ) -> [Element] {
        var result: [Element] = []
        var position = span.lowerBound
        for sided in hunks {
            result.append(contentsOf: base[position..<sided.hunk.old.lowerBound])
            result.append(contentsOf: side[sided.hunk.new])
            position = sided.hunk.old.upperBound
        }
        result.append(contentsOf: base[position..<span.upperBound])
        return result
    }
}

/// A hunk of the diff from the base to one side.
private struct SidedHunk {
    var hunk: DiffHunk
    var side: MergeSide

    /// Base order: by start, insertions before replacements at the same start, mine before theirs.
    static func baseOrder(_ lhs: SidedHunk, _ rhs: SidedHunk) -> Bool {
        let left = (lhs.hunk.old.lowerBound, lhs.hunk.old.upperBound, lhs.side == .mine ? 0 : 1)
        let right = (rhs.hunk.old.lowerBound, rhs.hunk.old.upperBound, rhs.side == .mine ? 0 : 1)
        return left < right
    }
}

/// The paragraph exception of ``ChangeProximity/touching``.
enum ChangeContact {
    /// Whether two changes from different sides that touch at `right.lowerBound` (where `left` ends) are in
    /// different paragraphs: that point starts a paragraph in the base, the left change leaves a paragraph break
    /// right before it, and they do not both insert there.
    static func apart<Element: Equatable>(
        left: DiffHunk, leftSide: [Element], right: Range<Int>, base: [Element], paragraphBreak: Element?
    ) -> Bool {
        guard let paragraphBreak else { return false }
        let point = right.lowerBound
        guard left.old.upperBound == point, !(left.old.isEmpty && right.isEmpty),
            point == 0 || base[point - 1] == paragraphBreak
        else { return false }
        if let last = leftSide[left.new].last { return last == paragraphBreak }
        return left.old.lowerBound == 0 || base[left.old.lowerBound - 1] == paragraphBreak
    }

    /// Whether a change at `hunk` (from `side`) must be decided together with a change at `other` (from
    /// `otherSide`): they overlap, or touch without being ``apart(left:leftSide:right:base:paragraphBreak:)``.
    static func meets<Element: Equatable>(
        _ hunk: DiffHunk, side: [Element], _ other: DiffHunk, otherSide: [Element], base: [Element],
        paragraphBreak: Element?
    ) -> Bool {
        guard hunk.old.lowerBound <= other.old.upperBound, other.old.lowerBound <= hunk.old.upperBound else {
            return false
        }
        if hunk.old.upperBound == other.old.lowerBound, !(hunk.old.isEmpty && other.old.isEmpty) {
            return !apart(left: hunk, leftSide: side, right: other.old, base: base, paragraphBreak: paragraphBreak)
        }
        if other.old.upperBound == hunk.old.lowerBound, !(hunk.old.isEmpty && other.old.isEmpty) {
            return !apart(left: other, leftSide: otherSide, right: hunk.old, base: base, paragraphBreak: paragraphBreak)
        }
        return true
    }
}

/// Slides pure insertions and deletions along runs of repeated elements, where the diff's placement was an
/// arbitrary choice: deleting `x` from `w␠x␠y` can be `␠x` or `x␠`; only one of them touches a change to `y`.
enum HunkSlider {
    /// `hunks` (from `base` to `side`), each pure insertion or deletion that meets one of `others` (see
    /// ``ChangeContact/meets(_:side:_:otherSide:base:paragraphBreak:)``) moved to the nearest equivalent position
    /// that meets none of them, when there is one.
    static func separated<Element: Equatable>(
        _ hunks: [DiffHunk], side: [Element], from others: [DiffHunk], otherSide: [Element], base: [Element],
        paragraphBreak: Element?
    ) -> [DiffHunk] {
        func meetsAny(_ hunk: DiffHunk) -> Bool {
            others.contains {
                ChangeContact.meets(
                    hunk, side: side, $0, otherSide: otherSide, base: base,
                    paragraphBreak: paragraphBreak)
            }
        }
        var result = hunks
        for index in result.indices {
            let hunk = result[index]
            guard hunk.old.isEmpty || hunk.new.isEmpty, meetsAny(hunk) else { continue }
            // Keep at least one unchanged element between this hunk and its neighbours on the same side.
            let lowest = index > 0 ? result[index - 1].old.upperBound + 1 : 0
            let highest = index + 1 < result.count ? result[index + 1].old.lowerBound - 1 : base.count
            let leftward = slides(hunk, by: -1, side: side, base: base, within: lowest...highest)
            let rightward = slides(hunk, by: 1, side: side, base: base, within: lowest...highest)
            if let free = interleave(leftward, rightward).first(where: { !meetsAny($0) }) {
                result[index] = free
            }
        }
        return result
    }

    /// The positions reachable by sliding one step at a time in `direction`, nearest first.
    private static func slides<Element: Equatable>(
        _ hunk: DiffHunk, by direction: Int, side: [Element], base: [Element], within bounds: ClosedRange<Int>
    ) -> [DiffHunk] {
        var result: [DiffHunk] = []
        var current = hunk
        while true {
            let old = (current.old.lowerBound + direction)..<(current.old.upperBound + direction)
            let new = (current.new.lowerBound + direction)..<(current.new.upperBound + direction)
            guard old.lowerBound >= bounds.lowerBound, old.upperBound <= bounds.upperBound,
                new.lowerBound >= 0, new.upperBound <= side.count
            else { break }
            // Sliding left moves the last element in front; sliding right moves the first element behind.
            let equal: Bool
            if current.new.isEmpty {
                equal =
                    direction < 0
                    ? base[current.old.lowerBound - 1] == base[current.old.upperBound - 1]
                    : base[current.old.lowerBound] == base[current.old.upperBound]
            } else {
                equal =
                    direction < 0
                    ? side[current.new.lowerBound - 1] == side[current.new.upperBound - 1]
                    : side[current.new.lowerBound] == side[current.new.upperBound]
            }
            guard equal else { break }
            current = DiffHunk(old: old, new: new)
            result.append(current)
        }
        return result
    }

    private static func interleave(_ left: [DiffHunk], _ right: [DiffHunk]) -> [DiffHunk] {
        var result: [DiffHunk] = []
        for index in 0..<max(left.count, right.count) {
            if index < left.count { result.append(left[index]) }
            if index < right.count { result.append(right[index]) }
        }
        return result
    }
}
