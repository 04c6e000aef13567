import Foundation
import Logging
import ServiceLifecycle
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite(.timeLimit(.minutes(1))) struct ServerLifecycleTests {
    @Test func aStoreANewerServerMigratedIsRefusedWithAClearMessage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try ServerStore(directory: directory.path)
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
        }
        try store.close()
        let path = directory.file(ServerStore.fileName)
        #expect(throws: ServerStoreError.newerSchema(path: path)) { try ServerStore(directory: directory.path) }
        #expect(ServerStoreError.newerSchema(path: path).description.contains("newer bulletin-server"))
    }

    @Test func aRestartedServerLosesNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var factory = ChangeFactory()
        let changes = (1...3).map { factory.issue(ChangeFactory.newID(), date: "2024-09-0\($0)") }
        let firstID = try await withTimeout {
            try await withTestServer(directory: directory) { server in
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    _ = try await client.push(changes)
                }
                return server.store.serverID
            }
        }
        try await withTimeout {
            try await withTestServer(directory: directory) { server in
                #expect(server.store.serverID == firstID)
                try await TestClient.with(port: server.port) { client in
                    #expect(try await client.handshake().headSeq == 3)
                    let pages = try await client.pull(Pull(since: 0, maxChanges: 100, maxBytes: 1 << 20))
                    #expect(pages.flatMap(\.changes).map(\.changeID) == changes.map(\.changeID))
                    // A retry after the restart is still recognised.
                    let retry = try await client.push(changes)
                    #expect(retry.results.map(\.status) == [.duplicate, .duplicate, .duplicate])
                }
            }
        }
    }

    @Test func aGracefulShutdownSaysByeToSessionsClosesTheStoreAndReturns() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let logs = CapturedLogs()
        let server = try await Server.bind(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory.path),
            logger: logs.logger(), authenticator: AllowAllAuthenticator())
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: server)], logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }))
        try await withTimeout {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await TestClient.with(port: server.port) { client in
                    _ = try await client.handshake()
                    try await client.send(.subscribe(Subscribe(since: 0)))
                    try await client.send(.ping(Ping(nonce: 1)))
                    #expect(try await client.receive() == .pong(Ping(nonce: 1)))
                    await group.triggerGracefulShutdown()
                    guard case .bye(let bye) = try await client.receive() else {
                        Issue.record("expected bye")
                        return
                    }
                    #expect(bye.reason?.contains("shutting down") == true)
                    #expect(try await client.next() == nil)
                }
                try await tasks.waitForAll()
            }
        }
        // The store was closed cleanly: the write-ahead log was folded into the database file.
        let wal = (directory.path as NSString).appendingPathComponent(ServerStore.fileName + "-wal")
        let walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(walSize == 0)
        #expect(logs.lines.contains { $0.message == "stopped" })

        await #expect(throws: (any Error).self) { try await server.store.headSeq() }
    }

    @Test func aBatchInFlightAtShutdownIsEitherWhollyAppliedAndAcknowledgedOrNotAppliedAtAll() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var factory = ChangeFactory()
        let batch = (0..<500).map { _ in factory.issue(ChangeFactory.newID(), date: "2024-09-05") }
        let answers = try await answersToPushesAtShutdown(
            [Push(batchID: "last", changes: batch)], directory: directory)
        let reopened = try ServerStore(directory: directory.path)
        defer { try? reopened.close() }
        let head = try await reopened.headSeq()
        // Never a part of the batch; and an acknowledged batch is always wholly there.
        #expect(head == 0 || head == 500)
        if case .pushAck(let ack) = answers.first {
            #expect(ack.results.allSatisfy { $0.status == .applied })
            #expect(head == 500)
            #expect(answers.map(\.type) == ["push_ack", "bye"])
        }
    }
}
