import BulletinCore
import Foundation
import SyncClient
import SyncProtocol
import SyncServer

/// One fan-out measurement (`fanout`, `backends`): `sessions` field-office sessions subscribed, spread over the
/// server nodes (session *i* on node *i* mod *n*); a chief publishes `rounds` issues one after another through the
/// first node, and each round is timed from the chief holding the `push_ack` to the last session holding the
/// publication with its signature verified against the pinned key.
///
/// Each session is the client library's own connection (``SyncConnector``): `hello` with a field office's token,
/// `subscribe`, and on `notify` a `pull` of the publication pages; nothing polls.
struct FanOutRun {
    /// What the run signs in with and verifies against.
    struct Accounts: Sendable {
        /// The chief's token (publishes).
        var chief: String
        /// The field offices' token (one account, many sessions).
        var office: String
        /// The publication key the field offices pin.
        var key: PublicationPublicKey

        /// Makes the two accounts in `store` and reads its publication key (before an SQLite store's server starts;
        /// every node of a PostgreSQL store signs with the key kept in the database).
        static func make(in store: BenchStore) async throws -> Accounts {
            let chief = try await BenchAccounts.add(["chief"], role: .chief, store: store)["chief"] ?? ""
            let office = try await BenchAccounts.add(["office"], role: .fieldOffice, store: store)["office"] ?? ""
            let opened = try await store.open()
            defer { try? opened.close() }
            return Accounts(chief: chief, office: office, key: opened.publicationKey)
        }
    }

    /// One publication's delays, in milliseconds after the chief's `push_ack`.
    struct Round: Sendable {
        /// The median session.
        var p50: Double
        /// The last session.
        var last: Double
    }

    /// The nodes; the chief pushes to the first.
    let nodes: [ServerAddress]
    let accounts: Accounts
    let sessions: Int
    let rounds: Int
    /// Articles of each published issue (~5 KB of Vietnamese each).
    let articles: Int
    let workspace: BenchWorkspace

    /// Runs the rounds; `report` is called after each.
    func run(report: (Int, Round) -> Void = { _, _ in }) async throws -> [Round] {
        guard let chiefNode = nodes.first else { throw BenchError.unexpected("no server node to publish through") }
        let chief = try LocalStore.create(
            at: workspace.path("chief-\(UUID().uuidString).sqlite"), editor: "Tổng biên tập")
        try chief.setToken(accounts.chief)
        let chiefRunner = SyncRunner(store: chief, address: chiefNode, logger: BenchEditor.quiet)
        let issues = try Self.approvedIssues(chief, count: rounds, articles: articles)
        _ = try await chiefRunner.syncOnce()

        let board = SessionBoard(sessions: sessions)
        let offices = nodes.map {
            FieldOfficeSessions(address: $0, token: accounts.office, app: "bulletin-bench/fanout")
        }
        let (key, rounds) = (accounts.key, rounds)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            try await offices[0].open(0..<sessions, board: board, in: &group) { index in
                try await Self.fieldOffice(
                    index, offices: offices[index % offices.count], key: key, rounds: rounds, board: board)
            }
            var results: [Round] = []
            for (round, date) in issues.enumerated() {
                try chief.setState(issue: date, to: .published)
                let acknowledged = try await Self.push(chief, runner: chiefRunner)
                let arrivals = try await board.waitArrivals(round: round)
                let delays = Sample(arrivals.map { ($0 - acknowledged).seconds * 1_000 })
                results.append(Round(p50: delays.median, last: delays.max))
                report(round, results[round])
            }
            group.cancelAll()
            return results
        }
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
                    issue: date, section: 1, title: "Bài \(number)", paragraphs: corpus.articleBody(), source: nil)
            }
            try chief.setState(issue: date, to: .review)
            try chief.setState(issue: date, to: .approved)
            issues.append(date)
        }
        return issues
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
