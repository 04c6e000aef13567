import BulletinCore
import Foundation
import NIOConcurrencyHelpers
import SyncClient
import SyncProtocol

/// The field-office sessions that the fan-out and memory benchmarks open by the thousand against a real server:
/// each the client library's own connection (``SyncConnector``), signed in with a field office's token.
struct FieldOfficeSessions: Sendable {
    /// Where the server listens.
    let address: ServerAddress
    /// The field-office account's token (every session signs in with it).
    let token: String
    /// Names the benchmark in `hello` (the server logs it).
    let app: String

    /// How many sessions connect before the benchmark waits for them: the listener's backlog must never overflow.
    static let wave = 100

    /// Opens session `index` (the handshake done), runs `body` with the conversation and the `welcome`, then says
    /// `bye` and closes.
    func withSession<Result: Sendable>(
        _ index: Int, _ body: (Conversation, Welcome) async throws -> Result
    ) async throws -> Result {
        let hello = Hello(
            versions: SyncConnector.supportedVersions, clientID: UUID().uuidString.lowercased(),
            credentials: Credentials(user: "office-\(index)", token: token),
            appVersion: app, schemaVersion: LocalStore.schemaVersion)
        let connector = SyncConnector(address: address, options: SyncOptions())
        return try await connector.withConversation(hello: hello, body)
    }

    /// Opens session `index` subscribed from the head it was welcomed with, and runs `body` with the conversation
    /// and that head once the server has taken the subscription up (a `ping` sent after it was answered: a session's
    /// requests are served in order); then says `bye` and closes.
    func withSubscribedSession<Result: Sendable>(
        _ index: Int, _ body: (Conversation, Int64) async throws -> Result
    ) async throws -> Result {
        try await withSession(index) { conversation, welcome in
            try await conversation.send(.subscribe(Subscribe(since: welcome.headSeq)))
            let nonce = Int64(index)
            _ = try await conversation.request(.ping(Ping(nonce: nonce)), timeout: .seconds(60), awaiting: "pong") {
                reply -> Bool? in
                if case .pong(let pong) = reply, pong.nonce == nonce { return true }
                return nil
            }
            return try await body(conversation, welcome.headSeq)
        }
    }

    /// Opens sessions `range` as child tasks of `group`, each running `session`, in waves of ``wave``: before the
    /// next wave, the previous one has reported ``SessionBoard/connected()`` to `board`. Returns once all of `range`
    /// have connected.
    func open(
        _ range: Range<Int>, board: SessionBoard, in group: inout ThrowingTaskGroup<Void, any Error>,
        session: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        let before = board.connectedCount
        for index in range {
            group.addTask { try await session(index) }
            let opened = index - range.lowerBound + 1
            if opened % Self.wave == 0 { try await board.waitConnected(before + opened) }
        }
        try await board.waitConnected(before + range.count)
    }
}

/// Where the benchmark's sessions report (connected, holding a round's publication), and what they wait for
/// (being told to leave).
final class SessionBoard: Sendable {
    private struct State {
        var connected = 0
        var left = 0
        var released = 0
        var arrivals: [Int: [ContinuousClock.Instant]] = [:]
        var waiters: [(condition: @Sendable (State) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []
        /// Sessions waiting to be told to leave, apart from `waiters`: thousands of them must not be re-checked
        /// on every report.
        var leaving: [(index: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let sessions: Int
    private let state = NIOLockedValueBox(State())

    /// A board for `sessions` sessions (the count ``waitArrivals(round:)`` waits for).
    init(sessions: Int) {
        self.sessions = sessions
    }

    /// How many sessions have reported ``connected()``.
    var connectedCount: Int {
        state.withLockedValue { $0.connected }
    }

    /// A session is connected (and subscribed, where it subscribes).
    func connected() {
        update { $0.connected += 1 }
    }

    /// The server has closed a session (it logged `connection closed`).
    func left() {
        update { $0.left += 1 }
    }

    /// Waits until the server has closed `count` sessions.
    func waitLeft(_ count: Int) async {
        await wait { $0.left >= count }
    }

    /// A session holds round `round`'s publication.
    func arrived(round: Int) {
        let now = ContinuousClock.now
        update { $0.arrivals[round, default: []].append(now) }
    }

    /// Tells the sessions numbered below `count` to leave (see ``waitReleased(_:)``).
    func release(below count: Int) {
        let leaving = state.withLockedValue { state in
            state.released = max(state.released, count)
            let released = state.released
            defer { state.leaving.removeAll { $0.index < released } }
            return state.leaving.filter { $0.index < released }
        }
        for session in leaving { session.continuation.resume() }
    }

    /// Waits until session `index` is told to leave.
    func waitReleased(_ index: Int) async {
        await withCheckedContinuation { continuation in
            let released = state.withLockedValue { state -> Bool in
                if state.released > index { return true }
                state.leaving.append((index, continuation))
                return false
            }
            if released { continuation.resume() }
        }
    }

    /// Waits until `count` sessions have connected.
    func waitConnected(_ count: Int) async throws {
        await wait { $0.connected >= count }
    }

    /// Waits until every session holds round `round`'s publication; returns when each got it.
    func waitArrivals(round: Int) async throws -> [ContinuousClock.Instant] {
        let sessions = sessions
        await wait { ($0.arrivals[round]?.count ?? 0) >= sessions }
        return state.withLockedValue { $0.arrivals[round] ?? [] }
    }

    private func update(_ change: (inout State) -> Void) {
        let ready = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            change(&state)
            let snapshot = state
            let (met, waiting) = (
                state.waiters.filter { $0.condition(snapshot) },
                state.waiters.filter { !$0.condition(snapshot) }
            )
            state.waiters = waiting
            return met.map(\.continuation)
        }
        for continuation in ready { continuation.resume() }
    }

    private func wait(_ condition: @escaping @Sendable (State) -> Bool) async {
        await withCheckedContinuation { continuation in
            let met = state.withLockedValue { state -> Bool in
                if condition(state) { return true }
                state.waiters.append((condition, continuation))
                return false
            }
            if met { continuation.resume() }
        }
    }
}
