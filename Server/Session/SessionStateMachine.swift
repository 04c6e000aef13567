import SyncProtocol

/// The protocol rules of one server-side connection, as a plain value: feed it what happened, perform the action
/// it returns. It never touches a socket or the store, so every rule is testable without either.
///
/// ```
/// awaitingHello --hello, common version--> authenticating --allowed--> ready --bye/fatal--> closed
///       |                                        |
///       +--hello, no common version--> closed     +--denied--> closed
/// ```
struct SessionStateMachine: Sendable {
    /// Where the connection stands.
    enum State: Sendable, Hashable {
        /// Connected; nothing but `hello` is allowed.
        case awaitingHello
        /// `hello` arrived with a usable version; the authenticator is deciding.
        case authenticating(version: Int)
        /// The handshake is done; sync requests are served.
        case ready(version: Int)
        /// The connection is closing; nothing more is read.
        case closed
    }

    /// What the session must do next.
    enum Action: Sendable, Hashable {
        /// Nothing (e.g. the peer's own `error`, which is only logged).
        case none
        /// Send this message; the connection stays open.
        case send(Message)
        /// Send this message, then close the connection.
        case sendAndClose(Message)
        /// Ask the authenticator about this `hello`, then report with ``authenticationSucceeded()`` or
        /// ``authenticationFailed(_:)``.
        case authenticate(Hello)
        /// Raise the frame limits to the standard ones, then send `welcome` for this version.
        case welcome(version: Int)
        /// Apply this batch and send `push_ack`.
        case push(Push)
        /// Stream `changes` pages answering this request.
        case pull(Pull)
        /// Start (or move) the subscription: send `notify` whenever the head passes `since`.
        case subscribe(since: Int64)
        /// Close the connection without sending anything more.
        case close
    }

    /// The protocol versions this server speaks.
    let supportedVersions: [Int]
    /// The most changes one `push` may carry.
    let maxBatchChanges: Int
    /// Where the connection stands.
    private(set) var state: State = .awaitingHello
    /// The authenticated account's role (set by ``authenticationSucceeded(as:)``); it limits what is served.
    private(set) var role: Role?

    /// Creates the machine for a new connection.
    init(supportedVersions: [Int] = [1], maxBatchChanges: Int) {
        self.supportedVersions = supportedVersions
        self.maxBatchChanges = maxBatchChanges
    }

    /// The peer sent a frame.
    mutating func received(_ frame: InboundFrame) -> Action {
        switch (state, frame) {
        case (.closed, _):
            return .none
        case (_, .invalid(let error)):
            return reject(error.errorMessage, closing: error.code.closesConnection)
        case (_, .message(.bye)):
            state = .closed
            return .close
        case (_, .message(.error(let error))):
            // A peer's error is never answered with another error (that could loop); a fatal one ends the session.
            if let code = ErrorCode(rawValue: error.code), code.closesConnection {
                state = .closed
                return .close
            }
            return .none
        case (.awaitingHello, .message(.hello(let hello))):
            return negotiate(hello)
        case (.awaitingHello, .message(let message)):
            return reject(
                ErrorMessage(.unexpectedMessage, "'\(message.type)' before 'hello'; start with 'hello'"),
                closing: false)
        case (.authenticating, .message(let message)):
            return reject(
                ErrorMessage(.unexpectedMessage, "'\(message.type)' while 'hello' is being checked"), closing: false)
        case (.ready, .message(let message)):
            return serve(message)
        }
    }

    /// The authenticator allowed the peer, as an account of `role`.
    mutating func authenticationSucceeded(as role: Role = .chief) -> Action {
        guard case .authenticating(let version) = state else { return .none }
        state = .ready(version: version)
        self.role = role
        return .welcome(version: version)
    }

    /// The authenticator refused the peer.
    mutating func authenticationFailed(_ reason: String) -> Action {
        guard case .authenticating = state else { return .none }
        state = .closed
        return .sendAndClose(.error(ErrorMessage(.unauthenticated, reason)))
    }

    /// The peer's address failed authentication too often.
    mutating func authenticationRateLimited(_ reason: String) -> Action {
        guard case .authenticating = state else { return .none }
        state = .closed
        return .sendAndClose(.error(ErrorMessage(.rateLimited, reason)))
    }

    /// The server is shutting down: say goodbye and close.
    mutating func shutdown() -> Action {
        guard state != .closed else { return .none }
        state = .closed
        return .sendAndClose(.bye(Bye(reason: "the server is shutting down; reconnect later")))
    }

    /// The highest version both sides speak, or `nil`.
    static func commonVersion(offered: [Int], supported: [Int]) -> Int? {
        Set(offered).intersection(supported).max()
    }

    private mutating func negotiate(_ hello: Hello) -> Action {
        guard let version = Self.commonVersion(offered: hello.versions, supported: supportedVersions) else {
            let error = ProtocolError.unsupportedVersion(offered: hello.versions, supported: supportedVersions)
            state = .closed
            return .sendAndClose(.error(error.errorMessage))
        }
        state = .authenticating(version: version)
        return .authenticate(hello)
    }

    private func serve(_ message: Message) -> Action {
        if let refusal = refusal(of: message) {
            return .send(.error(ErrorMessage(.forbidden, refusal)))
        }
        switch message {
        case .push(let push):
            guard push.changes.count <= maxBatchChanges else {
                return .send(
                    .error(
                        ErrorMessage(
                            .batchTooLarge,
                            "push carried \(push.changes.count) changes; the limit is \(maxBatchChanges) (see welcome)")
                    ))
            }
            // Results are matched to changes by change_id: without a usable one the batch cannot be answered.
            if let index = push.changes.firstIndex(where: { !Identifiers.isLowercaseUUID($0.changeID) }) {
                return .send(
                    .error(
                        ErrorMessage(
                            .invalidMessage,
                            "push: changes[\(index)].change_id is not a lowercase uuid; nothing of the batch was applied"
                        )))
            }
            return .push(push)
        case .pull(let pull):
            guard pull.maxChanges >= 1, pull.maxBytes >= 1 else {
                return .send(.error(ErrorMessage(.invalidMessage, "pull needs max_changes >= 1 and max_bytes >= 1")))
            }
            guard pull.since >= 0 else {
                return .send(.error(ErrorMessage(.invalidMessage, "pull needs since >= 0")))
            }
            return .pull(pull)
        case .subscribe(let subscribe):
            return .subscribe(since: subscribe.since)
        case .ping(let ping):
            return .send(.pong(ping))
        case .hello:
            return .send(.error(ErrorMessage(.unexpectedMessage, "'hello' was already accepted on this connection")))
        case .welcome, .pushAck, .changes, .notify, .pong:
            return .send(
                .error(
                    ErrorMessage(
                        .unexpectedMessage, "'\(message.type)' is sent by servers, not to them")))
        case .error, .bye:
            // Handled for every state in `received(_:)`.
            return .none
        }
    }

    /// Why the account's role may not send `message` at all, or `nil` when it may.
    private func refusal(of message: Message) -> String? {
        guard let role else { return nil }
        switch message {
        case .push where !role.mayPush:
            return "a \(role) account is read-only: pushes are refused and nothing was applied"
        case .pull where role.readScope == .nothing, .subscribe where role.readScope == .nothing:
            return "an \(role) account manages users; it may not pull or subscribe"
        default:
            return nil
        }
    }

    private mutating func reject(_ error: ErrorMessage, closing: Bool) -> Action {
        if closing {
            state = .closed
            return .sendAndClose(.error(error))
        }
        return .send(.error(error))
    }
}
