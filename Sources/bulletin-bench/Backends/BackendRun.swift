import BulletinCore
import Foundation
import PostgresTestSupport

/// One column of `backends`: a fresh store (an SQLite directory, or a PostgreSQL database made for the run and
/// dropped after it) served by `nodes` server processes, and the same three measurements on it, in order:
/// (ii) initial pulls of the archive, (i) the spread push, (iii) the fan-out.
struct BackendRun {
    /// Which store, how many nodes.
    struct Setup: Sendable, CustomStringConvertible {
        /// The backend.
        enum Backend: Sendable {
            case sqlite
            /// A database is made on the server of this URL for the run.
            case postgres(server: String)
        }

        var backend: Backend
        var nodes: Int

        var description: String {
            switch backend {
            case .sqlite: "SQLite, \(nodes) node\(nodes == 1 ? "" : "s")"
            case .postgres: "PostgreSQL, \(nodes) node\(nodes == 1 ? "" : "s")"
            }
        }

        /// A short name for files.
        var name: String {
            switch backend {
            case .sqlite: "sqlite-\(nodes)"
            case .postgres: "postgres-\(nodes)"
            }
        }
    }

    /// The sizes of the run.
    struct Plan: Sendable {
        /// Articles of the archive pulled in (ii).
        var articles: Int
        /// Initial pulls in (ii) (median reported), spread over the nodes.
        var pulls: Int
        /// Small changes pushed in (i).
        var pushChanges: Int
        /// Subscribed field-office sessions in (iii).
        var sessions: Int
        /// Publications in (iii) (median reported).
        var rounds: Int
        /// Articles of each published issue in (iii).
        var publishedArticles: Int
    }

    /// What one column measured; each figure with the load averages before and after it.
    struct Result: Sendable {
        var setup: Setup
        var seed: (changes: Int, seconds: Double)
        var pulls: [SyncResults.InitialPull]
        var pullLoad: (before: Double, after: Double)
        var push: SpreadPush.Result
        var pushLoad: (before: Double, after: Double)
        var fanOut: [FanOutRun.Round]
        var fanOutLoad: (before: Double, after: Double)
    }

    let setup: Setup
    let plan: Plan
    let programs: SyncPrograms

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("· [\(setup)] \(text)\n".utf8))
    }

    /// Runs the column in a workspace of its own, removed at the end (children killed), with its database dropped.
    func run() async throws -> Result {
        let workspace = try BenchWorkspace()
        let signals = SyncBenchmark.cleanUpOnSignals(workspace)
        defer {
            for signal in signals { signal.cancel() }
            workspace.cleanUp()
        }
        switch setup.backend {
        case .sqlite:
            return try await measure(store: .sqlite(directory: workspace.path("server")), in: workspace)
        case .postgres(let server):
            let database = try await ScratchDatabase(server: server, prefix: "bulletin_bench_")
            progress("database \(database.name)")
            do {
                let result = try await measure(store: .postgres(url: database.url), in: workspace)
                try await database.drop()
                return result
            } catch {
                workspace.cleanUp()
                try? await database.drop()
                throw error
            }
        }
    }

    private func measure(store: BenchStore, in workspace: BenchWorkspace) async throws -> Result {
        let editors = setup.nodes
        let tokens = try await BenchAccounts.add(
            ["seeder", "reader"] + (0..<editors).map(SpreadPush.account), store: store)
        let fanOutAccounts = try await FanOutRun.Accounts.make(in: store)

        progress("importing \(plan.articles) articles into the seeding editor's store")
        let seeder = try BenchEditor.create(
            at: workspace.path("seeder.sqlite"), editor: "Thanh Hồng", token: tokens["seeder"] ?? "")
        _ = try seeder.importArchive(ArchiveGenerator(articleCount: plan.articles))
        let nodes = try await ServerNodes.start(
            setup.nodes, store: store, name: setup.name, programs: programs, in: workspace)
        // Through the first node, which then serves the pulls too (no peak memory is reported here).
        progress("uploading the archive through the first node")
        let (uploaded, uploadSeconds) = try await seeder.pushAll(port: nodes.node(0).port)
        guard uploaded.accepted > 0, try seeder.store.pendingCount() == 0 else {
            throw BenchError.unexpected("the upload left changes")
        }
        let seed = (uploaded.accepted, uploadSeconds)

        progress("(ii) initial pull of \(plan.articles) articles, \(plan.pulls) times, over the nodes in turn")
        var load = LoadAverage.oneMinute()
        var pulls: [SyncResults.InitialPull] = []
        for round in 0..<max(1, plan.pulls) {
            pulls.append(
                try await programs.initialPull(
                    from: nodes.node(round), store: workspace.path("reader-\(round).sqlite"),
                    token: tokens["reader"] ?? "", articles: plan.articles, in: workspace))
        }
        let pullLoad = (load, LoadAverage.oneMinute())

        progress("(i) push of \(plan.pushChanges) small changes by \(editors) editor(s), one per node, at once")
        load = LoadAverage.oneMinute()
        let push = try await SpreadPush(
            changes: plan.pushChanges, editors: editors, nodes: nodes, tokens: tokens, workspace: workspace
        ).run()
        let pushLoad = (load, LoadAverage.oneMinute())

        progress("(iii) fan-out of a publication to \(plan.sessions) sessions over \(setup.nodes) node(s)")
        load = LoadAverage.oneMinute()
        let fanOut = try await FanOutRun(
            nodes: nodes.addresses, accounts: fanOutAccounts, sessions: plan.sessions, rounds: plan.rounds,
            articles: plan.publishedArticles, workspace: workspace
        ).run()
        let fanOutLoad = (load, LoadAverage.oneMinute())

        try await nodes.stop(in: workspace)
        return Result(
            setup: setup, seed: seed, pulls: pulls, pullLoad: pullLoad, push: push, pushLoad: pushLoad,
            fanOut: fanOut, fanOutLoad: fanOutLoad)
    }
}
