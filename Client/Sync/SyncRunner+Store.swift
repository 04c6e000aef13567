import Logging

extension SyncRunner {
    /// A runner for `store` against `server` (`HOST:PORT`) or, without it, the address the store remembers, with
    /// the store's TLS settings: how every front end starts a sync.
    ///
    /// - Throws: ``SyncError/noServerConfigured`` when there is no address, ``SyncError/invalidAddress(_:)`` for a
    ///   malformed one.
    public init(store: LocalStore, server: String?, options: SyncOptions = SyncOptions(), logger: Logger) throws {
        guard let text = try server ?? store.serverAddress() else { throw SyncError.noServerConfigured }
        self.init(
            store: store, address: try ServerAddress(parsing: text), options: options, logger: logger,
            tls: try store.accessSettings().clientTLS)
    }
}
