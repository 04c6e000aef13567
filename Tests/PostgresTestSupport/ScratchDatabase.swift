import Foundation
import Logging
import NIOPosix
import PostgresNIO
import TestSupport

// A target of its own, apart from TestSupport: PostgresNIO's many literal conformances, visible to every module that
// imports one importing it, made the type checker give up on large literals in unrelated test targets.

extension TestPostgres {
    /// Makes a fresh, empty database on the test server and returns its URL.
    public static func createDatabase() async throws -> (name: String, url: String) {
        guard let url else { throw TestPostgresError.notConfigured }
        return try await createDatabase(on: url)
    }

    /// Makes a fresh, empty database named `prefix` + a random suffix on the server of `url` (a database URL whose
    /// role may create databases) and returns its name and URL.
    public static func createDatabase(on url: String, prefix: String = "bulletin_test_") async throws
        -> (name: String, url: String)
    {
        let name = prefix + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await admin(url) { connection, logger in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        return (name, replacingDatabase(in: url, with: name))
    }

    /// Drops a database made by ``createDatabase()`` (closing what is still connected to it).
    public static func dropDatabase(_ name: String) async throws {
        guard let url else { throw TestPostgresError.notConfigured }
        try await dropDatabase(name, on: url)
    }

    /// Drops the database `name` on the server of `url` (closing what is still connected to it).
    public static func dropDatabase(_ name: String, on url: String) async throws {
        try await admin(url) { connection, logger in
            try await connection.query(
                PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
        }
    }

    /// The first column of the first row of `sql` (an integer), run on the database `url`.
    public static func integer(_ sql: String, in url: String) async throws -> Int64? {
        var value: Int64?
        try await admin(url) { connection, logger in
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                value = try row.decode(Int64?.self)
            }
        }
        return value
    }

    private static func admin(
        _ url: String, _ body: (PostgresConnection, Logger) async throws -> Void
    ) async throws {
        guard let components = URLComponents(string: url), let host = components.host, let user = components.user
        else { throw TestPostgresError.notConfigured }
        let database = String(components.path.drop(while: { $0 == "/" }))
        let configuration = PostgresConnection.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? "postgres" : database, tls: .disable)
        let logger = Logger(label: "bulletin-tests.postgres")
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger)
        do {
            try await body(connection, logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// A fresh PostgreSQL database for one test, dropped by ``drop()``.
public struct ScratchDatabase: Sendable {
    /// The database's name.
    public let name: String
    /// Its URL.
    public let url: String
    /// The URL of the server's database it was made from (also used to drop it).
    public let server: String

    /// Makes one on the test server.
    public init() async throws {
        guard let server = TestPostgres.url else { throw TestPostgresError.notConfigured }
        try await self.init(server: server)
    }

    /// Makes one on the server of `server` (a database URL whose role may create databases), named `prefix` and a
    /// random suffix.
    public init(server: String, prefix: String = "bulletin_test_") async throws {
        (name, url) = try await TestPostgres.createDatabase(on: server, prefix: prefix)
        self.server = server
    }

    /// Drops it, closing what is still connected.
    public func drop() async throws {
        try await TestPostgres.dropDatabase(name, on: server)
    }

    /// Runs `body` with a fresh database (`nil` for `.sqlite`), dropped afterwards whatever happens.
    public static func with<Result: Sendable>(
        _ kind: StoreKind, _ body: (String?) async throws -> Result
    ) async throws -> Result {
        guard kind == .postgres else { return try await body(nil) }
        let database = try await ScratchDatabase()
        do {
            let result = try await body(database.url)
            try await database.drop()
            return result
        } catch {
            try? await database.drop()
            throw error
        }
    }
}
