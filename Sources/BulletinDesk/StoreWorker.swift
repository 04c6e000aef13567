import NIOPosix
import SyncClient

/// Runs the local store's synchronous (GRDB) calls on a dedicated thread pool, never on Swift's cooperative pool,
/// behind an async call.
public struct StoreWorker: Sendable {
    /// The store every desk request reads and writes.
    public let store: LocalStore
    private let pool: NIOThreadPool

    /// Creates a worker over `store` using `pool` (shared by the whole process).
    public init(store: LocalStore, pool: NIOThreadPool = .singleton) {
        self.store = store
        self.pool = pool
    }

    /// Runs `body` on the thread pool and returns its result.
    public func run<Value: Sendable>(_ body: @escaping @Sendable (LocalStore) throws -> Value) async throws -> Value {
        let store = self.store
        return try await pool.runIfActive { try body(store) }
    }
}
