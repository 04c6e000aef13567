/// One difference between two sequences: `old[old]` is replaced by `new[new]`.
///
/// An insertion has an empty `old` range (positioned where the new elements go); a deletion has an empty `new`
/// range. Hunks from ``SequenceDiff`` are sorted, non-empty, and separated by at least one equal element.
public struct DiffHunk: Sendable, Hashable, CustomStringConvertible {
    /// The replaced positions in the old sequence.
    public var old: Range<Int>
    /// The replacing positions in the new sequence.
    public var new: Range<Int>

    /// Creates a hunk.
    public init(old: Range<Int>, new: Range<Int>) {
        self.old = old
        self.new = new
    }

    /// A readable form for test failures, e.g. `old 3..<5 → new 3..<4`.
    public var description: String {
        "old \(old.lowerBound)..<\(old.upperBound) → new \(new.lowerBound)..<\(new.upperBound)"
    }
}
