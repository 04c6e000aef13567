import BulletinCore
import Foundation
import PostgresTestSupport
import SyncProtocol
import Synchronization
import TestSupport
import Testing

@testable import SyncClient
@testable import SyncServer

/// Three `bulletin-server` processes on one PostgreSQL database behave as one server: six editors spread over them
/// push concurrently, one node is killed (SIGKILL) in the middle of their pushes and restarted on its port, and
/// every change is logged once, at gap-free seqs, and every replica ends the same.
@Suite(
    .timeLimit(.minutes(3)),
    .enabled(if: TestPostgres.url != nil, "BULLETIN_TEST_POSTGRES_URL is not set: the multi-node test is skipped"))
struct MultiNodeTests {
    /// The most changes the load lets wait in the outboxes before it waits for the watch loops.
    static let backlog = 18

    @Test func threeNodesSixEditorsAndANodeKilledMidPushLoseNothing() async throws {
        try await ScratchDatabase.with(.postgres) { database in
            let url = try #require(database)
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            try await run(url: url, directory: directory)
        }
    }

    private func node(_ url: String, port: Int = 0) throws -> RunningProcess {
        try RunningProcess("bulletin-server", ["serve", "--host", "127.0.0.1", "--port", "\(port)", "--database", url])
    }

    private func run(url: String, directory: TemporaryDirectory) async throws {
        var made: [Editor] = []
        for (index, name) in ["hong", "khang", "lan", "minh", "phuong", "quang"].enumerated() {
            let token = try await BuiltBinaries.run(
                "bulletin-server", ["user", "add", name, "--role", "editor", "--database", url])
            #expect(token.status == 0, "\(token.standardError)")
            let editor = try Editor(name, in: directory)
            try editor.store.setToken(token.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
            try editor.store.createIssue(date: "2024-09-0\(index + 1)")
            try editor.store.addSection(issue: "2024-09-0\(index + 1)", title: "CẢI CÁCH HÀNH CHÍNH")
            made.append(editor)
        }
        let editors = made
        var nodes: [RunningProcess] = []
        var ports: [Int] = []
        for _ in 0..<3 {
            let node = try node(url)
            ports.append(try #require(await node.listeningPort()))
            nodes.append(node)
        }

        let (activity, announce) = AsyncStream.makeStream(of: Void.self)
        let backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(200))
        let load = PacedArticleLoad()
        try await withThrowingTaskGroup(of: Void.self) { group in
            // Two editors per node.
            for (index, editor) in editors.enumerated() {
                let runner = editor.runner(port: ports[index % ports.count])
                group.addTask {
                    try await runner.watch(
                        backoff: backoff,
                        onActivity: { _ in
                            announce.yield()
                            load.pace()
                        })
                }
            }
            // The load runs through the fault and the restart (see ``PacedArticleLoad``).
            let writing = load.write(editors, backlog: Self.backlog)
            let roundsAtKill = try await withTimeout {
                for await _ in activity where try DrainUnderLoadTests.acknowledged(editors) >= 2 * Self.backlog {
                    break
                }
                return load.rounds.load(ordering: .relaxed)
            }
            #expect(await nodes[0].stop(signal: SIGKILL) != 0, "killed, not drained")
            nodes[0] = try node(url, port: ports[0])
            #expect(await nodes[0].listeningPort() == ports[0])
            // The watch loops reconnect by themselves; writing goes on until they pushed more after the restart.
            let acknowledgedAtRestart = try DrainUnderLoadTests.acknowledged(editors)
            try await withTimeout {
                for await _ in activity
                where try DrainUnderLoadTests.acknowledged(editors) >= acknowledgedAtRestart + Self.backlog {
                    break
                }
            }
            load.stop()
            try await writing.value
            #expect(load.rounds.load(ordering: .relaxed) > roundsAtKill, "articles were still written after the kill")
            // Every replica pulls everyone's changes, whichever node each pushed to.
            let total = editors.count * (2 + load.rounds.load(ordering: .relaxed))
            try await withTimeout {
                for await _ in activity {
                    if try editors.allSatisfy({
                        try $0.store.pendingCount() == 0 && $0.contents().entities.count == total
                    }) {
                        break
                    }
                }
            }
            group.cancelAll()
            for node in nodes { #expect(await node.stop(signal: SIGTERM) == 0) }
        }

        // Every change is in the one log once, at gap-free seqs, and every replica holds the same newsroom.
        let total = editors.count * (2 + load.rounds.load(ordering: .relaxed))
        let own = try Set(editors.flatMap { try $0.ownChangeIDs() })
        #expect(own.count == total)
        let store = try await ServerStore.open(postgres: url)
        defer { try? store.close() }
        let page = try await store.logPage(
            since: 0, bound: .max, limits: PageLimits(maxChanges: 100_000, maxBytes: 1 << 30))
        #expect(page.records.compactMap(\.seq) == Array(1...Int64(page.records.count)))
        let logged = page.records.filter { $0.entity != .publication }.map(\.changeID)
        #expect(Set(logged) == own, "lost: \(own.subtracting(logged).count)")
        #expect(logged.count == own.count, "a change was logged twice")
        let contents = try editors[0].contents()
        #expect(contents.entities.count == total)
        for editor in editors.dropFirst() { #expect(try editor.contents() == contents) }
    }
}
