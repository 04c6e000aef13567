import BulletinCore
import Foundation
import Logging
import SyncProtocol

/// Runs syncs of one local store against one server: the library behind `bulletin sync`.
public struct SyncRunner: Sendable {
    /// The editor's store.
    public let store: LocalStore
    /// Where the server listens.
    public let address: ServerAddress
    /// Bounds and timing.
    public var options: SyncOptions
    /// Where sync logs go.
    public var logger: Logger
    /// TLS, or `nil` for plain TCP.
    public var tls: ClientTLS?

    /// Creates a runner.
    public init(
        store: LocalStore, address: ServerAddress, options: SyncOptions = SyncOptions(), logger: Logger,
        tls: ClientTLS? = nil
    ) {
        self.tls = tls
        self.store = store
        self.address = address
        self.options = options
        self.logger = logger
    }

    /// The `hello` this store opens with.
    public func hello() throws -> Hello {
        let info = try store.replicaInfo()
        return Hello(
            versions: SyncConnector.supportedVersions, clientID: info.clientID,
            credentials: try store.credentials(), appVersion: ClientVersion.appVersion,
            schemaVersion: info.schemaVersion)
    }

    var connector: SyncConnector { SyncConnector(address: address, options: options, tls: tls) }
    var engine: SyncEngine<LocalStore> { SyncEngine(replica: store, options: options, logger: logger) }

    /// One sync: push the outbox, pull until caught up, disconnect. Remembers the address once it worked.
    ///
    /// - Parameter progress: Called after each pulled page.
    public func syncOnce(progress: (@Sendable (SyncProgress) -> Void)? = nil) async throws -> SyncSummary {
        try await measured { conversation, welcome in
            try await engine.sync(conversation, welcome: welcome, progress: progress)
        }
    }

    /// Connects, runs `work`, remembers the address once it worked, and adds to `work`'s summary what the
    /// connection moved and how long it all took.
    func measured(_ work: (Conversation, Welcome) async throws -> SyncSummary) async throws -> SyncSummary {
        let started = ContinuousClock.now
        let traffic = TrafficCounter()
        var summary = try await withBackgroundCheckpoints {
            try await connector.withConversation(hello: try hello(), traffic: traffic, work)
        }
        // Written only when it changed: a write transaction costs a disk flush on every sync otherwise.
        let address = address.description
        try await engine.onStore { store in
            if try store.serverAddress() != address { try store.setServerAddress(address) }
        }
        summary.bytesSent = traffic.bytesSent
        summary.bytesReceived = traffic.bytesReceived
        summary.payloadBytes = traffic.payloadBytes
        summary.seconds = (ContinuousClock.now - started).seconds
        return summary
    }

    /// Stays connected until cancelled: pulls on every `notify`, pushes local changes as they are made,
    /// reconnects with backoff after a disconnect.
    ///
    /// - Parameters:
    ///   - onActivity: Called after each push or pull.
    ///   - onConnection: Called when the connection is established or lost.
    public func watch(
        backoff: Backoff = Backoff(),
        onActivity: @escaping @Sendable (SyncSummary) -> Void = { _ in },
        onConnection: @escaping @Sendable (WatchConnectionEvent) -> Void = { _ in }
    ) async throws {
        let address = address.description
        try await engine.onStore { try $0.setServerAddress(address) }
        let loop = WatchLoop(
            engine: engine, connector: connector, backoff: backoff,
            hello: { [self] in
                try hello()
            })
        try await withBackgroundCheckpoints {
            try await loop.run(onActivity: onActivity, onConnection: onConnection)
        }
    }

    /// Runs `body` with ``WALCheckpoints`` beside it: pulled pages then never wait for the log to be copied back
    /// inside their commits (on the second core, during an initial pull; off the latency of a watching editor's
    /// updates). Nothing to copy for a store in memory.
    private func withBackgroundCheckpoints<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        guard store.path != ":memory:" else { return try await body() }
        let checkpoints = WALCheckpoints(path: store.path, writer: store.writer)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await checkpoints.run() }
            // Whether `body` returns or throws, the checkpoints stop with it (and the group waits for them).
            defer { group.cancelAll() }
            return try await body()
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
