import ArgumentParser
import Foundation
import SyncServer

/// Where the server's store is, for every command that opens it: the embedded SQLite store in `--data DIR` (the
/// default), or a PostgreSQL database shared by several nodes (`--database URL`, or `BULLETIN_DATABASE_URL`).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: "The data directory of the embedded SQLite store (created if missing).")
    var dataDirectory = "./data"

    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "A PostgreSQL store shared by several servers, instead of --data (default: $BULLETIN_DATABASE_URL).",
            valueName: "postgres://USER:PASS@HOST:PORT/DB[?sslmode=require|verify-full]"))
    var database: String?

    /// The PostgreSQL URL to use, if any: the option, else the environment.
    var databaseURL: String? {
        database ?? ProcessInfo.processInfo.environment["BULLETIN_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens the store.
    func open() async throws -> ServerStore {
        try await ServerStore.open(database: databaseURL, directory: dataDirectory)
    }
}
