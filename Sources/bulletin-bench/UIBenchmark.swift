import ArgumentParser
import BulletinCore
import BulletinDesk
import Foundation
import SyncClient

/// `bulletin-bench ui`: server-side render time of the desk's issue page and issues list from a large store
/// (goal ≤ 20 ms each), through the same code the routes run (store reads on the thread pool, page building).
struct UIBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Render time of the desk's issue page and issues list from a large store.")

    @Option(help: "Articles in the generated store.") var articles = 10_000
    @Option(help: "Renders of each page measured (after 5 warm-up renders).") var runs = 100
    @Option(help: "Use this store instead of generating one (it must hold issues).") var store: String?

    mutating func run() async throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-bench-ui-\(UUID().uuidString.lowercased())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let local: LocalStore
        if let store {
            local = try LocalStore.open(at: store, options: LocalStoreOptions(concurrentReads: true))
        } else {
            let path = directory + "/store.sqlite"
            let started = ContinuousClock.now
            let created = try LocalStore.create(at: path, editor: "Bench")
            for issue in ArchiveGenerator(articleCount: articles) { try created.importIssue(issue) }
            print("generated \(articles) articles in \(ContinuousClock.now - started)")
            local = try LocalStore.open(at: path, options: LocalStoreOptions(concurrentReads: true))
        }
        let summaries = try local.issueSummaries()
        guard let middle = summaries.dropFirst(summaries.count / 2).first else {
            throw ValidationError("the store has no issues")
        }
        let desk = try Desk(store: local)
        print(
            "store: \(summaries.count) issues, \(summaries.reduce(0) { $0 + $1.articles }) articles; "
                + "issue page of \(middle.date) (\(middle.articles) articles)")
        let list = try await measure { try await DeskBenchmark.renderIssuesList(desk) }
        print(report("issues list", list))
        let page = try await measure { try await DeskBenchmark.renderIssuePage(desk, issueID: middle.id) }
        print(report("issue page", page))
        // Where the time goes: the store calls the two pages make, alone.
        let parts: [(String, () throws -> Void)] = [
            ("issueSummaries", { _ = try local.issueSummaries() }),
            ("issue", { _ = try local.issue(middle.id) }),
            ("pendingCount", { _ = try local.pendingCount() }),
            ("rejectedChanges", { _ = try local.rejectedChanges() }),
            ("openConflictCount", { _ = try local.openConflictCount() }),
            ("conflicts", { _ = try local.conflicts() }),
            ("openConflicts(ofIssue:)", { _ = try local.openConflicts(ofIssue: middle.id) }),
        ]
        for (name, call) in parts {
            let times = try measureSync(call)
            print("  store \(name)" + String(format: ": p50 %.2f ms", times[times.count / 2]))
        }
        var load = [Double](repeating: 0, count: 3)
        if getloadavg(&load, 3) == 3 {
            print(String(format: "load average: %.2f %.2f %.2f", load[0], load[1], load[2]))
        }
    }

    private func measure(_ render: () async throws -> Int) async throws -> (times: [Double], bytes: Int) {
        var bytes = 0
        for _ in 0..<5 { bytes = try await render() }
        var times: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<runs {
            let start = clock.now
            bytes = try await render()
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return (times.sorted(), bytes)
    }

    private func measureSync(_ call: () throws -> Void) throws -> [Double] {
        var times: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<max(10, runs / 4) {
            let start = clock.now
            try call()
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return times.sorted()
    }

    private func report(_ name: String, _ result: (times: [Double], bytes: Int)) -> String {
        let times = result.times
        func percentile(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
        let mean = times.reduce(0, +) / Double(times.count)
        return name
            + String(
                format: ": p50 %.2f ms, p99 %.2f ms, mean %.2f ms over %d renders (%d KB)",
                percentile(0.5), percentile(0.99), mean, times.count, result.bytes / 1024)
    }
}
