import SyncProtocol

/// Something that happened on a connection, in the order the engine sees it.
public enum ConversationEvent: Sendable {
    /// A message (or a message-level protocol problem) from the server.
    case inbound(InboundFrame)
    /// The deadline with this id, set by the conversation while it waits for a reply, passed.
    case deadline(Int)
    /// Something outside the connection asks the driver to look: local changes may wait to be pushed.
    case wake
    /// The server closed the connection or the read failed.
    case closed((any Error)?)
}

/// One client's exchange with the server after the handshake: sends messages and reads events one at a time.
///
/// Not `Sendable`: one task drives a conversation. `notify` and `ping` that arrive while waiting for a response are
/// handled here (remembered, answered) so the engine only sees what it asked for. Nothing here wakes up on a
/// period: a reply is awaited with a deadline of its own, and local changes arrive as ``ConversationEvent/wake``.
public final class Conversation {
    private let sendMessage: @Sendable (Message) async throws -> Void
    private var events: AsyncStream<ConversationEvent>.AsyncIterator
    /// Puts an event into the stream this conversation reads (deadlines, wakes).
    private let post: @Sendable (ConversationEvent) -> Void
    /// The highest head the server announced with `notify` since the last ``takeNotifiedHead()``.
    public private(set) var notifiedHead: Int64?
    /// Whether a ``ConversationEvent/wake`` arrived since the last ``takeWake()``.
    public private(set) var woken = false
    private var lastDeadline = 0
    private let inboundConsumed: (@Sendable () -> Void)?

    /// Creates a conversation over a send function and an event stream.
    ///
    /// - Parameters:
    ///   - post: Puts an event into `events` (the stream's continuation); the conversation posts its deadlines
    ///     through it, and ``waker`` wakes.
    ///   - inboundConsumed: Called each time an `.inbound` event has been taken from `events` (so that whoever
    ///     feeds the stream can bound how many wait in it).
    public init(
        send: @escaping @Sendable (Message) async throws -> Void, events: AsyncStream<ConversationEvent>,
        post: @escaping @Sendable (ConversationEvent) -> Void,
        inboundConsumed: (@Sendable () -> Void)? = nil
    ) {
        self.sendMessage = send
        self.events = events.makeAsyncIterator()
        self.post = post
        self.inboundConsumed = inboundConsumed
    }

    /// Wakes whoever drives the conversation (from any task): local changes may wait to be pushed.
    public var waker: @Sendable () -> Void {
        let post = post
        return { post(.wake) }
    }

    /// Returns and clears whether the conversation was woken.
    public func takeWake() -> Bool {
        defer { woken = false }
        return woken
    }

    /// Posts `.deadline(id)` after `duration`, unless the returned task is cancelled first.
    private func deadline(after duration: Duration) -> (id: Int, timer: Task<Void, Never>) {
        lastDeadline += 1
        let id = lastDeadline
        let post = post
        let timer = Task {
            // A time-out is the one honest sleep: nothing is polled.
            guard (try? await Task.sleep(for: duration)) != nil else { return }
            post(.deadline(id))
        }
        return (id, timer)
    }

    /// Sends one message.
    ///
    /// - Throws: ``SyncError`` when the connection is gone (never the channel's own error): the reason the read
    ///   side saw when it says more than "closed" (the peer broke the protocol, reset the connection, failed TLS).
    public func send(_ message: Message) async throws {
        do {
            try await sendMessage(message)
        } catch {
            guard let failure = SyncError(transportError: error) else { throw error }
            throw await reasonForClosing() ?? failure
        }
    }

    /// Whether ``reasonForClosing()`` is looking: a `pong` it sends on the way must not look again.
    private var lookingForReason = false

    /// How long a failed write waits for the read side to say why the connection ended.
    static let closingReasonWait: Duration = .milliseconds(100)

    /// The read side's reason for the end of the connection, read from the events of the next moments (a write can
    /// fail before the read that explains it has been seen), or `nil` if it gives none.
    private func reasonForClosing() async -> SyncError? {
        guard !lookingForReason else { return nil }
        lookingForReason = true
        defer { lookingForReason = false }
        let (id, timer) = deadline(after: Self.closingReasonWait)
        defer { timer.cancel() }
        while let event = try? await nextEvent() {
            switch event {
            case .closed(let error): return error.flatMap { SyncError(transportError: $0) }
            case .deadline(id): return nil
            default: continue
            }
        }
        return nil
    }

    /// Returns and clears the head announced by `notify`.
    public func takeNotifiedHead() -> Int64? {
        defer { notifiedHead = nil }
        return notifiedHead
    }

    /// The next event; `ping` is answered and `notify` remembered on the way (and still returned).
    public func nextEvent() async throws -> ConversationEvent {
        guard let event = await events.next() else { return .closed(nil) }
        if case .inbound = event { inboundConsumed?() }
        switch event {
        case .inbound(.message(.ping(let ping))):
            try await send(.pong(ping))
        case .inbound(.message(.notify(let notify))):
            notifiedHead = max(notifiedHead ?? 0, notify.headSeq)
        case .wake:
            woken = true
        default:
            break
        }
        return event
    }

    /// Sends `message` and waits for the reply that `match` accepts.
    ///
    /// - Throws: ``SyncError/server(_:)`` for an `error` reply, ``SyncError/timedOut(_:)`` after `timeout`,
    ///   ``SyncError/connectionClosed`` if the connection ends first.
    public func request<Reply>(
        _ message: Message, timeout: Duration, awaiting what: String,
        match: (Message) -> Reply?
    ) async throws -> Reply {
        try await send(message)
        return try await awaitReply(timeout: timeout, awaiting: what, match: match)
    }

    /// Waits for a reply that `match` accepts; see ``request(_:timeout:awaiting:match:)``.
    public func awaitReply<Reply>(
        timeout: Duration, awaiting what: String,
        match: (Message) -> Reply?
    ) async throws -> Reply {
        let (id, timer) = deadline(after: timeout)
        defer { timer.cancel() }
        while true {
            switch try await nextEvent() {
            case .inbound(.message(let reply)):
                if let value = match(reply) { return value }
                if case .error(let error) = reply { throw SyncError.server(error) }
            case .inbound(.invalid(.unsupportedMessage)):
                continue  // a newer server's message this client does not know: ignored, as the spec says
            case .inbound(.invalid(let problem)):
                throw SyncError.protocolViolation(problem)
            case .deadline(id):
                throw SyncError.timedOut(what)
            case .deadline, .wake:
                continue  // an older deadline; a wake is remembered for the driver (``takeWake()``)
            case .closed(let error):
                throw error.flatMap { SyncError(transportError: $0) } ?? SyncError.connectionClosed
            }
        }
    }
}
