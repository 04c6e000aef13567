/// A pulled record this replica could not store (a field of the wrong type, e.g. logged by a server from before
/// the data contract was enforced): it was left out and the rest of its page applied, so one bad record never
/// stops the sync for good.
public struct SkippedRecord: Sendable, Hashable, Codable {
    /// The record's log position.
    public var seq: Int64
    /// The record's change id.
    public var changeID: String
    /// Why it could not be stored.
    public var reason: String

    /// Creates a report.
    public init(seq: Int64, changeID: String, reason: String) {
        self.seq = seq
        self.changeID = changeID
        self.reason = reason
    }
}
