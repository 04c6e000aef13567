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
        let data = workspace.path("server")
        let chiefToken = try await BenchAccounts.add(["chief"], role: .chief, data: data)["chief"] ?? ""
        let officeToken = try await BenchAccounts.add(["office"], role: .fieldOffice, data: data)["office"] ?? ""
        let key = try ServerStore(directory: data).publicationKey
        let server = try await SyncPrograms.locate().startServer(data: data, in: workspace)
        defer { Task { _ = await workspace.stop(server.child) } }
        let address = ServerAddress(host: "127.0.0.1", port: server.port)

        let chief = try LocalStore.create(at: workspace.path("chief.sqlite"), editor: "Tổng biên tập")
        try chief.setToken(chiefToken)
        let chiefRunner = SyncRunner(store: chief, address: address, logger: .init(label: "bench"))
        let issues = try Self.approvedIssues(chief, count: rounds, articles: articles)
        _ = try await chiefRunner.syncOnce()

        let board = SessionBoard(sessions: sessions)
        let offices = FieldOfficeSessions(address: address, token: officeToken, app: "bulletin-bench/fanout")
        let load = LoadAverage.now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            try await offices.open(0..<sessions, board: board, in: &group) { [rounds] index in
                try await Self.fieldOffice(index, offices: offices, key: key, rounds: rounds, board: board)
            }
            var results: [(p50: Double, last: Double)] = []
            for (round, date) in issues.enumerated() {
                try chief.setState(issue: date, to: .published)
                let acknowledged = try await Self.push(chief, runner: chiefRunner)
                let arrivals = try await board.waitArrivals(round: round)
                let delays = arrivals.map { ($0 - acknowledged).seconds * 1_000 }.sorted()
                results.append((delays[delays.count / 2], delays.last ?? 0))
                print(
                    String(
                        format: "publication %d → %d sessions: p50 %.0f ms, last %.0f ms", round + 1,
                        sessions, delays[delays.count / 2], delays.last ?? 0))
            }
            group.cancelAll()
            let lasts = results.map(\.last).sorted()
            print(
                String(
                    format: "fanout: %d sessions, %d rounds: last session after median %.0f ms (min %.0f, "
                        + "max %.0f); load average %@ → %@", sessions, rounds, lasts[lasts.count / 2],
                    lasts.first ?? 0, lasts.last ?? 0, load, LoadAverage.now()))
        }
    }

    /// Makes `count` issues of `articles` articles (~5 KB of Vietnamese each) in the chief's store, approved and ready
    /// to publish; returns their dates.
    static func approvedIssues(_ chief: LocalStore, count: Int, articles: Int) throws -> [String] {
        var issues: [String] = []
        var corpus = VietnameseCorpus(seed: 20_240_905)
        for round in 0..<count {
            let date = String(format: "2024-10-%02d", round + 1)
            try chief.createIssue(date: date)
            try chief.addSection(issue: date, title: "CẢI CÁCH HÀNH CHÍNH")
            for number in 0..<articles {
                try chief.addArticle(
                    issue: date, section: 1, title: "Bài \(number)",
                    paragraphs: corpus.articleBody(), source: nil)
            }
            try chief.setState(issue: date, to: .review)
            try chief.setState(issue: date, to: .approved)
            issues.append(date)
        }
        return issues
    }

    /// Pushes the chief's outbox over a connection of its own; returns when the `push_ack` was read.
    static func push(_ store: LocalStore, runner: SyncRunner) async throws -> ContinuousClock.Instant {
        let connector = SyncConnector(address: runner.address, options: runner.options)
        return try await connector.withConversation(hello: try runner.hello()) { conversation, _ in
            let batch = try store.pendingChanges(maxCount: 100, maxBytes: 1 << 22)
            let batchID = UUID().uuidString.lowercased()
            let ack = try await conversation.request(
                .push(Push(batchID: batchID, changes: batch)), timeout: .seconds(60), awaiting: "push_ack"
            ) { reply -> PushAck? in
                if case .pushAck(let ack) = reply, ack.batchID == batchID { return ack }
                return nil
            }
            let acknowledged = ContinuousClock.now
            try store.acknowledge(ack.results)
            return acknowledged
        }
    }

    /// One field-office session: subscribes from the head, and for each round pulls on `notify` until it holds a
    /// publication whose signature verifies.
    static func fieldOffice(
        _ index: Int, offices: FieldOfficeSessions, key: PublicationPublicKey, rounds: Int, board: SessionBoard
    ) async throws {
        try await offices.withSubscribedSession(index) { conversation, subscribedHead in
            var cursor = subscribedHead
            board.connected()
            for round in 0..<rounds {
                var verified = false
                while !verified {
                    _ = try await conversation.nextEvent()
                    guard let head = conversation.takeNotifiedHead(), head > cursor else { continue }
                    try await conversation.send(.pull(Pull(since: cursor, maxChanges: 1_000, maxBytes: 8 << 20)))
                    var more = true
                    while more {
                        let page = try await conversation.awaitReply(timeout: .seconds(60), awaiting: "changes") {
                            reply -> Changes? in
                            if case .changes(let page) = reply { return page }
                            return nil
                        }
                        for record in page.changes where record.entity == .publication {
                            _ = try key.verify(record: record)
                            verified = true
                        }
                        cursor = page.toSeq
                        more = page.more
                    }
                }
                board.arrived(round: round)
            }
        }
    }
}
