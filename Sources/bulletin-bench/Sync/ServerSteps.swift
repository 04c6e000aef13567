import Foundation
import SyncClient

/// The steps that `sync` and `backends` both run against server processes: seeding a store through a server,
/// stopping one, and timing the initial pull of a `bulletin sync` process.
extension SyncPrograms {
    /// Uploads the editor's archive through a server of its own on `store`, stopped afterwards, so that the server
    /// measured next starts fresh on the same store. Returns the changes accepted and the seconds the push took.
    func seed(_ editor: BenchEditor, store: BenchStore, in workspace: BenchWorkspace) async throws
        -> (changes: Int, seconds: Double)
    {
        let server = try await startServer(store: store, in: workspace)
        FileHandle.standardError.write(Data("· uploading the archive to the server\n".utf8))
        let (summary, seconds) = try await editor.pushAll(port: server.port)
        guard try editor.store.pendingCount() == 0 else { throw BenchError.unexpected("the upload left changes") }
        try await workspace.stopCleanly(server)
        return (summary.accepted, seconds)
    }

    /// (a): an empty client store synced by a separate `bulletin sync` process from `server`, which must then hold
    /// all `articles`; the server's peak memory is read while it still runs.
    func initialPull(
        from server: ServerProcess, store: String, token: String, articles: Int, in workspace: BenchWorkspace
    ) async throws -> SyncResults.InitialPull {
        try await initClient(store: store, editor: "Minh Khang", token: token, in: workspace)
        let run = try await syncClient(store: store, port: server.port, in: workspace)
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
}

extension BenchWorkspace {
    /// Stops the server with SIGTERM; throws unless it exits with status 0 (a clean drain).
    func stopCleanly(_ server: ServerProcess) async throws {
        let exit = await stop(server.child)
        guard exit.status == 0 else { throw BenchError.failed("the server (on SIGTERM)", exit.status) }
    }
}
