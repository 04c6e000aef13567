import SyncProtocol

/// How far a replica has caught up with the server.
public struct SyncCursor: Sendable, Hashable {
    /// The highest server `seq` whose effects the replica holds.
    public var seq: Int64
    /// The resume token of an unfinished snapshot (initial sync), if one was interrupted.
    public var snapshotResume: String?
    /// The server head the unfinished snapshot was taken at.
    public var snapshotHead: Int64?
    /// Whether the replica has ever completed an initial sync (snapshot or log).
    public var initialized: Bool

    /// Creates a cursor.
    public init(seq: Int64, snapshotResume: String? = nil, snapshotHead: Int64? = nil, initialized: Bool) {
        self.seq = seq
        self.snapshotResume = snapshotResume
        self.snapshotHead = snapshotHead
        self.initialized = initialized
    }
}

/// The local side of a sync: what the sync engine needs from an editor's (or a field office's) store.
///
/// Every mutating requirement is one transaction, so a sync cut at any point leaves the replica consistent:
/// outbox entries are removed only once acknowledged, and a pulled page is applied together with its cursor.
public protocol SyncReplica: Sendable {
    /// The replica's client id, sent in `hello`.
    func clientID() throws -> String
    /// The credentials to present in `hello`, if any.
    func credentials() throws -> Credentials?
    /// Outbox changes in author order, at most `maxCount` and about `maxBytes` of JSON (at least one if any).
    func pendingChanges(maxCount: Int, maxBytes: Int) throws -> [ChangeRecord]
    /// The same, past the outbox position `after` (from the start when `nil`), with the position it reaches.
    func pendingBatch(after: Int64?, maxCount: Int, maxBytes: Int) throws -> PendingBatch
    /// How many changes wait in the outbox.
    func pendingCount() throws -> Int
    /// Records the server's verdicts: acknowledged changes leave the outbox, refused ones are kept aside.
    @discardableResult
    func acknowledge(_ results: [ChangeResult]) throws -> AcknowledgeSummary
    /// Where the replica stands.
    func syncCursor() throws -> SyncCursor
    /// Applies one pulled page and advances the cursor, in one transaction.
    ///
    /// For a snapshot page, the replica stores `page.resume` and `page.headSeq` as its snapshot progress; when
    /// `page.more` is false the snapshot is complete and the cursor becomes the snapshot's head.
    ///
    /// A record that cannot be stored (a field of the wrong type) is left out and returned; the rest applies.
    func apply(_ page: Changes, snapshot: Bool) throws -> [SkippedRecord]
    /// Keeps what the server's `welcome` says about this connection (the account it acts as); called once per
    /// connection, before anything is pushed or pulled.
    func welcomed(_ welcome: Welcome) throws
    /// Yields whenever a local change may have been committed (coalesced), so that a watching sync pushes it at once.
    func localWrites() -> AsyncStream<Void>
    /// The server log history this replica last synced in (PROTOCOL.md section 12.5); `nil` before its first sync
    /// with a server that names one.
    func logEpoch() throws -> String?
    /// The records of this replica's change log after `seq`, as it holds them, to offer again to a server whose log
    /// was restored behind them (at most `maxCount`, about `maxBytes` of JSON, at least one when any remain).
    func reofferBatch(after seq: Int64, maxCount: Int, maxBytes: Int) throws -> ReofferBatch
    /// Joins the server's log history `epoch`; when the replica's history diverged at `divergedAt`, its cursor goes
    /// back to that seq. One transaction.
    func adoptLogEpoch(_ epoch: String, divergedAt: Int64?) throws
}

extension SyncReplica {
    /// Keeps nothing.
    public func welcomed(_ welcome: Welcome) throws {}
}
