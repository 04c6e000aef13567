import Logging
import NIOConcurrencyHelpers
import NIOCore
import SyncProtocol

/// One client connection, served over `NIOAsyncChannel`: reads frames, lets ``SessionStateMachine`` decide, and
/// performs its actions against the store.
///
/// Requests are served one at a time in arrival order, each in a short-lived child task (see
/// ``serveInChildTask(_:_:_:)``); `notify` messages of a subscription and the end of a revoked account's session are
/// written by callbacks alongside (``NotifyWriter``, ``closeRevoked()``), so an idle subscribed session is one task
/// waiting for its next frame and nothing more. Page streams are written one page at a time, each after the previous
/// write was accepted by the channel (which suspends while the socket is not writable), so a slow reader slows the
/// server's reads down.
struct Session: Sendable {
    typealias Outbound = NIOAsyncChannelOutboundWriter<Message>

    let environment: SessionEnvironment
    let channel: any Channel
    let peer: String?
    let logger: Logger
    /// Set once the account was revoked: the session then only drains what the peer still sends.
    private let revoked = NIOLockedValueBox(false)
    /// The `push_ack`s owed for batches handed to the store (see ``OrderedReplies``).
    private let replies = OrderedReplies()

    /// How long a revoked session waits for its peer to close after being told, before closing anyway.
    static let revokedLinger: TimeAmount = .seconds(2)

    /// What a session keeps from one request to the next; the child task serving a request takes it and puts it back.
    private struct State: Sendable {
        var machine: SessionStateMachine
        /// Closes a peer that does not authenticate in time; cancelled by `welcome` or the end of the session.
        var handshakeTimer: Scheduled<Void>
        var principal: Principal?
        /// The session's entry in ``AuthenticatedSessions`` (an account's session), removed when it ends.
        var registration: Int?
        var subscription: HeadBroadcaster.Subscription?
        var notifications: NotifyWriter?
    }

    /// What serving one frame led to.
    private enum Step: Sendable {
        /// Serve the next frame.
        case next
        /// The session is over (it said so, or the store failed).
        case end
        /// Writing or serving failed: the session ends with this error.
        case failed(any Error)
    }

    init(environment: SessionEnvironment, channel: any Channel, peer: String?, logger: Logger) {
        self.environment = environment
        self.channel = channel
        self.peer = peer
        self.logger = logger
    }

    /// Serves the connection until the peer leaves, a fatal error occurs, or the server shuts down.
    func run(_ connection: NIOAsyncChannel<InboundFrame, Message>) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                try await serve(inbound, outbound)
            }
            logClosed(nil)
        } catch {
            logClosed(error)
        }
    }

    /// The session's last log line. Not inlined: its locals stay out of ``run(_:)``'s async frame, which lives as
    /// long as the session.
    @inline(never)
    private func logClosed(_ error: (any Error)?) {
        guard let error else {
            logger.info("connection closed")
            return
        }
        if let error = error as? ProtocolError {
            logger.info("connection closed after a protocol error", metadata: ["error": "\(error.code): \(error)"])
        } else {
            logger.info("connection closed", metadata: ["error": "\(error)"])
        }
    }

    /// The session's loop. It waits for most of a session's life, so it keeps few locals: what a request needs is
    /// in the child task serving it.
    private func serve(_ inbound: NIOAsyncChannelInboundStream<InboundFrame>, _ outbound: Outbound) async throws {
        // A peer that does not authenticate in time is closed: idle connections before `welcome` cost little, but
        // not nothing, and must not pile up. The state is boxed so that this frame holds a reference, not a copy.
        let state = NIOLockedValueBox(
            State(
                machine: SessionStateMachine(
                    supportedVersions: SessionEnvironment.supportedVersions,
                    maxBatchChanges: environment.configuration.maxBatchChanges),
                handshakeTimer: channel.eventLoop.scheduleTask(
                    in: TimeAmount(environment.configuration.handshakeTimeout)
                ) { [channel] in channel.close(promise: nil) }))
        defer { end(state.withLockedValue { $0 }) }
        do {
            for try await frame in inbound {
                // Read and dropped, so that the connection never closes with unread input (see closeRevoked).
                if revoked.withLockedValue({ $0 }) { continue }
                switch await serveInChildTask(frame, state, outbound) {
                case .next: break
                case .end:
                    _ = await replies.settle()
                    return
                case .failed(let error): throw error
                }
                if environment.connections.isDraining { break }
            }
        } catch {
            // Batches handed to the store are applied whatever happens to the connection: wait for them.
            _ = await replies.settle()
            throw error
        }
        // The peer closed, or a shutdown closed our input: the batches it sent are acknowledged, then `bye`.
        guard await replies.settle() else { return }
        if environment.connections.isDraining {
            await sayBye(state, outbound)
        }
    }

    /// Says `bye` if the session was still open. Not inlined, like ``serveInChildTask(_:_:_:)``: what an async
    /// function inlines lives in its frame, and ``serve(_:_:)``'s frame lives as long as the session.
    @inline(never)
    private func sayBye(_ state: NIOLockedValueBox<State>, _ outbound: Outbound) async {
        let action = state.withLockedValue { state in
            let action = state.machine.shutdown()
            // `bye` is the last frame the server sends.
            if case .sendAndClose = action { state.notifications?.stop() }
            return action
        }
        guard case .sendAndClose(let bye) = action else { return }
        do {
            try await outbound.write(bye)
        } catch {
            logger.info("could not say bye", metadata: ["error": "\(error)"])
        }
    }

    /// Serves one frame in a child task of its own, which updates the session's state.
    ///
    /// A task keeps the memory of the deepest chain of calls it ever made (its allocator's slabs) until it ends; the
    /// handshake, a push or a pull go deep (authentication, the store, encoding), and served in the session's own
    /// task they would stay charged to every idle session (issue 14, item 5). A child task frees them at once.
    @inline(never)
    private func serveInChildTask(
        _ frame: InboundFrame, _ state: NIOLockedValueBox<State>, _ outbound: Outbound
    ) async -> Step {
        await withTaskGroup(of: Step.self) { group in
            group.addTask {
                // The loop waits for this task: nothing else changes the state meanwhile.
                var current = state.withLockedValue { $0 }
                let step: Step
                do {
                    step = try await handle(frame, &current, outbound)
                } catch {
                    step = .failed(error)
                }
                state.withLockedValue { $0 = current }
                return step
            }
            var step = Step.end
            for await served in group { step = served }
            return step
        }
    }

    /// Lets the state machine decide about a frame and performs what it says.
    private func handle(_ frame: InboundFrame, _ state: inout State, _ outbound: Outbound) async throws -> Step {
        var action = state.machine.received(frame)
        if case .authenticate(let hello) = action {
            action = await authenticate(hello, &state)
        }
        switch action {
        case .none, .authenticate, .push:
            break
        default:
            // Answers keep the order of the requests: the acks owed for earlier batches go first.
            guard await replies.settle() else { return .end }
        }
        switch action {
        case .none, .authenticate:
            return .next
        case .send(let message):
            try await outbound.write(message)
        case .sendAndClose(let message):
            logClosing(message)
            try await outbound.write(message)
            return .end
        case .close:
            return .end
        case .welcome(let version):
            try await welcome(version: version, as: state.principal, outbound)
        case .push(let push):
            guard await submit(push, by: state.principal, outbound) else { return .end }
        case .pull(let pull):
            let complete = try await stream(
                pull, scope: state.machine.role?.readScope ?? .everything,
                clientID: state.principal?.clientID ?? "", outbound)
            if complete, let user = state.principal?.user {
                do {
                    try await environment.recency.caughtUp(user, store: environment.store)
                } catch {
                    logger.warning("could not record the account's sync time", metadata: ["error": "\(error)"])
                }
            }
        case .subscribe(let since):
            try await subscribe(since: since, &state, outbound)
        }
        return .next
    }

    /// Asks the authenticator about a `hello`; on success registers the account's session (so that a revocation
    /// reaches it) and returns what the state machine says next.
    private func authenticate(_ hello: Hello, _ state: inout State) async -> SessionStateMachine.Action {
        switch await environment.authenticator.authenticate(hello, peer: peer) {
        case .allowed(let allowed):
            state.handshakeTimer.cancel()
            state.principal = allowed
            environment.metrics.count("bulletin_handshakes_total", [("outcome", "accepted")])
            environment.metrics.sessionOpened(allowed.role)
            logger.info(
                "hello accepted",
                metadata: [
                    "client.id": "\(allowed.clientID)", "client.user": "\(allowed.user ?? "-")",
                    "client.role": "\(allowed.role)", "client.app": "\(hello.appVersion)",
                ])
            if let user = allowed.user {
                state.registration = environment.sessions.add(user: user) { [self] in closeRevoked() }
            }
            return state.machine.authenticationSucceeded(as: allowed.role)
        case .denied(let reason):
            environment.metrics.count("bulletin_handshakes_total", [("outcome", "denied")])
            logger.info("hello refused", metadata: ["reason": "\(reason)"])
            return state.machine.authenticationFailed(reason)
        case .rateLimited(let reason):
            environment.metrics.count("bulletin_handshakes_total", [("outcome", "rate_limited")])
            logger.info("hello refused: rate limited", metadata: ["reason": "\(reason)"])
            return state.machine.authenticationRateLimited(reason)
        }
    }

    /// Starts the subscription: from now on a `notify` goes out whenever the head moves past `since`.
    private func subscribe(since: Int64, _ state: inout State, _ outbound: Outbound) async throws {
        // A field office hears only of new publications; everyone else of every new record.
        let broadcaster =
            state.machine.role?.readScope == .publications ? environment.publications : environment.broadcaster
        if state.subscription != nil {
            // One subscription per connection; a repeated subscribe only re-checks its cursor.
            let head = broadcaster.head
            if head > since { try await outbound.write(.notify(Notify(headSeq: head))) }
        } else {
            let notifications = NotifyWriter(channel: channel)
            state.notifications = notifications
            state.subscription = broadcaster.subscribe(since: since) { notifications.offer($0) }
        }
    }

    /// Forgets the session everywhere it was registered, when it ends.
    private func end(_ state: State) {
        state.handshakeTimer.cancel()
        state.subscription?.cancel()
        state.notifications?.stop()
        if let registration = state.registration { environment.sessions.remove(registration) }
        if let principal = state.principal { environment.metrics.sessionClosed(principal.role) }
    }

    /// Raises the frame limits, then sends `welcome` (in that order, so a large first request is never refused),
    /// telling the client the account it acts as.
    private func welcome(version: Int, as principal: Principal?, _ outbound: Outbound) async throws {
        try await channel.triggerUserOutboundEvent(RaiseFrameLimits(limits: environment.standardLimits)).get()
        let welcome = Welcome(
            version: version, serverID: environment.store.serverID, headSeq: try await environment.store.headSeq(),
            limits: environment.wireLimits, capabilities: SessionEnvironment.capabilities,
            account: principal.flatMap { principal in
                principal.user.map { WelcomeAccount(name: $0, role: principal.role) }
            },
            logEpochs: environment.store.logEpochs)
        try await outbound.write(.welcome(welcome))
    }

    /// Hands a batch to the store and adds its `push_ack` to the replies owed; `false` when the session must end.
    private func submit(_ push: Push, by principal: Principal?, _ outbound: Outbound) async -> Bool {
        await replies.makeRoom()
        // A session whose store failed takes no more batches: nothing would acknowledge them.
        guard replies.goesOn else { return false }
        let started = ContinuousClock.now
        let outcome = channel.eventLoop.makePromise(of: PushOutcome.self)
        // The state machine only lets a session that authenticated push; the role decides change by change.
        environment.store.schedulePush(
            push.changes, role: principal?.role ?? .editor, user: principal?.user, reoffer: push.reoffer == true
        ) { outcome.completeWith($0) }
        return replies.add { [self] in
            await acknowledge(push, outcome.futureResult, started: started, outbound)
        }
    }

    /// Acknowledges a batch once durable; `false` when the store failed (or the ack could not be written) and the
    /// session must end.
    private func acknowledge(
        _ push: Push, _ result: EventLoopFuture<PushOutcome>, started: ContinuousClock.Instant, _ outbound: Outbound
    ) async -> Bool {
        let outcome: PushOutcome
        do {
            outcome = try await result.get()
        } catch {
            logger.error("push failed", metadata: ["push.batch_id": "\(push.batchID)", "error": "\(error)"])
            try? await outbound.write(
                .error(
                    ErrorMessage(
                        .internalError, "the server could not store the batch; nothing of it was applied, retry later"))
            )
            // The session ends here, as it would have had it waited for the store: its loop may be waiting to read.
            channel.close(promise: nil)
            return false
        }
        let fanOut = ContinuousClock.now
        environment.broadcaster.publish(head: outcome.headSeq)
        if let publicationSeq = outcome.publicationSeq {
            environment.publications.publish(head: publicationSeq)
        }
        environment.metrics.fannedOut(in: ContinuousClock.now - fanOut)
        do {
            try await outbound.write(
                .pushAck(PushAck(batchID: push.batchID, results: outcome.results, headSeq: outcome.headSeq)))
        } catch {
            logger.info(
                "could not acknowledge a batch", metadata: ["push.batch_id": "\(push.batchID)", "error": "\(error)"])
            return false
        }
        environment.metrics.pushed(outcome, in: ContinuousClock.now - started)
        logger.info(
            "push",
            metadata: [
                "push.batch_id": "\(push.batchID)", "push.count": "\(push.changes.count)",
                "push.applied": "\(outcome.appliedCount)", "push.duplicates": "\(outcome.duplicateCount)",
                "push.rejected": "\(outcome.rejectedCount)", "push.head_seq": "\(outcome.headSeq)",
            ])
        return true
    }

    /// Streams the pages answering a pull; stops early (the client resumes) when the server shuts down.
    ///
    /// A field office (`scope == .publications`) sees only `publication` records, in log pages and in snapshots.
    /// A pull with `edits` gets article text as text edits where that is smaller (see ``CompactRecordChoice``).
    /// - Returns: whether the pull ran to its last page (not cut short by a shutdown).
    private func stream(_ pull: Pull, scope: ReadScope, clientID: String, _ outbound: Outbound) async throws -> Bool {
        let started = ContinuousClock.now
        var stats = PullStats()
        if scope == .publications {
            var narrowed = pull
            narrowed.filter = (pull.filter ?? PullFilter()).publicationsOnly
            if pull.snapshot == true {
                // A field office's snapshot: the latest publication of every released issue, newest first.
                try await streamSnapshot(narrowed, outbound, stats: &stats) { position, limits in
                    (
                        try await environment.store.publicationSnapshotPage(
                            from: position, limits: limits, filter: narrowed.filter), nil
                    )
                }
            } else {
                try await streamLog(narrowed, editsFor: nil, outbound, stats: &stats)
            }
        } else if pull.snapshot == true {
            try await streamSnapshot(pull, outbound, stats: &stats, frames: environment.snapshotFrames) {
                position, limits in
                let (page, head) = try await environment.store.snapshotPageAndHead(
                    from: position, limits: limits, filter: pull.filter)
                return (page, head)
            }
        } else {
            try await streamLog(pull, editsFor: pull.edits == true ? clientID : nil, outbound, stats: &stats)
        }
        environment.metrics.pulled(
            pages: stats.pages, snapshot: pull.snapshot == true,
            in: ContinuousClock.now - started)
        logger.info(
            "pull",
            metadata: [
                "pull.snapshot": "\(pull.snapshot == true)", "pull.since": "\(pull.since)",
                "pull.to_seq": "\(stats.toSeq)", "pull.pages": "\(stats.pages)", "pull.records": "\(stats.records)",
                "pull.bytes": "\(stats.bytes)", "pull.complete": "\(!stats.more)",
            ])
        return !stats.more
    }

    private func streamLog(
        _ pull: Pull, editsFor puller: String?, _ outbound: Outbound, stats: inout PullStats
    ) async throws {
        let limits = environment.pageLimits(for: pull)
        let bound = try await environment.store.headSeq()
        var since = pull.since
        repeat {
            let from = since
            let store = environment.store
            let read: @Sendable () async throws -> (Changes, bytes: Int) = {
                let page = try await store.logPage(
                    since: from, bound: bound, limits: limits, filter: pull.filter, editsFor: puller)
                return (
                    Changes(
                        fromSeq: from, toSeq: page.toSeq, more: page.more, changes: page.records,
                        headSeq: bound), page.bytes
                )
            }
            // Text edits are made against one puller's text; every other page is the same for all who ask.
            let (page, bytes) =
                if puller == nil {
                    try await environment.sharedPages.page(
                        SharedPages.Key(since: from, bound: bound, filter: pull.filter, limits: limits), make: read)
                } else {
                    try await read()
                }
            try await outbound.write(.changes(page))
            stats.add(records: page.changes.count, bytes: bytes, toSeq: page.toSeq, more: page.more)
            since = page.toSeq
        } while stats.more && !environment.connections.isDraining
    }

    /// The snapshot position a pull starts from: its resume token, or a fresh start (`.some(nil)`); `nil` after
    /// answering an invalid token with an error.
    private func snapshotStart<Position: ResumeTokenConvertible>(
        _ pull: Pull, _ outbound: Outbound
    ) async throws -> Position?? {
        guard let token = pull.resume else { return .some(nil) }
        do {
            return .some(try Position(token: token))
        } catch {
            try await outbound.write(.error(ErrorMessage(.invalidMessage, "\(error)")))
            return nil
        }
    }

    /// Streams a snapshot from the pull's resume token (or the start), one `page` at a time.
    ///
    /// With `frames`, a page read while the log's head was where it still is goes out as the frame kept from an
    /// earlier pull, and each page read here is kept for the next (`page` then says the head it was read at).
    private func streamSnapshot<Position>(
        _ pull: Pull, _ outbound: Outbound, stats: inout PullStats, frames: SnapshotFrames? = nil,
        page: (Position?, PageLimits) async throws -> (ResumablePage<Position>, head: Int64?)
    ) async throws {
        guard var position: Position? = try await snapshotStart(pull, outbound) else { return }
        let limits = environment.pageLimits(for: pull)
        repeat {
            let key = SnapshotFrames.Key(
                since: pull.since, resume: position?.token, filter: pull.filter, limits: limits)
            if let kept = frames?.page(key), try await environment.store.headSeq() == kept.head {
                var message = kept.page.standIn
                message.shared = kept.page.frame
                try await outbound.write(.changes(message))
                position = try message.resume.map { try Position(token: $0) }
                stats.add(
                    records: kept.page.records, bytes: kept.page.bytes, toSeq: message.toSeq, more: message.more)
                continue
            }
            let (page, head) = try await page(position, limits)
            position = page.next
            let more = page.next != nil
            // Until the last page the client's log cursor must not move: it pulls the log from head_seq after.
            let toSeq = more ? pull.since : page.headSeq
            var message = Changes(
                fromSeq: pull.since, toSeq: toSeq, more: more, changes: page.records, resume: page.next?.token,
                headSeq: page.headSeq)
            if let frames, let head {
                let frame = SharedFrame()
                message.shared = frame
                var standIn = message
                standIn.changes = []
                standIn.shared = nil
                frames.keep(
                    SnapshotFrames.Page(frame: frame, standIn: standIn, records: page.records.count, bytes: page.bytes),
                    for: key, head: head)
            }
            try await outbound.write(.changes(message))
            stats.add(records: page.records.count, bytes: page.bytes, toSeq: toSeq, more: more)
        } while stats.more && !environment.connections.isDraining
    }

    /// Ends the session when its account is revoked: tells the peer, and from then on drops what the peer sends
    /// (the request being served still finishes) until the peer closes its side, or for at most ``revokedLinger``.
    ///
    /// Closing at once could leave a request the peer had already sent unread, and a socket closed with unread
    /// input is reset: the peer's system may then discard the error before the peer reads it. Called by
    /// ``AuthenticatedSessions/revoke(_:)``, on the revoking thread: it only writes and schedules.
    private func closeRevoked() {
        logger.info("account revoked; closing the session")
        revoked.withLockedValue { $0 = true }
        channel.writeAndFlush(
            Message.error(ErrorMessage(.unauthenticated, "the account was revoked; this session is closed")),
            promise: nil)
        channel.eventLoop.scheduleTask(in: Self.revokedLinger) { [channel] in channel.close(promise: nil) }
    }

    private func logClosing(_ message: Message) {
        if case .error(let error) = message {
            logger.info("closing after error", metadata: ["error.name": "\(error.name)", "error": "\(error.message)"])
        }
    }
}

/// Counters for one pull's log line.
struct PullStats {
    var pages = 0
    var records = 0
    var bytes = 0
    var toSeq: Int64 = 0
    var more = false

    mutating func add(records: Int, bytes: Int, toSeq: Int64, more: Bool) {
        pages += 1
        self.records += records
        self.bytes += bytes
        self.toSeq = toSeq
        self.more = more
    }
}
