import Logging
import PostgresTestSupport
import SyncProtocol
import SyncServer
import TestSupport
import Testing

/// Runs an in-process server on 127.0.0.1 port 0 with its data in `directory` (a fresh one when `nil`), for `body`.
/// With `kind` `.postgres`, the store is a fresh PostgreSQL database instead, dropped afterwards.
///
/// With fresh data, the log the test left is checked afterwards against the data contract: every record any
/// server test made keeps it (no quarantine when the store is opened again).
func withTestServer<Result: Sendable>(
    _ kind: StoreKind = .sqlite, directory: TemporaryDirectory? = nil, logs: CapturedLogs = CapturedLogs(),
    authenticator: any Authenticator = AllowAllAuthenticator(),
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (Server) async throws -> Result
) async throws -> Result {
    let data = try directory ?? TemporaryDirectory()
    defer { if directory == nil { data.remove() } }
    let result = try await ScratchDatabase.with(kind) { database in
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: data.path)
        configuration.database = database
        configure(&configuration)
        return try await Server.withRunning(
            configuration: configuration, logger: logs.logger(), authenticator: authenticator, body)
    }
    if directory == nil, kind == .sqlite {
        let store = try ServerStore(directory: data.path)
        defer { try? store.close() }
        #expect(store.quarantine.entries == [], "the test's log holds records the data contract refuses")
        #expect(store.quarantine.entities == [], "the test's server holds entities the data contract refuses")
    }
    return result
}

/// Runs a server over `directory`, sends `pushes` on one connection without waiting, shuts the server down at once
/// and returns every message the connection got before it closed (a reset after `bye`, or before it when the server
/// stopped reading first, ends the list).
func answersToPushesAtShutdown(_ pushes: [Push], directory: TemporaryDirectory) async throws -> [Message] {
    let server = try await Server.bind(
        configuration: ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: directory.path),
        logger: CapturedLogs().logger(), authenticator: AllowAllAuthenticator())
    return try await withTimeout {
        try await withThrowingTaskGroup(of: [Message].self) { tasks in
            tasks.addTask {
                try await server.run()
                return []
            }
            let answers = try await TestClient.with(port: server.port) { client in
                _ = try await client.handshake()
                for push in pushes { try await client.send(.push(push)) }
                server.shutdown()
                var answers: [Message] = []
                do {
                    while case .message(let message) = try await client.next() { answers.append(message) }
                } catch {
                    // Batches the server did not read before it stopped reading reset the connection.
                }
                return answers
            }
            try await tasks.waitForAll()
            return answers
        }
    }
}
