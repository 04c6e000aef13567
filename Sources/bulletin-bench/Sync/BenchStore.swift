import SyncServer

/// Where the benchmark's server keeps its store: the embedded SQLite store in a directory, or a PostgreSQL database
/// that every node of a run shares.
enum BenchStore: Sendable, CustomStringConvertible {
    /// `bulletin-server serve --data DIRECTORY`.
    case sqlite(directory: String)
    /// `bulletin-server serve --database URL`.
    case postgres(url: String)

    /// The server's options that name this store.
    var serverArguments: [String] {
        switch self {
        case .sqlite(let directory): ["--data", directory]
        case .postgres(let url): ["--database", url]
        }
    }

    /// Opens the store in-process (creating and migrating it if needed), as `bulletin-server user add` would.
    func open() async throws -> ServerStore {
        switch self {
        case .sqlite(let directory): try ServerStore(directory: directory)
        case .postgres(let url): try await ServerStore.open(postgres: url)
        }
    }

    /// The backend's name, for reports.
    var description: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}
