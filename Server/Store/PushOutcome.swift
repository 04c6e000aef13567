import SyncProtocol

/// What the store did with one `push` batch, once it is durable.
public struct PushOutcome: Sendable, Hashable {
    /// One result per pushed change, in push order.
    public var results: [ChangeResult]
    /// The log head after the batch.
    public var headSeq: Int64
    /// The seq of the last `publication` record the batch caused, if any (field offices are notified of it).
    public var publicationSeq: Int64?

    /// Creates an outcome.
    public init(results: [ChangeResult], headSeq: Int64, publicationSeq: Int64? = nil) {
        self.results = results
        self.headSeq = headSeq
        self.publicationSeq = publicationSeq
    }

    /// How many changes were applied now.
    public var appliedCount: Int { results.count { $0.status == .applied } }
    /// How many had been applied before (re-sent change ids).
    public var duplicateCount: Int { results.count { $0.status == .duplicate } }
    /// How many were rejected.
    public var rejectedCount: Int { results.count { $0.status == .rejected } }
}
