/// Three-way merge of a single value (titles, citation, section title, editor credit): never a silent
/// last-writer-wins.
///
/// - changed on neither side or identically on both → that value;
/// - changed on one side only → that side's value;
/// - changed on both sides to different values → a conflict whose ``ConflictDetail/current`` is the preferred
///   side's value.
public enum ValueMerge {
    /// Merges two versions of any value compared with `==`.
    /// - Parameters:
    ///   - base: The value both sides started from (use an optional type when a value may be absent).
    ///   - mine: The incoming change's value.
    ///   - theirs: The stored, concurrent value.
    ///   - conflictSide: Whose value is current while a conflict is open.
    public static func merge<Value: Equatable & Sendable>(
        base: Value, mine: Value, theirs: Value, prefer conflictSide: MergeSide
    ) -> MergeOutcome<Value> {
        decide(base: base, mine: mine, theirs: theirs, prefer: conflictSide)
    }

    /// Merges two versions of a text value after normalising all three (NFC, `\n`), so spelling the same text
    /// in NFD is no change.
    public static func merge(
        base: String, mine: String, theirs: String, prefer conflictSide: MergeSide
    ) -> MergeOutcome<String> {
        decide(
            base: TextNormalization.normalize(base), mine: TextNormalization.normalize(mine),
            theirs: TextNormalization.normalize(theirs), prefer: conflictSide)
    }

    private static func decide<Value: Equatable & Sendable>(
        base: Value, mine: Value, theirs: Value, prefer conflictSide: MergeSide
    ) -> MergeOutcome<Value> {
        if mine == theirs || theirs == base { return .merged(mine) }
        if mine == base { return .merged(theirs) }
        return .conflict(
            ConflictDetail(
                base: base, mine: mine, theirs: theirs, current: conflictSide == .mine ? mine : theirs,
                currentSide: conflictSide, regionCount: 1))
    }
}
