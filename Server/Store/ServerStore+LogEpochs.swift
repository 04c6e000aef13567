import SyncProtocol

extension ServerStore {
    /// Starts a new log epoch at the log's head, for a store brought back by other tools than
    /// `bulletin-server restore` (PostgreSQL's `pg_restore` or point-in-time recovery, a copied SQLite file): on
    /// their next sync, clients offer again what they hold beyond it (PROTOCOL.md section 12.5).
    ///
    /// Servers already running on the store keep the epochs they read when they started: run it with every node
    /// stopped. On a store that was not restored it costs the clients a re-offer of their recent records, each a
    /// `duplicate`, and nothing else.
    public func startLogEpoch() async throws -> LogEpoch {
        try await backend.write(appending: true) { transaction in
            let epoch = LogEpochs.beginning(at: try transaction.head())
            try transaction.startEpoch(epoch, at: ServerClock.nowText())
            return epoch
        }
    }
}
