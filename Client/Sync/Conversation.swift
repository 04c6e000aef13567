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

    /// Creates a conversation over a send function and an event stream.
    public init(send: @escaping @Sendable (Message) async throws -> Void, events: AsyncStream<ConversationEvent>,
                tick: Duration) {
        self.sendMessage = send
        self.events = events.makeAsyncIterator()
        self.tick = tick
    }

    /// Sends one message.
    public func send(_ message: Message) async throws {
        try await sendMessage(message)
    }

    /// Returns and clears the head announced by `notify`.
    public func takeNotifiedHead() -> Int64? {
        defer { notifiedHead = nil }
        return notifiedHead
    }

    /// The next event; `ping` is answered and `notify` remembered on the way (and still returned).
    public func nextEvent() async throws -> ConversationEvent {
        guard let event = await events.next() else { return .closed(nil) }
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
                if let problem = error as? ProtocolError { throw SyncError.protocolViolation(problem) }
                throw SyncError.connectionClosed
            }
        }
    }
}
