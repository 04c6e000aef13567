import Logging
import NIOPosix
import PostgresNIO

extension PostgresBackend {
    /// How long a node goes at most without reading the head when no notification came: a lost notification (a
    /// dropped `LISTEN` connection, a restarting PostgreSQL) only delays a change by this much.
    static let headPollInterval: Duration = .seconds(1)

    /// Calls `changed` whenever another node (or this one) may have moved the head, until the task is cancelled.
    ///
    /// A connection of its own `LISTEN`s on ``headChannel``; every appending transaction notifies it on commit. The
    /// connection is remade with backoff when it breaks, and `changed` also runs every ``headPollInterval`` and
    /// after every reconnection, so that nothing depends on one notification arriving.
    func watchHeads(_ changed: @escaping @Sendable () async -> Void) async {
        await withDiscardingTaskGroup { group in
            group.addTask {
                while !Task.isCancelled {
                    do {
                        try await Task.sleep(for: Self.headPollInterval)
                    } catch {
                        return
                    }
                    await changed()
                }
            }
            group.addTask { await self.listenForHeads(changed) }
        }
    }

    private func listenForHeads(_ changed: @escaping @Sendable () async -> Void) async {
        var delay: Duration = .milliseconds(50)
        while !Task.isCancelled {
            do {
                let connection = try await PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 0,
                    logger: logger)
                delay = .milliseconds(50)
                do {
                    try await connection.listen(on: Self.headChannel) { notifications in
                        // Anything committed before the LISTEN took effect was not announced.
                        await changed()
                        for try await _ in notifications {
                            await changed()
                        }
                    }
                } catch {
                    if !Task.isCancelled {
                        logger.warning("lost the LISTEN connection", metadata: ["error": "\(error)"])
                    }
                }
                try? await connection.close()
            } catch {
                logger.warning("cannot connect to listen for heads", metadata: ["error": "\(error)"])
            }
            // Backoff before reconnecting (the poll keeps heads moving meanwhile).
            do {
                try await Task.sleep(for: delay)
            } catch {
                return
            }
            delay = min(delay * 2, .seconds(5))
        }
    }
}

extension ServerStore {
    /// Calls `changed` whenever the head may have moved by another process's push (other nodes of a PostgreSQL
    /// store), until the task is cancelled; returns at once for SQLite, where only this process pushes.
    func watchHeads(_ changed: @escaping @Sendable () async -> Void) async {
        guard let postgres = backend as? PostgresBackend else { return }
        await postgres.watchHeads(changed)
    }
}
