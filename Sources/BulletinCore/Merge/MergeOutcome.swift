/// The result of merging two concurrent versions of a value against their common base.
public enum MergeOutcome<Value: Sendable>: Sendable {
    /// The versions merged cleanly into this value.
    case merged(Value)
    /// The versions changed the same part differently; the detail holds all three versions and the value to
    /// show meanwhile.
    case conflict(ConflictDetail<Value>)

    /// The value to store now: the merged value, or the conflict's ``ConflictDetail/current``.
    public var value: Value {
        switch self {
        case .merged(let value): value
        case .conflict(let detail): detail.current
        }
    }

    /// The conflict detail, when the merge did not succeed cleanly.
    public var conflict: ConflictDetail<Value>? {
        if case .conflict(let detail) = self { return detail }
        return nil
    }
}

extension MergeOutcome: Equatable where Value: Equatable {}
extension MergeOutcome: Hashable where Value: Hashable {}

/// What a conflict holds: the common base, both sides, and the deterministic value every replica shows while the
/// conflict is open.
public struct ConflictDetail<Value: Sendable>: Sendable {
    /// The common base both sides started from.
    public var base: Value
    /// The incoming change's version (see ``MergeSide``).
    public var mine: Value
    /// The stored, concurrent version.
    public var theirs: Value
    /// The value to store and show while the conflict is open. For text: everything that merged cleanly, with
    /// each conflicting stretch taken from ``currentSide``; for single values: ``currentSide``'s value.
    public var current: Value
    /// The side whose version fills the conflicting parts of ``current`` (the caller's choice, normally
    /// ``MergeSide/laterWriter(mine:theirs:)``).
    public var currentSide: MergeSide
    /// How many separate stretches conflict (1 for a single value).
    public var regionCount: Int

    /// Creates a conflict detail.
    public init(base: Value, mine: Value, theirs: Value, current: Value, currentSide: MergeSide, regionCount: Int) {
        self.base = base
        self.mine = mine
        self.theirs = theirs
        self.current = current
        self.currentSide = currentSide
        self.regionCount = regionCount
    }

    /// The version of one side.
    public func version(_ side: MergeSide) -> Value {
        side == .mine ? mine : theirs
    }
}

extension ConflictDetail: Equatable where Value: Equatable {}
extension ConflictDetail: Hashable where Value: Hashable {}
extension ConflictDetail: Codable where Value: Codable {}
