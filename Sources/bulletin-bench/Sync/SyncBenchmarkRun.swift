import BulletinCore
import Foundation
import SyncClient
import SyncProtocol

/// The steps of `bulletin-bench sync`, in order, each bounded; progress goes to standard error.
struct SyncBenchmarkRun {
    /// What to run.
    struct Plan: Sendable {
        /// Articles in the main archive.
        var articles: Int
        /// The larger archive of (e).
        var largeArticles: Int
        /// (b) rounds of 10 edits, in-process.
        var incrementalRounds: Int
        /// Edits per (b) round.
        var editsPerRound = 10
        /// (d) edits.
        var propagationEdits: Int
        /// (c) changes per push.
        var pushChanges: Int
        /// How many times (c) pushes each kind of outbox (small, then large, on a new server each time).
        var pushRounds = 5
        /// (c) pushes every round into one server instead, whose store grows from round to round.
        var pushIntoOneServer = false
        /// How many times (a) and its `git clone` run, alternating (the first client is the one (b) and (d) use).
        var pullRepeats = 5
        /// Which of the steps a–e to run.
        var steps: Set<Character> = ["a", "b", "c", "d", "e"]
    }

    let plan: Plan
    let workspace: BenchWorkspace
    let programs: SyncPrograms

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("· \(text)\n".utf8))
    }

    /// Runs the planned steps and returns the figures.
    func run() async throws -> SyncResults {
        var results = SyncResults()
        results.articles = plan.articles
        results.issues = ArchiveGenerator(articleCount: plan.articles).issueCount
        if !plan.steps.isDisjoint(with: "abcd") {
            let store = BenchStore.sqlite(directory: workspace.path("server-main"))
            let tokens = try await BenchAccounts.add(["seeder", "reader"], store: store)
            // (b) and (d) start from the client that (a) filled.
            if !plan.steps.isDisjoint(with: "abd") {
                let server = try await runMain(tokens: tokens, into: &results)
                try await workspace.stopCleanly(server)
            }
        }
        if plan.steps.contains("c") {
            try await pushThroughput(into: &results)
        }
        if plan.steps.contains("e") {
            progress("(e) initial pull of \(plan.largeArticles) articles, for peak memory")
            let store = BenchStore.sqlite(directory: workspace.path("server-large"))
            let tokens = try await BenchAccounts.add(["seeder", "reader"], store: store)
            let large = try BenchEditor.create(
                at: workspace.path("editor-large.sqlite"), editor: "Minh Quân", token: tokens["seeder"] ?? "")
            _ = try large.importArchive(ArchiveGenerator(articleCount: plan.largeArticles))
            _ = try await programs.seed(large, store: store, in: workspace)
            let largeServer = try await programs.startServer(store: store, in: workspace)
            results.largePull = try await programs.initialPull(
                from: largeServer, store: workspace.path("editor-large-b.sqlite"), token: tokens["reader"] ?? "",
                articles: plan.largeArticles, in: workspace)
            try await workspace.stopCleanly(largeServer)
        }
        return results
    }

    /// (a), (b) and (d) on the main archive; returns the running server.
    private func runMain(tokens: [String: String], into results: inout SyncResults) async throws -> ServerProcess {
        let archive = ArchiveGenerator(articleCount: plan.articles)
        progress("importing \(plan.articles) articles into the seeding editor's store")
        let editor = try BenchEditor.create(
            at: workspace.path("editor-a.sqlite"), editor: "Thanh Hồng", token: tokens["seeder"] ?? "")
        let articleIDs = try editor.importArchive(archive)
        let serverStore = BenchStore.sqlite(directory: workspace.path("server-main"))
        results.seedPush = try await programs.seed(editor, store: serverStore, in: workspace)

        progress("writing the git baseline (\(plan.articles) files, commit, repack)")
        let git = GitBaseline(workspace: workspace)
        try await git.prepare(archive)
        guard git.articleIDs == articleIDs else { throw BenchError.unexpected("git and store archives differ") }
        results.rawArchiveBytes = git.rawBytes
        try await git.start()

        let server = try await programs.startServer(store: serverStore, in: workspace)
        progress("(a) initial pull of \(plan.articles) articles, then git clone, \(plan.pullRepeats) times")
        let clientPath = workspace.path("editor-b.sqlite")
        for round in 0..<max(1, plan.pullRepeats) {
            let store = round == 0 ? clientPath : workspace.path("editor-b-\(round).sqlite")
            results.pulls.append(
                try await programs.initialPull(
                    from: server, store: store, token: tokens["reader"] ?? "", articles: plan.articles,
                    in: workspace))
            results.gitClones.append(try await git.timedClone(number: round))
        }

        let watcher = try BenchEditor.open(at: clientPath)
        var number = 0
        if plan.steps.contains("b") {
            progress(
                "(b) incremental sync after \(plan.editsPerRound) edits: \(plan.incrementalRounds) rounds "
                    + "in-process, \(plan.incrementalRounds) as a process")
            for round in 0..<(2 * plan.incrementalRounds) {
                let numbers = Array(number..<(number + plan.editsPerRound))
                number += plan.editsPerRound
                for edit in numbers { try editor.edit(edit, articleIDs: articleIDs) }
                _ = try await editor.pushAll(port: server.port)
                try await git.edit(numbers)
                if round < plan.incrementalRounds {
                    results.incremental.append(
                        try await incrementalSync(watcher, port: server.port, expected: numbers.count))
                    results.gitFetch.append(try await git.timedFetch())
                } else {
                    let run = try await programs.syncClient(store: clientPath, port: server.port, in: workspace)
                    guard run.summary.pulled == numbers.count else {
                        throw BenchError.unexpected(
                            "the client pulled \(run.summary.pulled) changes, not \(numbers.count)")
                    }
                    results.incrementalProcess.append(
                        .init(
                            milliseconds: run.wallSeconds * 1_000,
                            wireBytes: run.summary.bytesSent + run.summary.bytesReceived))
                    results.gitFetchProcessRounds.append(try await git.timedFetch())
                }
                try verifySame(
                    editor, watcher,
                    numbers.map {
                        articleIDs[ArticleEdits.articleIndex($0, articleCount: articleIDs.count)]
                    })
            }
        }
        await git.stop()

        if plan.steps.contains("d") {
            progress("(d) live propagation over \(plan.propagationEdits) edits")
            let edits = number..<(number + plan.propagationEdits)
            results.propagation = try await PropagationBenchmark(
                editorA: editor, editorB: watcher, port: server.port, articleIDs: articleIDs
            ).run(edits)
            try verifySame(
                editor, watcher,
                edits.suffix(10).map {
                    articleIDs[ArticleEdits.articleIndex($0, articleCount: articleIDs.count)]
                })
        }
        return server
    }

    /// (c): each round on a server of its own, started on an empty store, so that every round measures the same
    /// thing — or, with ``Plan/pushIntoOneServer``, every round into one server whose store grows by each round's
    /// changes (each round then pushes issues of its own: new seeds, new dates).
    private func pushThroughput(into results: inout SyncResults) async throws {
        let rounds = max(1, plan.pushRounds)
        let shared = plan.pushIntoOneServer
        progress(
            "(c) push throughput: \(plan.pushChanges) small changes, then \(plan.pushChanges) article creates, "
                + "\(rounds) times, " + (shared ? "into one server" : "each on a new server"))
        func start(_ round: Int) async throws -> (process: ServerProcess, tokens: [String: String]) {
            let store = BenchStore.sqlite(directory: workspace.path("server-push-\(round)"))
            let tokens = try await BenchAccounts.add(["pusher-small", "pusher-large"], store: store)
            return (try await programs.startServer(store: store, in: workspace), tokens)
        }
        let sharedServer = shared ? try await start(0) : nil
        for round in 0..<rounds {
            let (process, tokens) = if let sharedServer { sharedServer } else { try await start(round) }
            var pusher = PushThroughputBenchmark(
                workspace: workspace, port: process.port, tokens: tokens, server: process.child)
            pusher.round = round
            results.pushSmall.append(
                try await pusher.smallChanges(plan.pushChanges, editor: shared ? 20 + round : 0))
            results.pushLarge.append(try await pusher.largeChanges(plan.pushChanges, archive: shared ? round : 0))
            if sharedServer == nil { try await workspace.stopCleanly(process) }
        }
        if let sharedServer { try await workspace.stopCleanly(sharedServer.process) }
    }

    /// (b): one in-process `syncOnce` of the client, which must pull exactly the new edits.
    private func incrementalSync(_ client: BenchEditor, port: Int, expected: Int) async throws
        -> SyncResults.Incremental
    {
        let started = ContinuousClock.now
        let summary = try await client.runner(port: port).syncOnce()
        let elapsed = ContinuousClock.now - started
        guard summary.pulled == expected else {
            throw BenchError.unexpected("the client pulled \(summary.pulled) changes, not \(expected)")
        }
        return .init(milliseconds: elapsed.milliseconds, wireBytes: summary.bytesSent + summary.bytesReceived)
    }

    /// Checks that the two stores hold the same paragraphs for `ids` (the benchmark measured real work).
    private func verifySame(_ one: BenchEditor, _ other: BenchEditor, _ ids: [String]) throws {
        for id in ids where try one.store.articleText(id).paragraphs != other.store.articleText(id).paragraphs {
            throw BenchError.unexpected("article \(id) differs between the editors after sync")
        }
    }
}
