import SyncProtocol

/// One side of a three-way merge.
///
/// The library is neutral about who is who; the convention for the server is: `mine` is the value of the change
/// being applied (its author's), `theirs` is the value currently stored (written concurrently by others).
public enum MergeSide: String, Codable, Sendable, Hashable, CaseIterable {
    /// The incoming change's side.
    case mine
    /// The stored (concurrent) side.
    case theirs

    /// The other side.
    public var other: MergeSide { self == .mine ? .theirs : .mine }

    /// The side written later: greater hybrid-logical-clock timestamp, then greater client id; `theirs` when the
    /// stamps are equal. This is the rule for what an open conflict shows meanwhile and for order fields.
    public static func laterWriter(mine: WriterStamp, theirs: WriterStamp) -> MergeSide {
        mine > theirs ? .mine : .theirs
    }
}

/// Who wrote a value and when, as far as last-writer ordering is concerned: a change record's `hlc` and
/// `client_id`.
public struct WriterStamp: Sendable, Hashable, Comparable {
    /// The change's hybrid-logical-clock timestamp.
    public var hlc: HLCTimestamp
    /// The client that made the change; breaks ties between equal timestamps.
    public var clientID: String

    /// Creates a stamp.
    public init(hlc: HLCTimestamp, clientID: String) {
        self.hlc = hlc
        self.clientID = clientID
    }

    /// The stamp of a change record.
    public init(_ change: ChangeRecord) {
        self.init(hlc: change.hlc, clientID: change.clientID)
    }

    /// Orders by timestamp, then by client id (plain string order of its UTF-8).
    public static func < (lhs: WriterStamp, rhs: WriterStamp) -> Bool {
        if lhs.hlc != rhs.hlc { return lhs.hlc < rhs.hlc }
        return Array(lhs.clientID.utf8).lexicographicallyPrecedes(Array(rhs.clientID.utf8))
    }
}
