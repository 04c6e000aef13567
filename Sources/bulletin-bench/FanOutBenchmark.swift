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
