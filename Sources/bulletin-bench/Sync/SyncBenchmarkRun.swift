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
            let data = workspace.path("server-main")
            let tokens = try await BenchAccounts.add(["seeder", "reader", "pusher-small", "pusher-large"], data: data)
            // (b) and (d) start from the client that (a) filled.
            if !plan.steps.isDisjoint(with: "abd") {
                let server = try await runMain(tokens: tokens, into: &results)
                if plan.steps.contains("c") {
                    try await pushThroughput(port: server.port, tokens: tokens, into: &results)
                }
                try await stopCleanly(server)
            } else {
                let server = try await programs.startServer(data: data, in: workspace)
                try await pushThroughput(port: server.port, tokens: tokens, into: &results)
                try await stopCleanly(server)
            }
        }
        if plan.steps.contains("e") {
            progress("(e) initial pull of \(plan.largeArticles) articles, for peak memory")
            let data = workspace.path("server-large")
            let tokens = try await BenchAccounts.add(["seeder", "reader"], data: data)
            let large = try BenchEditor.create(
                at: workspace.path("editor-large.sqlite"), editor: "Minh Quân", token: tokens["seeder"] ?? "")
            _ = try large.importArchive(ArchiveGenerator(articleCount: plan.largeArticles))
            _ = try await seed(large, data: data)
            let largeServer = try await programs.startServer(data: data, in: workspace)
            results.largePull = try await initialPull(
                server: largeServer, store: workspace.path("editor-large-b.sqlite"), token: tokens["reader"] ?? "",
                articles: plan.largeArticles)
            try await stopCleanly(largeServer)
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
        results.seedPush = try await seed(editor, data: workspace.path("server-main"))

        progress("writing the git baseline (\(plan.articles) files, commit, repack)")
        let git = GitBaseline(workspace: workspace)
        try await git.prepare(archive)
        guard git.articleIDs == articleIDs else { throw BenchError.unexpected("git and store archives differ") }
        results.rawArchiveBytes = git.rawBytes
        try await git.start()

        let server = try await programs.startServer(data: workspace.path("server-main"), in: workspace)
        progress("(a) initial pull of \(plan.articles) articles, then git clone, \(plan.pullRepeats) times")
        let clientPath = workspace.path("editor-b.sqlite")
        for round in 0..<max(1, plan.pullRepeats) {
            let store = round == 0 ? clientPath : workspace.path("editor-b-\(round).sqlite")
            results.pulls.append(
                try await initialPull(
                    server: server, store: store, token: tokens["reader"] ?? "", articles: plan.articles))
            results.gitClones.append(try await git.timedClone(number: round))
        }

        let watcher = try BenchEditor.open(at: clientPath)
        var number = 0
        if plan.steps.contains("b") {
            progress(
                "(b) incremental sync after \(plan.editsPerRound) edits: \(plan.incrementalRounds) rounds "
                    + "in-process, 1 as a process")
            for round in 0...plan.incrementalRounds {
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
                    results.incrementalProcess = .init(
                        milliseconds: run.wallSeconds * 1_000,
                        wireBytes: run.summary.bytesSent + run.summary.bytesReceived)
                    results.gitFetchProcessRound = try await git.timedFetch()
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

    private func pushThroughput(port: Int, tokens: [String: String], into results: inout SyncResults) async throws {
        progress("(c) push throughput: \(plan.pushChanges) small changes, then \(plan.pushChanges) article creates")
        let pusher = PushThroughputBenchmark(workspace: workspace, port: port, tokens: tokens)
        results.pushSmall = try await pusher.smallChanges(plan.pushChanges)
        results.pushLarge = try await pusher.largeChanges(plan.pushChanges)
    }

    /// Uploads the editor's archive through a server that is stopped afterwards, so that the server measured next
    /// starts fresh on the same store.
    private func seed(_ editor: BenchEditor, data: String) async throws -> (changes: Int, seconds: Double) {
        let server = try await programs.startServer(data: data, in: workspace)
        progress("uploading the archive to the server")
        let (summary, seconds) = try await editor.pushAll(port: server.port)
        guard try editor.store.pendingCount() == 0 else { throw BenchError.unexpected("the upload left changes") }
        try await stopCleanly(server)
        return (summary.accepted, seconds)
    }

    private func stopCleanly(_ server: ServerProcess) async throws {
        let exit = await workspace.stop(server.child)
        guard exit.status == 0 else { throw BenchError.failed("the server (on SIGTERM)", exit.status) }
    }

    /// (a): an empty client store synced by a separate client process; the server's peak memory is read while it
    /// still runs, having served nothing but this pull.
    private func initialPull(server: ServerProcess, store: String, token: String, articles: Int) async throws
        -> SyncResults.InitialPull
    {
        try await programs.initClient(store: store, editor: "Minh Khang", token: token, in: workspace)
        let run = try await programs.syncClient(store: store, port: server.port, in: workspace)
        let serverPeak = server.child.peakRSSBytes() ?? 0
        let client = try LocalStore.open(at: store)
        let issues = try client.issueSummaries()
        let held = issues.reduce(0) { $0 + $1.articles }
        guard held == articles else {
            throw BenchError.unexpected("the client holds \(held) articles after the pull, not \(articles)")
        }
        try verifySearchable(client, issues: issues)
        return .init(
            articles: articles, records: run.summary.pulled, wallSeconds: run.wallSeconds,
            syncSeconds: run.summary.seconds, wireBytes: run.summary.bytesSent + run.summary.bytesReceived,
            payloadBytes: run.summary.payloadBytes, clientPeakRSS: run.peakRSSBytes, serverPeakRSS: serverPeak)
    }

    /// The store is usable at exit, search included (no index deferred to the first search): the first article of
    /// the newest and of the oldest issue (the snapshot's first and last) are found by words of their own text.
    private func verifySearchable(_ store: LocalStore, issues: [IssueSummary]) throws {
        for issue in [issues.first, issues.last].compactMap({ $0 }) {
            let text = try store.articleText("\(issue.date)/1")
            let words = text.title.split(separator: " ") + (text.paragraphs.last ?? "").split(separator: " ").prefix(8)
            // Generated titles and closing lines repeat across articles: look among every match, not the first few.
            let hits = try store.search(words.joined(separator: " "), limit: 100_000)
            guard hits.contains(where: { $0.articleID == text.article.id }) else {
                throw BenchError.unexpected("search does not find article \(text.article.id) after the pull")
            }
        }
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
