import SyncClient

/// Server processes serving one store, each on a port of its own: one for SQLite, several for PostgreSQL (the
/// nodes of one newsroom, sharing the database's log, accounts and signing key).
struct ServerNodes: Sendable {
    /// The processes, in start order.
    let processes: [ServerProcess]

    /// Starts `count` nodes on `store`, one after another; each logs to `NAME-node-N.log` in the workspace.
    static func start(
        _ count: Int, store: BenchStore, name: String, programs: SyncPrograms, in workspace: BenchWorkspace
    ) async throws -> ServerNodes {
        var processes: [ServerProcess] = []
        for number in 1...max(1, count) {
            processes.append(
                try await programs.startServer(store: store, log: "\(name)-node-\(number).log", in: workspace))
        }
        return ServerNodes(processes: processes)
    }

    /// The nodes' addresses, in start order.
    var addresses: [ServerAddress] {
        processes.map { ServerAddress(host: "127.0.0.1", port: $0.port) }
    }

    /// Node `index` modulo the count: how clients are spread over the nodes.
    func node(_ index: Int) -> ServerProcess {
        processes[index % processes.count]
    }

    /// Stops every node with SIGTERM; throws unless each drained cleanly.
    func stop(in workspace: BenchWorkspace) async throws {
        for process in processes {
            try await workspace.stopCleanly(process)
        }
    }
}
