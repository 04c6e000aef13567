import BulletinCore
import Foundation
import GRDB
import Logging
import SyncProtocol
import Synchronization
import TestSupport
import Testing

@testable import SyncClient
@testable import SyncServer

/// SIGTERM while three editors push and pull: the real server drains and exits 0, a new one starts on the same data
/// and port, the editors' watch loops reconnect by themselves, and nothing is lost or applied twice.
@Suite(.timeLimit(.minutes(3)))
struct DrainUnderLoadTests {
    /// The most changes the load lets wait in the outboxes before it waits for the watch loops.
    static let backlog = 30

    @Test func aServerSignalledUnderLoadDrainsAndItsClientsLoseNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        var made: [Editor] = []
        for (index, name) in ["hong", "khang", "lan"].enumerated() {
            let token = try await BuiltBinaries.run(
                "bulletin-server",
                [
                    "user", "add", name, "--role", "editor",
                    "--data", data,
                ])
            #expect(token.status == 0, "\(token.standardError)")
            let editor = try Editor(name, in: directory)
            try editor.store.setToken(token.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
            try editor.store.createIssue(date: "2024-09-0\(index + 1)")
            try editor.store.addSection(issue: "2024-09-0\(index + 1)", title: "CẢI CÁCH HÀNH CHÍNH")
            made.append(editor)
        }
        let editors = made
        let first = try RunningProcess(
            "bulletin-server",
            [
                "serve", "--host", "127.0.0.1", "--port", "0", "--data", data, "--drain-timeout", "5",
            ])
        let port = try #require(await first.listeningPort())

        let (activity, announce) = AsyncStream.makeStream(of: Void.self)
        let backoff = Backoff(initial: .milliseconds(20), maximum: .milliseconds(200))
        let load = PacedArticleLoad()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for editor in editors {
                let runner = editor.runner(port: port)
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
            let roundsAtSignal = try await withTimeout {
                for await _ in activity where try Self.acknowledged(editors) >= 2 * Self.backlog { break }
                return load.rounds.load(ordering: .relaxed)
            }
            #expect(await first.stop(signal: SIGTERM) == 0, "the drained server exits 0")
            let second = try RunningProcess(
                "bulletin-server",
                [
                    "serve", "--host", "127.0.0.1", "--port", "\(port)", "--data", data,
                ])
            #expect(await second.listeningPort() == port)
            // The watch loops reconnect by themselves; writing goes on until they pushed more after the restart.
            let acknowledgedAtRestart = try Self.acknowledged(editors)
            try await withTimeout {
                for await _ in activity where try Self.acknowledged(editors) >= acknowledgedAtRestart + Self.backlog {
                    break
                }
            }
            load.stop()
            try await writing.value
            #expect(
                load.rounds.load(ordering: .relaxed) > roundsAtSignal, "articles were still written after the signal")
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
            #expect(await second.stop(signal: SIGTERM) == 0)
        }

        // Every change any replica made is in the log once, and every replica holds the same newsroom.
        let total = editors.count * (2 + load.rounds.load(ordering: .relaxed))
        let own = try Set(editors.flatMap { try $0.ownChangeIDs() })
        #expect(own.count == total)
        let store = try ServerStore(directory: data)
        defer { try? store.close() }
        let logged = try await store.read { db in
            try String.fetchAll(db, sql: "SELECT change_id FROM change_log WHERE entity != 'publication'")
        }
        #expect(
            Set(logged) == own, "lost: \(own.subtracting(logged).count), unknown: \(Set(logged).subtracting(own).count)"
        )
        #expect(logged.count == own.count, "a change was logged twice")
        let contents = try editors[0].contents()
        #expect(contents.entities.count == total)
        for editor in editors.dropFirst() { #expect(try editor.contents() == contents) }
    }

    /// How many of the changes the editors made the server has acknowledged (they left the outboxes).
    static func acknowledged(_ editors: [Editor]) throws -> Int {
        try editors.reduce(0) { count, editor in
            count
                + (try editor.store.writer.read { db in
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM change_log WHERE client_id = (SELECT client_id FROM replica)
                            AND change_id NOT IN (SELECT change_id FROM outbox)
                            """) ?? 0
                })
        }
    }
}

extension Editor {
    /// The ids of the changes this replica made itself.
    func ownChangeIDs() throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT change_id FROM change_log WHERE client_id = (SELECT client_id FROM replica)")
        }
    }
}
