import Logging
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

    /// Pushes every pending change, then pulls until caught up.
    public func sync(_ conversation: Conversation, welcome: Welcome,
                     progress: (@Sendable (SyncProgress) -> Void)? = nil) async throws -> SyncSummary {
        var summary = SyncSummary()
        try replica.welcomed(welcome)
        try await pushAll(conversation, welcome: welcome, into: &summary)
        try await pullAll(conversation, welcome: welcome, into: &summary, progress: progress)
        summary.cursor = try replica.syncCursor().seq
        return summary
    }

    /// Pushes the outbox in bounded batches until it is empty.
    public func pushAll(_ conversation: Conversation, welcome: Welcome, into summary: inout SyncSummary)
        async throws {
        let maxCount = max(1, min(options.maxBatchChanges, welcome.limits.maxBatchChanges))
        let maxBytes = max(1, min(options.maxBatchBytes, welcome.limits.maxDecompressedBytes / 2))
        while true {
            let batch = try replica.pendingChanges(maxCount: maxCount, maxBytes: maxBytes)
            if batch.isEmpty { return }
            let batchID = UUIDText.make()
            let ack = try await conversation.request(
                .push(Push(batchID: batchID, changes: batch)), timeout: options.replyTimeout, awaiting: "push_ack"
            ) { reply -> PushAck? in
                if case .pushAck(let ack) = reply, ack.batchID == batchID { return ack }
                return nil
            }
            let outcome = try replica.acknowledge(ack.results)
            let refusals = ack.results.filter { $0.status == .rejected }
            summary.pushed += batch.count
            summary.accepted += outcome.accepted
            summary.conflicts += ack.results.count { $0.status == .conflict }
            summary.rejected += outcome.rejected
            for refusal in refusals {
                logger.warning("server refused a change", metadata: [
                    "change.id": "\(refusal.changeID)", "reason": "\(refusal.reason ?? refusal.code ?? "unknown")",
                ])
            }
            logger.debug("pushed batch", metadata: ["batch.id": "\(batchID)", "batch.count": "\(batch.count)"])
            // A batch where nothing was removed from the outbox (or turned into its full form) would be sent again
            // forever.
            if outcome.accepted + outcome.rejected + outcome.resent == 0 { return }
        }
    }

    /// Pulls pages until the server says there are no more; starts with a snapshot when the replica is new.
    public func pullAll(_ conversation: Conversation, welcome: Welcome, into summary: inout SyncSummary,
                        progress: (@Sendable (SyncProgress) -> Void)? = nil) async throws {
        let cursor = try replica.syncCursor()
        if welcome.capabilities.contains("snapshot") && (!cursor.initialized || cursor.snapshotResume != nil) {
            summary.snapshot = true
            try await pullPages(conversation, snapshot: true, into: &summary, progress: progress)
        }
        let edits = options.textEdits && welcome.capabilities.contains("edits")
        do {
            try await pullPages(conversation, snapshot: false, edits: edits, into: &summary, progress: progress)
        } catch let error as StoreError where edits && Self.isStaleEdit(error) {
            // A text edit did not fit the text held here (e.g. a local edit not yet pushed): pull the rest of the
            // log with full records. Nothing of the refused page was applied.
            logger.debug("text edit did not fit; pulling full records", metadata: ["error": "\(error)"])
            try await pullPages(conversation, snapshot: false, edits: false, into: &summary, progress: progress)
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
    private func pullPages(_ conversation: Conversation, snapshot: Bool, edits: Bool = false,
                           into summary: inout SyncSummary,
                           progress: (@Sendable (SyncProgress) -> Void)?) async throws {
        let cursor = try replica.syncCursor()
        let request = Pull(
            since: cursor.seq, maxChanges: options.pullMaxChanges, maxBytes: options.pullMaxBytes,
            snapshot: snapshot ? true : nil, resume: snapshot ? cursor.snapshotResume : nil, edits: edits ? true : nil)
        try await conversation.send(.pull(request))
        while true {
            let page = try await nextPage(conversation)
            do {
                let skipped = try replica.apply(page, snapshot: snapshot)
                for record in skipped {
                    logger.warning("skipped a pulled record this replica cannot store", metadata: [
                        "change.seq": "\(record.seq)", "change.id": "\(record.changeID)", "reason": "\(record.reason)",
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
            progress?(SyncProgress(pulled: summary.pulled, cursor: page.toSeq,
                                   head: page.headSeq ?? page.toSeq, snapshot: snapshot))
            if !page.more { return }
        }
    }

    private func nextPage(_ conversation: Conversation) async throws -> Changes {
        try await conversation.awaitReply(timeout: options.replyTimeout, awaiting: "changes") { reply -> Changes? in
            if case .changes(let page) = reply { return page }
            return nil
        }
    }
}
