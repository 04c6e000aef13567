import ArgumentParser
import BulletinCore
import BulletinDesk
import Foundation
import Logging
import ServiceLifecycle
import SyncClient
import SyncServer

/// `bulletin-bench ui-propagation`: the delay from editor A saving an article edit to editor B's desk announcing it
/// to its open pages (issue 11, item 8: p50 / p99 over 200 edits, goal p99 ≤ 250 ms), through a real server on
/// loopback. Both stores run the desk's own background sync (`BackgroundSync`, the `sync --watch` loop); B's
/// announcement is the `DeskEvents` change its event-stream route forwards to every open page, observed once B's store
/// holds the edit. Not included: the last hop, B's SSE bytes on loopback to the browser.
struct DeskPropagationBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui-propagation",
        abstract: "Delay from one desk's saved edit to another desk's live update, through a loopback server.")

    @Option(help: "Edits measured, one after another.") var edits = 200

    mutating func run() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-bench-propagation-\(UUID().uuidString.lowercased())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory + "/server")
        let edits = self.edits
        let delays = try await Server.withRunning(
            configuration: configuration, logger: logger, authenticator: AllowAllAuthenticator()
        ) { server in
            let address = "127.0.0.1:\(server.port)"
            let options = LocalStoreOptions(concurrentReads: true)
            let a = try LocalStore.create(at: directory + "/a.sqlite", editor: "Thanh Hồng", options: options)
            let b = try LocalStore.create(at: directory + "/b.sqlite", editor: "Minh Quân", options: options)
            let issue = try a.importIssue(ArchiveGenerator(articleCount: 20).first { _ in true }!)
            let article = try a.issue(issue.id).articles[0]
            for store in [a, b] {
                try store.setServerAddress(address)
                _ = try await SyncRunner(store: store, address: try ServerAddress(parsing: address), logger: logger)
                    .syncOnce()
            }
            let events = DeskEvents()
            let changes = events.subscribe()
            let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [
                        .init(
                            service: BackgroundSync(
                                store: a, status: SyncStatusBox(), events: DeskEvents(), logger: logger,
                                clock: clock)),
                        .init(
                            service: BackgroundSync(
                                store: b, status: SyncStatusBox(), events: events, logger: logger,
                                clock: clock)),
                    ], logger: logger))
            return try await withThrowingTaskGroup(of: [Duration].self) { tasks in
                tasks.addTask {
                    try await group.run()
                    return []
                }
                var iterator = changes.makeAsyncIterator()
                // B announces its first sync; from then on every announcement follows a pull.
                _ = await iterator.next()
                var delays: [Duration] = []
                for edit in 0..<edits {
                    let marker = "(sửa lần \(edit + 1))"
                    let paragraphs = [article.paragraphs[0] + " " + marker] + article.paragraphs.dropFirst()
                    let started = ContinuousClock.now
                    _ = try await Self.offPool { try a.editArticle(article.id, paragraphs: paragraphs) }
                    while true {
                        guard await iterator.next() != nil else { throw ValidationError("B's desk stopped") }
                        if try b.articleText(article.id).paragraphs[0].hasSuffix(marker) { break }
                    }
                    delays.append(ContinuousClock.now - started)
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return delays
            }
        }
        let sorted = delays.sorted()
        func milliseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        }
        var load = [Double](repeating: 0, count: 3)
        _ = getloadavg(&load, 3)
        print(
            String(
                format: "edit → other desk's live update, %d edits: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms; load average %.2f %.2f %.2f",
                sorted.count, milliseconds(sorted[sorted.count / 2]), milliseconds(sorted[sorted.count * 9 / 10]),
                milliseconds(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]),
                milliseconds(sorted[sorted.count - 1]), load[0], load[1], load[2]))
    }

    /// Runs a blocking store call on a thread of its own, as the desk's store worker does.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
