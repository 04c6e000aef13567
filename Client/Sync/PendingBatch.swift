import SyncProtocol

/// The next changes of the outbox to push, and how far into the outbox they reach.
public struct PendingBatch: Sendable {
    /// The changes, oldest first (author order), as the outbox holds them: the form a push sends.
    public var records: [CanonicalRecord]
    /// The outbox position of the last one; `nil` when the batch is empty.
    public var through: Int64?
}
