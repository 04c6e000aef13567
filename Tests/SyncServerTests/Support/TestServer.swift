import Logging
import PostgresTestSupport
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
