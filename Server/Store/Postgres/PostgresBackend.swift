import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO

/// The shared store: a PostgreSQL database that several `bulletin-server` nodes serve together.
///
/// The rules run synchronously over ``StoreReader``/``StoreTransaction`` (the same code as on SQLite), so each
/// transaction runs whole on a thread of this backend's own `NIOThreadPool` and blocks there on postgres-nio's
/// futures — never on an event loop and never on Swift's cooperative pool. Each thread uses one connection at a
/// time from a small set kept here; a broken connection is dropped and a new one made, with backoff.
///
/// **Seq order across nodes.** Every transaction that appends to the log first takes the transaction-scoped
/// advisory lock ``appendLock`` (`pg_advisory_xact_lock`), then reads the head and appends at head + 1, and
/// releases the lock only by committing (or rolling back). So appends are serialised across every node, the seq
/// stays gap-free, and commit order is seq order: once a reader sees seq N, every seq below N is already committed
/// and visible — a puller never skips a change that commits after a higher seq became visible (sequence allocation
/// order is not commit order otherwise). The transactions run at READ COMMITTED: each statement sees what committed
/// before it, including the appends committed while this transaction waited for the lock.
final class PostgresBackend: StoreBackend, Sendable {
    /// The advisory-lock key that serialises appends to the log (the ASCII of "bulletin").
    static let appendLock: Int64 = 0x6275_6C6C_6574_696E

    /// Where the database is.
    let location: PostgresLocation
    let configuration: PostgresConnection.Configuration
    private let threads: NIOThreadPool
    private let eventLoops: any EventLoopGroup
    /// The `LISTEN/NOTIFY` channel on which appending transactions announce a new head.
    static let headChannel = "bulletin_head"
    private let idle = NIOLockedValueBox<[PostgresConnection]>([])
    private let connectionCount = NIOLockedValueBox(0)
    /// The transactions of ``scheduleWrite(appending:_:completion:)``, in order.
    private let scheduled = SerialJobs()
    let logger: Logger
    /// Tests only: runs in an appending transaction after its block and before COMMIT (the lock still held), so a
    /// test can hold one node's push there and force another node's push to interleave.
    let beforeAppendCommit = NIOLockedValueBox<(@Sendable () -> Void)?>(nil)

    /// How many connections (and threads) a node uses at most.
    static let defaultConnections = 4

    /// Makes a backend for `location`; nothing is connected until the first call.
    init(location: PostgresLocation, connections: Int = defaultConnections, logger: Logger? = nil) throws {
        self.location = location
        self.configuration = try location.configuration()
        self.threads = NIOThreadPool(numberOfThreads: max(1, connections))
        self.threads.start()
        self.eventLoops = MultiThreadedEventLoopGroup.singleton
        var logger = logger ?? Logger(label: "bulletin-server.postgres")
        logger[metadataKey: "store.location"] = "\(location)"
        self.logger = logger
    }

    func read<Value: Sendable>(_ body: @escaping @Sendable (any StoreReader) throws -> Value) async throws -> Value {
        // One snapshot for the whole block, like SQLite's read transactions: a page's queries agree.
        try await transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false) { try body($0) }
    }

    func write<Value: Sendable>(
        appending: Bool, _ body: @escaping @Sendable (any StoreTransaction) throws -> Value
    ) async throws -> Value {
        try await transaction(begin: "BEGIN ISOLATION LEVEL READ COMMITTED", lock: appending) { try body($0) }
    }

    func scheduleWrite<Value: Sendable>(
        appending: Bool, _ body: @escaping @Sendable (any StoreTransaction) throws -> Value,
        completion: @escaping @Sendable (Result<Value, any Error>) -> Void
    ) {
        // The threads take jobs in any order: one scheduled transaction runs at a time.
        scheduled.schedule {
            do {
                completion(.success(try await self.write(appending: appending, body)))
            } catch {
                completion(.failure(error))
            }
        }
    }

    /// Runs `body` inside BEGIN … COMMIT on one connection, on this backend's threads.
    private func transaction<Value: Sendable>(
        begin: String, lock: Bool, _ body: @escaping @Sendable (PostgresReader) throws -> Value
    ) async throws -> Value {
        try await threads.runIfActive {
            try self.withConnection { connection in
                let reader = PostgresReader(connection: connection, logger: self.logger)
                try reader.execute(PostgresQuery(unsafeSQL: begin))
                do {
                    if lock {
                        try reader.execute("SELECT pg_advisory_xact_lock(\(Self.appendLock))")
                    }
                    let value = try body(reader)
                    if lock {
                        // Delivered to every listening node when (and only if) this transaction commits, in commit
                        // order: see ``watchHeads(_:)``.
                        try reader.execute("SELECT pg_notify(\(Self.headChannel), '')")
                        if let hook = self.beforeAppendCommit.withLockedValue({ $0 }) { hook() }
                    }
                    // Acknowledged only after this returns: a commit that fails (or whose answer is lost) throws.
                    try reader.execute("COMMIT")
                    return value
                } catch {
                    try? reader.execute("ROLLBACK")
                    throw error
                }
            }
        }
    }

    /// Runs `body` with a connection of the set, made (with backoff) when none is idle. A connection that broke
    /// is closed and forgotten; its error reaches the caller, who may retry.
    func withConnection<Value>(_ body: (PostgresConnection) throws -> Value) throws -> Value {
        let connection = try checkOut()
        do {
            let value = try body(connection)
            checkIn(connection)
            return value
        } catch {
            if connection.isClosed {
                forget(connection)
                throw PostgresStoreError.unavailable(
                    location: "\(location)", detail: "the connection broke: \(Self.describe(error))")
            }
            checkIn(connection)
            throw error
        }
    }

    private func checkOut() throws -> PostgresConnection {
        while let connection = idle.withLockedValue({ $0.popLast() }) {
            if !connection.isClosed { return connection }
            forget(connection)
        }
        // Backoff: a restarting PostgreSQL, a failover, a moment of network loss. Bounded, so a session gets its
        // retryable error in a few seconds rather than hanging.
        var delay = 0.05
        var lastError: (any Error)?
        for attempt in 0..<7 {
            if attempt > 0 {
                Thread.sleep(forTimeInterval: delay)
                delay *= 2
            }
            do {
                let id = connectionCount.withLockedValue { count in
                    count += 1
                    return count
                }
                let connection = try PostgresConnection.connect(
                    on: eventLoops.next(), configuration: configuration, id: id, logger: logger
                ).wait()
                return connection
            } catch {
                lastError = error
                logger.warning("cannot connect to PostgreSQL", metadata: ["error": "\(Self.describe(error))"])
                // PostgreSQL itself refused (no such database, a wrong password): waiting will not help, unless it
                // is still starting up (57P03).
                if let error = error as? PSQLError, error.code == .server,
                    error.serverInfo?[.sqlState] != "57P03"
                {
                    break
                }
            }
        }
        throw PostgresStoreError.unavailable(
            location: "\(location)", detail: lastError.map(Self.describe) ?? "no connection")
    }

    /// What went wrong, for a person: PostgreSQL's own message when it sent one (never a query or a password).
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.sqlState].map { " (\($0))" } ?? "")
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }

    private func checkIn(_ connection: PostgresConnection) {
        idle.withLockedValue { $0.append(connection) }
    }

    private func forget(_ connection: PostgresConnection) {
        _ = try? connection.close().wait()
    }

    func close() throws {
        let connections = idle.withLockedValue { idle in
            defer { idle.removeAll() }
            return idle
        }
        for connection in connections {
            try? connection.close().wait()
        }
        try threads.syncShutdownGracefully()
    }

    // A backend dropped without `close()` (a test cut short by its time limit) still ends its connections and
    // threads: PostgresNIO and NIO assert (and so stop a whole debug process) when either is dropped running. Each
    // connection is kept until its channel has closed; a pool already shut down stays so.
    deinit {
        for connection in idle.withLockedValue({ $0 }) {
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        }
        threads.shutdownGracefully { _ in }
    }
}
