import BulletinCore
import Foundation
import Logging
import SyncClient
import SyncProtocol

/// An editor's store used in-process by the benchmark: imports an archive, makes the deterministic edits, and
/// pushes its outbox over real TCP with the library's own ``SyncEngine``.
struct BenchEditor: Sendable {
    /// The store.
    let store: LocalStore
    /// Sync bounds (the library's defaults).
    var options = SyncOptions()

    /// A logger that drops everything: the benchmark prints its own figures.
    static let quiet = Logger(label: "bulletin-bench", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Creates a store at `path` for `editor`, signing in with `token`.
    static func create(at path: String, editor: String, token: String) throws -> BenchEditor {
        let store = try LocalStore.create(at: path, editor: editor)
        try store.setToken(token)
        return BenchEditor(store: store)
    }

    /// Opens an existing store.
    static func open(at path: String) throws -> BenchEditor {
        BenchEditor(store: try LocalStore.open(at: path))
    }

    /// Imports every issue of `archive` (one transaction each); returns the article ids in generation order.
    func importArchive(_ archive: ArchiveGenerator) throws -> [String] {
        var ids: [String] = []
        ids.reserveCapacity(archive.articleCount)
        for issue in archive {
            try store.importIssue(issue)
            for section in issue.sections {
                ids.append(contentsOf: section.articles.map(\.id))
            }
        }
        return ids
    }

    /// Makes edit number `number` on the article it targets.
    func edit(_ number: Int, articleIDs: [String]) throws {
        let id = articleIDs[ArticleEdits.articleIndex(number, articleCount: articleIDs.count)]
        let current = try store.articleText(id)
        try store.editArticle(id, paragraphs: ArticleEdits.apply(number, to: current.paragraphs))
    }

    /// The runner for the server on `port`.
    func runner(port: Int) -> SyncRunner {
        SyncRunner(
            store: store, address: ServerAddress(host: "127.0.0.1", port: port), options: options,
            logger: Self.quiet)
    }

    /// Pushes the whole outbox over one connection; returns what was pushed and the seconds `pushAll` took
    /// (connection and handshake excluded).
    func pushAll(port: Int) async throws -> (summary: SyncSummary, seconds: Double) {
        let runner = runner(port: port)
        let connector = SyncConnector(address: runner.address, options: options)
        let engine = SyncEngine(replica: store, options: options, logger: Self.quiet)
        let traffic = TrafficCounter()
        return try await connector.withConversation(hello: try runner.hello(), traffic: traffic) {
            conversation, welcome in
            var summary = SyncSummary()
            let started = ContinuousClock.now
            try await engine.pushAll(conversation, welcome: welcome, into: &summary)
            let seconds = (ContinuousClock.now - started).seconds
            summary.bytesSent = traffic.bytesSent
            summary.bytesReceived = traffic.bytesReceived
            return (summary, seconds)
        }
    }
}
