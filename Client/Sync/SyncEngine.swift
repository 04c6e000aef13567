import Logging
import NIOPosix
import SyncProtocol

/// Pushes a replica's outbox and pulls the server's log into it over one ``Conversation``.
///
/// Safe to cut at any point: outbox entries leave only when acknowledged (the server deduplicates re-sent
/// change ids), and each pulled page is applied together with the cursor it advances to.
public struct SyncEngine<Replica: SyncReplica>: Sendable {
    /// The local store.
    public let replica: Replica
    /// Bounds and timing.
    public let options: SyncOptions
    /// Where progress lines go.
    public let logger: Logger

    /// Creates an engine.
    public init(replica: Replica, options: SyncOptions = SyncOptions(), logger: Logger) {
        self.replica = replica
        self.options = options
        self.logger = logger
    }

    /// Runs `work` on the replica on a thread of the store's own, never on Swift's cooperative pool: the replica's
    /// calls block their thread (a pulled page's commit takes milliseconds, a snapshot page more).
    func onStore<Value: Sendable>(_ work: @escaping @Sendable (Replica) throws -> Value) async throws -> Value {
        let replica = replica
        return try await NIOThreadPool.singleton.runIfActive { try work(replica) }
    }

    /// Pushes every pending change, then pulls until caught up.
    public func sync(
        _ conversation: Conversation, welcome: Welcome,
        progress: (@Sendable (SyncProgress) -> Void)? = nil
    ) async throws -> SyncSummary {
        var summary = SyncSummary()
        try await onStore { try $0.welcomed(welcome) }
        try await reconcileLogEpoch(conversation, welcome: welcome, into: &summary)
        try await pushAll(conversation, welcome: welcome, into: &summary)
        try await pullAll(conversation, welcome: welcome, into: &summary, progress: progress)
        return summary
    }

    /// When the server's log was restored behind this replica (`welcome` names a log history this replica did not
    /// sync in), offers again every record it holds beyond the seq where the histories part, then moves its cursor
    /// back to that seq, so that the pull that follows brings what the restored log holds (PROTOCOL.md 12.5).
    ///
    /// Safe to cut: the new history is adopted only after the last batch was acknowledged, and offering a record
    /// twice is a `duplicate`.
    func reconcileLogEpoch(_ conversation: Conversation, welcome: Welcome, into summary: inout SyncSummary)
        async throws
    {
        guard welcome.capabilities.contains("log_epochs"), let epochs = welcome.logEpochs, let current = epochs.last
        else { return }
        let known = try await onStore { try $0.logEpoch() }
        if known == current.epoch { return }
        guard let known else {
            // The first sync with a server that names its history: nothing can have been lost yet.
            try await onStore { try $0.adoptLogEpoch(current.epoch, divergedAt: nil) }
            return
        }
        let divergence = epochs.divergence(since: known) ?? current.fromSeq
        let (maxCount, maxBytes) = batchBounds(welcome)
        logger.info(
            "the server's log was restored; offering again what it lacks",
            metadata: [
                "log.epoch": "\(current.epoch)", "log.diverged_at": "\(divergence)",
            ])
        var after = divergence
        while true {
            let start = after
            let batch = try await onStore { try $0.reofferBatch(after: start, maxCount: maxCount, maxBytes: maxBytes) }
            guard let through = batch.through else { break }
            after = through
            if batch.changes.isEmpty { continue }
            let ack = try await reoffer(batch.changes, conversation)
            summary.reoffered += batch.changes.count
            for refusal in ack.results where refusal.status == .rejected {
                summary.reofferRefused += 1
                logger.warning(
                    "server refused a re-offered change",
                    metadata: [
                        "change.id": "\(refusal.changeID)", "reason": "\(refusal.reason ?? refusal.code ?? "unknown")",
                    ])
            }
        }
        try await onStore { try $0.adoptLogEpoch(current.epoch, divergedAt: divergence) }
    }

    /// The most changes and bytes one `push` may carry.
    private func batchBounds(_ welcome: Welcome) -> (count: Int, bytes: Int) {
        (
            max(1, min(options.maxBatchChanges, welcome.limits.maxBatchChanges)),
            max(1, min(options.maxBatchBytes, welcome.limits.maxDecompressedBytes / 2))
        )
    }

    /// Sends one re-offering `push` and waits for its `push_ack`.
    private func reoffer(_ changes: [ChangeRecord], _ conversation: Conversation) async throws -> PushAck {
        let batchID = try await sendPush(conversation) { Push(batchID: $0, changes: changes, reoffer: true) }
        return try await awaitAck(batchID, conversation)
    }

    /// Sends one `push`; returns its batch id.
    private func sendPush(_ conversation: Conversation, _ push: (_ batchID: String) -> Push) async throws -> String {
        let batchID = UUIDText.make()
        try await conversation.send(.push(push(batchID)))
        return batchID
    }

    /// Waits for the `push_ack` of the batch `batchID` (the server answers a connection's requests in order).
    private func awaitAck(_ batchID: String, _ conversation: Conversation) async throws -> PushAck {
        try await conversation.awaitReply(timeout: options.replyTimeout, awaiting: "push_ack") { reply -> PushAck? in
            if case .pushAck(let ack) = reply, ack.batchID == batchID { return ack }
            return nil
        }
    }

    /// How many `push` batches may wait for their `push_ack` at once. Two: while the server commits one, the next
    /// is read from the outbox, sent and decoded, and the previous one's acknowledgement is written here — the
    /// client's work and the server's overlap instead of taking turns (PROTOCOL.md section 7 allows pipelining).
    static var pushesInFlight: Int { 2 }

    /// The most changes of one pipelined `push` (the server allows 5,000): with only a few batches in all there is
    /// little to overlap — 10,000 small changes went in two batches, the server applying the second while the
    /// client, its batch sent, only waited. Batches of 1,000 took the push from 14,400–15,200 to 17,300–18,100
    /// changes a second (BENCHMARKS.md, "Issue 14: the live path and the fan-out"). Articles are bounded by bytes.
    static var pipelinedBatchChanges: Int { 1_000 }

    /// The most changes of the pass's batch number `index` (from 0): 125, 250, 500, then
    /// ``pipelinedBatchChanges``. The server can start on nothing until a whole first batch is read, encoded, sent
    /// and decoded, so a small first batch starts its writer sooner; the batches after it grow while the server is
    /// busy with the ones before.
    static func pipelinedBatchChanges(at index: Int) -> Int {
        min(pipelinedBatchChanges, 125 << min(index, 3))
    }

    /// Pushes the outbox in bounded batches until it is empty, with up to ``pushesInFlight`` batches in flight.
    ///
    /// Each pass reads the outbox from its start: a change the server asked for in its full form (a compact edit
    /// that no longer fits) stays in place, and goes in the next pass.
    public func pushAll(_ conversation: Conversation, welcome: Welcome, into summary: inout SyncSummary)
        async throws
    {
        let bounds = batchBounds(welcome)
        while true {
            var inFlight: [String] = []
            var after: Int64?
            var exhausted = false
            var progressed = false
            var sent = false
            var batches = 0
            while true {
                while !exhausted, inFlight.count < Self.pushesInFlight {
                    let from = after
                    let maxCount = min(bounds.count, Self.pipelinedBatchChanges(at: batches))
                    let batch = try await onStore {
                        try $0.pendingBatch(after: from, maxCount: maxCount, maxBytes: bounds.bytes)
                    }
                    guard let through = batch.through else {
                        exhausted = true
                        break
                    }
                    after = through
                    batches += 1
                    inFlight.append(try await sendPush(conversation) { Push(batchID: $0, texts: batch.records) })
                    summary.pushed += batch.records.count
                    sent = true
                }
                guard !inFlight.isEmpty else { break }
                let ack = try await awaitAck(inFlight.removeFirst(), conversation)
                if try await acknowledge(ack, into: &summary) { progressed = true }
            }
            // A pass where nothing was removed from the outbox (or turned into its full form) would be sent again
            // forever.
            if !sent || !progressed { return }
        }
    }

    /// Records a `push_ack` in the store and the summary; whether anything left the outbox or changed form.
    private func acknowledge(_ ack: PushAck, into summary: inout SyncSummary) async throws -> Bool {
        let outcome = try await onStore { try $0.acknowledge(ack.results) }
        summary.accepted += outcome.accepted
        summary.conflicts += ack.results.count { $0.status == .conflict }
        summary.rejected += outcome.rejected
        for refusal in ack.results where refusal.status == .rejected {
            logger.warning(
                "server refused a change",
                metadata: [
                    "change.id": "\(refusal.changeID)", "reason": "\(refusal.reason ?? refusal.code ?? "unknown")",
                ])
        }
        logger.debug("pushed batch", metadata: ["batch.id": "\(ack.batchID)", "batch.count": "\(ack.results.count)"])
        return outcome.accepted + outcome.rejected + outcome.resent > 0
    }

    /// Pulls pages until the server says there are no more; starts with a snapshot when the replica is new.
    ///
    /// Sets `summary.cursor` to the cursor the last log page advanced to (each applied log page sets the replica's
    /// cursor to its `to_seq`), so that a caller need not read it back from the store.
    ///
    /// - Parameter known: The replica's cursor as the caller last left it, to pull from without reading it first (a
    ///   watching loop's next pull). One that is stale-low only costs records the replica then skips as held.
    public func pullAll(
        _ conversation: Conversation, welcome: Welcome, into summary: inout SyncSummary,
        from known: SyncCursor? = nil, progress: (@Sendable (SyncProgress) -> Void)? = nil
    ) async throws {
        var cursor: SyncCursor
        if let known {
            cursor = known
        } else {
            cursor = try await onStore { try $0.syncCursor() }
        }
        if welcome.capabilities.contains("snapshot") && (!cursor.initialized || cursor.snapshotResume != nil) {
            summary.snapshot = true
            try await pullPages(conversation, from: cursor, snapshot: true, into: &summary, progress: progress)
            cursor = try await onStore { try $0.syncCursor() }
        }
        let edits = options.textEdits && welcome.capabilities.contains("edits")
        do {
            summary.cursor = try await pullPages(
                conversation, from: cursor, snapshot: false, edits: edits, into: &summary, progress: progress)
        } catch let error as StoreError where edits && Self.isStaleEdit(error) {
            // A text edit did not fit the text held here (e.g. a local edit not yet pushed): pull the rest of the
            // log with full records. Nothing of the refused page was applied.
            logger.debug("text edit did not fit; pulling full records", metadata: ["error": "\(error)"])
            cursor = try await onStore { try $0.syncCursor() }
            summary.cursor = try await pullPages(
                conversation, from: cursor, snapshot: false, edits: false, into: &summary, progress: progress)
        }
    }

    private static func isStaleEdit(_ error: StoreError) -> Bool {
        if case .staleTextEdit = error { return true }
        return false
    }

    /// Sends one `pull` and applies the pages the server streams back until one says `more: false`.
    ///
    /// Each page is applied (with its cursor or snapshot progress) before the next is read, so a cut between pages
    /// resumes from the last applied one.
    ///
    /// When applying a page fails, the rest of the stream is read and dropped before the error is rethrown, so the
    /// conversation can go on with another request.
    ///
    /// Returns the last page's `to_seq`: the cursor a log pull leaves the replica at.
    @discardableResult
    private func pullPages(
        _ conversation: Conversation, from cursor: SyncCursor, snapshot: Bool, edits: Bool = false,
        into summary: inout SyncSummary,
        progress: (@Sendable (SyncProgress) -> Void)?
    ) async throws -> Int64 {
        let request = Pull(
            since: cursor.seq, maxChanges: options.pullMaxChanges, maxBytes: options.pullMaxBytes,
            snapshot: snapshot ? true : nil, resume: snapshot ? cursor.snapshotResume : nil, edits: edits ? true : nil)
        try await conversation.send(.pull(request))
        while true {
            let page = try await nextPage(conversation)
            do {
                let skipped = try await onStore { try $0.apply(page, snapshot: snapshot) }
                for record in skipped {
                    logger.warning(
                        "skipped a pulled record this replica cannot store",
                        metadata: [
                            "change.seq": "\(record.seq)", "change.id": "\(record.changeID)",
                            "reason": "\(record.reason)",
                        ])
                }
                summary.skipped += skipped
            } catch {
                var more = page.more
                while more { more = try await nextPage(conversation).more }
                throw error
            }
            summary.pulled += page.changes.count
            summary.pages += 1
            progress?(
                SyncProgress(
                    pulled: summary.pulled, cursor: page.toSeq,
                    head: page.headSeq ?? page.toSeq, snapshot: snapshot))
            if !page.more { return page.toSeq }
        }
    }

    private func nextPage(_ conversation: Conversation) async throws -> Changes {
        try await conversation.awaitReply(timeout: options.replyTimeout, awaiting: "changes") { reply -> Changes? in
            if case .changes(let page) = reply { return page }
            return nil
        }
    }
}
