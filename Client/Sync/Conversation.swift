import SyncProtocol

/// Something that happened on a connection, in the order the engine sees it.
public enum ConversationEvent: Sendable {
    /// A message (or a message-level protocol problem) from the server.
    case inbound(InboundFrame)
    /// A periodic tick: drives time-outs and, in watch mode, polling for local changes.
    case tick
    /// The server closed the connection or the read failed.
    case closed((any Error)?)
}

/// One client's exchange with the server after the handshake: sends messages and reads events one at a time.
///
/// Not `Sendable`: one task drives a conversation. `notify` and `ping` that arrive while waiting for a response are
/// handled here (remembered, answered) so the engine only sees what it asked for.
public final class Conversation {
    private let sendMessage: @Sendable (Message) async throws -> Void
    private var events: AsyncStream<ConversationEvent>.AsyncIterator
    /// The tick period, used to turn a time-out into a count of ticks.
    public let tick: Duration
    /// The highest head the server announced with `notify` since the last ``takeNotifiedHead()``.
    public private(set) var notifiedHead: Int64?
    /// Ticks seen so far.
    public private(set) var ticks: Int = 0
    private let inboundConsumed: (@Sendable () -> Void)?

    /// Creates a conversation over a send function and an event stream.
    ///
    /// - Parameter inboundConsumed: Called each time an `.inbound` event has been taken from `events` (so that
    ///   whoever feeds the stream can bound how many wait in it).
    public init(send: @escaping @Sendable (Message) async throws -> Void, events: AsyncStream<ConversationEvent>,
                tick: Duration, inboundConsumed: (@Sendable () -> Void)? = nil) {
        self.sendMessage = send
        self.events = events.makeAsyncIterator()
        self.tick = tick
        self.inboundConsumed = inboundConsumed
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

    /// The read side's reason for the end of the connection, read from the events of the next few ticks (a write
    /// can fail before the read that explains it has been seen), or `nil` if it gives none.
    private func reasonForClosing() async -> SyncError? {
        guard !lookingForReason else { return nil }
        lookingForReason = true
        defer { lookingForReason = false }
        let deadline = ticks + 5
        while let event = try? await nextEvent() {
            switch event {
            case .closed(let error): return error.flatMap { SyncError(transportError: $0) }
            case .tick where ticks >= deadline: return nil
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
        case .tick:
            ticks += 1
        default:
            break
        }
        return event
    }

    /// Sends `message` and waits for the reply that `match` accepts.
    ///
    /// - Throws: ``SyncError/server(_:)`` for an `error` reply, ``SyncError/timedOut(_:)`` after `timeout`,
    ///   ``SyncError/connectionClosed`` if the connection ends first.
    public func request<Reply>(_ message: Message, timeout: Duration, awaiting what: String,
                               match: (Message) -> Reply?) async throws -> Reply {
        try await send(message)
        return try await awaitReply(timeout: timeout, awaiting: what, match: match)
    }

    /// Waits for a reply that `match` accepts; see ``request(_:timeout:awaiting:match:)``.
    public func awaitReply<Reply>(timeout: Duration, awaiting what: String,
                                  match: (Message) -> Reply?) async throws -> Reply {
        let deadline = ticks + max(1, Int(timeout / tick))
        while true {
            switch try await nextEvent() {
            case .inbound(.message(let reply)):
                if let value = match(reply) { return value }
                if case .error(let error) = reply { throw SyncError.server(error) }
            case .inbound(.invalid(.unsupportedMessage)):
                continue  // a newer server's message this client does not know: ignored, as the spec says
            case .inbound(.invalid(let problem)):
                throw SyncError.protocolViolation(problem)
            case .tick:
                if ticks >= deadline { throw SyncError.timedOut(what) }
            case .closed(let error):
                throw error.flatMap { SyncError(transportError: $0) } ?? SyncError.connectionClosed
            }
        }
    }
}
