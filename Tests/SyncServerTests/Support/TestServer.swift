import PostgresTestSupport
import TestSupport
import Logging
import SyncServer

/// Runs an in-process server on 127.0.0.1 port 0 with its data in `directory` (a fresh one when `nil`), for `body`.
/// With `kind` `.postgres`, the store is a fresh PostgreSQL database instead, dropped afterwards.
func withTestServer<Result: Sendable>(
    _ kind: StoreKind = .sqlite, directory: TemporaryDirectory? = nil, logs: CapturedLogs = CapturedLogs(),
    authenticator: any Authenticator = AllowAllAuthenticator(),
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (Server) async throws -> Result
) async throws -> Result {
    let data = try directory ?? TemporaryDirectory()
    defer { if directory == nil { data.remove() } }
    return try await ScratchDatabase.with(kind) { database in
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, dataDirectory: data.path)
        configuration.database = database
        configure(&configuration)
        return try await Server.withRunning(
            configuration: configuration, logger: logs.logger(), authenticator: authenticator, body)
    }
}
