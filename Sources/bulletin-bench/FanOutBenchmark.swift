import ArgumentParser
import BulletinCore
import Foundation
import NIOConcurrencyHelpers
import SyncClient
import SyncProtocol
import SyncServer

/// `bulletin-bench fanout`: a chief publishes an issue while N field-office sessions are subscribed to a real
/// `bulletin-server` process over loopback; the time from the chief holding the `push_ack` to the last session
/// holding the publication, its Ed25519 signature verified against the pinned key (issue 14, item 3).
///
/// Each session is the client library's own connection (``SyncConnector``): `hello` with a field office's token,
/// `subscribe`, and on `notify` a `pull` of the publication pages; nothing polls.
struct FanOutBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fanout",
        abstract: "Time for one publication to reach N subscribed field-office sessions, signature verified.")

    @Option(help: "Subscribed field-office sessions.") var sessions = 1_000
    @Option(help: "Publications measured, one after another (median reported).") var rounds = 5
    @Option(help: "Articles of each published issue (~5 KB of Vietnamese each).") var articles = 10

    func run() async throws {
        let workspace = try BenchWorkspace()
        defer { workspace.cleanUp() }
        let store = BenchStore.sqlite(directory: workspace.path("server"))
        let accounts = try await FanOutRun.Accounts.make(in: store)
        let server = try await SyncPrograms.locate().startServer(store: store, in: workspace)
        defer { Task { _ = await workspace.stop(server.child) } }
        let load = LoadAverage.now()
        let run = FanOutRun(
            nodes: [ServerAddress(host: "127.0.0.1", port: server.port)], accounts: accounts, sessions: sessions,
            rounds: rounds, articles: articles, workspace: workspace)
        let results = try await run.run { round, result in
            print(
                String(
                    format: "publication %d → %d sessions: p50 %.0f ms, last %.0f ms", round + 1, sessions,
                    result.p50, result.last))
        }
        let lasts = Sample(results.map(\.last))
        print(
            String(
                format: "fanout: %d sessions, %d rounds: last session after median %.0f ms (min %.0f, "
                    + "max %.0f); load average %@ → %@", sessions, rounds, lasts.median, lasts.min, lasts.max, load,
                LoadAverage.now()))
    }
}

/// Where the field-office sessions report: connected, and holding each round's publication.
final class FanOutBoard: Sendable {
    private struct State {
        var connected = 0
        var arrivals: [Int: [ContinuousClock.Instant]] = [:]
        var waiters: [(condition: @Sendable (State) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let sessions: Int
    private let state = NIOLockedValueBox(State())

    init(sessions: Int) {
        self.sessions = sessions
    }

    func connected() {
        update { $0.connected += 1 }
    }

    func arrived(round: Int) {
        let now = ContinuousClock.now
        update { $0.arrivals[round, default: []].append(now) }
    }

    /// Waits until `count` sessions have subscribed.
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
