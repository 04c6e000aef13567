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
        let held = try LocalStore.open(at: store).issueSummaries().reduce(0) { $0 + $1.articles }
        guard held == articles else {
            throw BenchError.unexpected("the client holds \(held) articles after the pull, not \(articles)")
        }
        return .init(
            articles: articles, records: run.summary.pulled, wallSeconds: run.wallSeconds,
            syncSeconds: run.summary.seconds, wireBytes: run.summary.bytesSent + run.summary.bytesReceived,
            payloadBytes: run.summary.payloadBytes, clientPeakRSS: run.peakRSSBytes, serverPeakRSS: serverPeak)
    }
}

extension BenchWorkspace {
    /// Stops the server with SIGTERM; throws unless it exits with status 0 (a clean drain).
    func stopCleanly(_ server: ServerProcess) async throws {
        let exit = await stop(server.child)
        guard exit.status == 0 else { throw BenchError.failed("the server (on SIGTERM)", exit.status) }
    }
}
