import Logging
import SyncProtocol

/// `bulletin sync --watch`: stays connected, pulls on every `notify`, pushes local changes as they are made, and
/// reconnects with exponential backoff and jitter after any disconnect.
public struct WatchLoop<Replica: SyncReplica>: Sendable {
    /// The engine doing each push and pull.
    public let engine: SyncEngine<Replica>
    /// How to reach the server.
    public let connector: SyncConnector
    /// The delays between reconnection attempts.
    public let backoff: Backoff
    /// Makes the `hello` for each connection.
    public let hello: @Sendable () throws -> Hello

    /// Creates a watch loop.
    public init(
        engine: SyncEngine<Replica>, connector: SyncConnector, backoff: Backoff = Backoff(),
        hello: @escaping @Sendable () throws -> Hello
    ) {
        self.engine = engine
        self.connector = connector
        self.backoff = backoff
        self.hello = hello
    }

    /// Runs until the task is cancelled or a non-retryable error occurs.
    ///
    /// - Parameters:
    ///   - onActivity: Called after each push or pull that moved something, with what it did.
    ///   - onConnection: Called when a connection is established (after `welcome`) and when it is lost.
    public func run(
        onActivity: @escaping @Sendable (SyncSummary) -> Void = { _ in },
        onConnection: @escaping @Sendable (WatchConnectionEvent) -> Void = { _ in }
    ) async throws {
        var attempt = 0
        var generator = SystemRandomNumberGenerator()
        while !Task.isCancelled {
            do {
                do {
                    try await connector.withConversation(hello: try hello()) { conversation, welcome in
                        attempt = 0
                        onConnection(.connected)
                        try await watch(conversation, welcome: welcome, onActivity: onActivity)
                    }
                } catch let error where !(error is SyncError) && !(error is CancellationError) {
                    // A transport error that escaped as NIO's own (a write on a connection cut meanwhile) is the
                    // same lost connection as any other: retried, not the end of watching.
                    throw SyncError(transportError: error, address: connector.address.description) ?? error
                }
            } catch let error as SyncError where error.isRetryable {
                let delay = backoff.delay(forAttempt: attempt, using: &generator)
                onConnection(.disconnected(error, retryIn: delay))
                engine.logger.info(
                    "watch: connection lost, reconnecting",
                    metadata: [
                        "error": "\(error)", "retry.attempt": "\(attempt)",
                        "retry.delay_ms": "\(delay.wholeMilliseconds)",
                    ])
                attempt += 1
                try await Task.sleep(for: delay)
            } catch is CancellationError {
                return
            }
        }
    }

    private func watch(
        _ conversation: Conversation, welcome: Welcome,
        onActivity: @Sendable (SyncSummary) -> Void
    ) async throws {
        // Local commits (this process's, or another's on the same file) wake the conversation: nothing here looks
        // at the outbox on a timer.
        let writes = engine.replica.localWrites()
        let wake = conversation.waker
        let forwarding = Task {
            for await _ in writes { wake() }
        }
        defer { forwarding.cancel() }
        let first = try await engine.sync(conversation, welcome: welcome)
        onActivity(first)
        // The cursor as this loop last left it: a notify at or below it needs no pull. Another process pulling into
        // the same store only makes it stale-low, which costs one empty pull, never a missed record.
        var cursor = first.cursor
        try await conversation.send(.subscribe(Subscribe(since: cursor)))
        while !Task.isCancelled {
            // A wake or a notify may have arrived while a push or a pull waited for its answer: the conversation
            // remembers both, and they are served before waiting for another event — waiting first would leave them
            // unserved until something else happened to arrive.
            if !conversation.woken && conversation.notifiedHead == nil {
                switch try await conversation.nextEvent() {
                case .inbound(.message(.error(let error))):
                    throw SyncError.server(error)
                case .inbound, .deadline, .wake:
                    break
                case .closed(let error):
                    if let problem = error as? ProtocolError { throw SyncError.protocolViolation(problem) }
                    throw SyncError.connectionClosed
                }
            }
            if conversation.takeWake(), try await engine.onStore({ try $0.pendingCount() }) > 0 {
                var summary = SyncSummary()
                try await engine.pushAll(conversation, welcome: welcome, into: &summary)
                summary.cursor = try await engine.onStore { try $0.syncCursor().seq }
                cursor = summary.cursor
                onActivity(summary)
            }
            // No store read before or after the pull: a notified edit reaches the store in the page's own
            // transaction (`pullAll` starts from this loop's cursor and reports the one its last page left).
            if let head = conversation.takeNotifiedHead(), head > cursor {
                var summary = SyncSummary()
                try await engine.pullAll(
                    conversation, welcome: welcome, into: &summary, from: SyncCursor(seq: cursor, initialized: true))
                cursor = summary.cursor
                onActivity(summary)
            }
        }
    }
}

/// A change of the watch loop's connection, for a front end that shows whether it is online.
public enum WatchConnectionEvent: Sendable {
    /// The server welcomed the client: the loop is online.
    case connected
    /// The connection failed or was lost; the loop tries again after the delay.
    case disconnected(SyncError, retryIn: Duration)
}
