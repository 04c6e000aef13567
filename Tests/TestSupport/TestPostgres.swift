import Foundation

/// The PostgreSQL server the tests may use: `BULLETIN_TEST_POSTGRES_URL` (`postgres://USER[:PASS]@HOST:PORT/DB`,
/// a role allowed to create databases; PostgresTestSupport makes a database per test). `Tests/run-all.sh` starts a
/// throwaway cluster and sets it; without it the PostgreSQL cases are not run, and a skipped test in SyncServerTests
/// (`PostgresAvailabilityTests`) says so in every run.
public enum TestPostgres {
    /// The environment variable that names the server.
    public static let variable = "BULLETIN_TEST_POSTGRES_URL"

    /// The server's URL, or `nil` when the variable is unset or empty.
    public static var url: String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the tests run under CI, where PostgreSQL must be there.
    public static var isCI: Bool {
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
    }

    /// `url` with its database replaced by `name`.
    public static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}

/// Why the test PostgreSQL server cannot be used.
public enum TestPostgresError: Error, CustomStringConvertible {
    /// The variable is not set.
    case notConfigured

    /// A sentence a person can act on.
    public var description: String {
        "\(TestPostgres.variable) is not set: run `bash Tests/run-all.sh`, which starts a throwaway PostgreSQL"
    }
}

/// The store backends a test runs against.
public enum StoreKind: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The embedded SQLite store in a temporary directory.
    case sqlite
    /// A fresh database on the test PostgreSQL server (``TestPostgres``).
    case postgres

    public var description: String { rawValue }

    /// The backends available here: SQLite always, PostgreSQL when ``TestPostgres/url`` is set. When it is not,
    /// a skipped test in SyncServerTests (`PostgresAvailabilityTests`) says so in every run, and fails under CI.
    public static var available: [StoreKind] {
        TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres]
    }
}
