import BulletinCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL
import ServiceLifecycle
import SyncProtocol

/// The sync server: a TCP listener whose accepted connections each run a session against one ``ServerStore``.
///
/// ``bind(configuration:logger:authenticator:eventLoopGroup:)`` opens the store and binds the socket (so ``port`` is
/// known, also for port 0); ``run()`` accepts connections until ``shutdown()`` or a graceful shutdown of the
/// surrounding `ServiceGroup`, then lets sessions finish their current request, closes the store and returns.
///
/// ```swift
/// let server = try await Server.bind(configuration: .init(port: 0, dataDirectory: dir), logger: logger)
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await server.run() }
///     // … connect to 127.0.0.1:server.port …
///     server.shutdown()
/// }
/// ```
public final class Server: Service, Sendable {
    /// How the server was configured.
    public let configuration: ServerConfiguration
    /// The server's store (closed when ``run()`` returns).
    public let store: ServerStore
    /// What the server counts (sessions, messages, pushes, latencies), for `--metrics`.
    public let metrics: ServerMetrics
    /// The address the listener is bound to.
    public let localAddress: SocketAddress
    /// Accepted connections arrive as plain channels, not yet reading: a `NIOAsyncChannel` is made for each only
    /// when its session starts (see ``serve(_:)``), so that one accepted while the listener is torn down can be
    /// dropped safely (an unserved `NIOAsyncChannel` traps when its writer is released unfinished).
    private let serverChannel: NIOAsyncChannel<any Channel, Never>
    private let environment: SessionEnvironment
    private let logger: Logger
    private let graceTimer = NIOLockedValueBox<Scheduled<Void>?>(nil)
    private let connectionIDs = NIOLockedValueBox(0)

    /// Where inbound compressed and large frames are inflated and parsed: this server's own threads (one per core),
    /// never its event loops, so that a peer's 64 MiB payload does not delay other connections' reads or deadlines
    /// (issue 19). Not NIO's shared pool: other work in the process must not queue behind hostile frames.
    private let decodingPool: NIOThreadPool

    /// The bound TCP port (the real one when the configuration asked for port 0).
    public var port: Int { localAddress.port ?? configuration.port }

    /// Opens the store in the configured data directory and binds the listener.
    ///
    /// - Parameters:
    ///   - configuration: Address, data directory and limits.
    ///   - logger: Where the server logs a line per connection and per sync operation.
    ///   - authenticator: Decides whether a `hello` may open a session; the default requires the token of an
    ///     active account in the store (``AccountAuthenticator``).
    ///   - eventLoopGroup: The NIO event loops to run on.
    /// - Throws: When the store or the TLS files cannot be used, or the address cannot be bound.
    public static func bind(
        configuration: ServerConfiguration, logger: Logger,
        authenticator: any Authenticator = AccountAuthenticator(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        metrics: ServerMetrics = ServerMetrics()
    ) async throws -> Server {
        let store = try await ServerStore.open(
            database: configuration.database, directory: configuration.dataDirectory, logger: logger)
        if !store.quarantine.entries.isEmpty {
            // Written by a server from before the data contract was enforced: kept, never served (PROTOCOL.md 21.3).
            let entries = store.quarantine.entries
            logger.warning(
                "the log holds records the data contract refuses; quarantined, never served",
                metadata: [
                    "quarantine.count": "\(entries.count)",
                    "quarantine.seqs": "\(entries.prefix(100).map(\.seq))",
                    "quarantine.first": "\(entries[0].changeID): \(entries[0].reason)",
                ])
        }
        if let first = store.quarantine.entities.first {
            logger.warning(
                "live entities hold values the data contract refuses; repair them with a change",
                metadata: [
                    "quarantine.entities": "\(store.quarantine.entities.count)", "quarantine.first_entity": "\(first)",
                ])
        }
        let connections = ConnectionRegistry(
            memoryReturn: configuration.memoryReturnDelay.map { MemoryReturn(delay: TimeAmount($0)) })
        let decodingPool = NIOThreadPool(numberOfThreads: System.coreCount)
        decodingPool.start()
        let offload = FrameDecodingOffload { work in decodingPool.submit { _ in work() } }
        do {
            let tls = try configuration.tls?.makeContext()
            let channel = try await ServerBootstrap(group: eventLoopGroup)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                // A shutdown closes only a session's input, and must still be able to write its `bye`; a peer that
                // half-closes likewise still gets the answers to what it sent. Sessions close fully when done.
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                // Nothing is read before the session's `NIOAsyncChannel` exists, so no early byte can fall off the
                // pipeline's end; ``serve(_:)`` turns reading on.
                .childChannelOption(.autoRead, value: false)
                .bind(host: configuration.host, port: configuration.port) { child in
                    child.eventLoop.makeCompletedFuture {
                        if let tls {
                            // TLS wraps the whole byte stream, preamble included (PROTOCOL.md section 1).
                            try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                            try child.pipeline.syncOperations.addHandler(TLSInputCloser())
                        }
                        try child.pipeline.syncOperations.addHandler(
                            WireBytesHandler(metrics: metrics), position: .first)
                        var codec = configuration.frameCodec
                        codec.payloadObserver = { direction, bytes in
                            (direction == .inbound ? metrics.payloadReceivedBytes : metrics.payloadSentBytes)
                                .increment(by: bytes)
                        }
                        try child.pipeline.syncOperations.addBulletinSyncHandlers(
                            role: .server, limits: .preAuthentication, codec: codec, offload: offload)
                        try child.pipeline.syncOperations.addHandler(MessageCountingHandler(metrics: metrics))
                        connections.register(child)
                        return child
                    }
                }
            let environment = SessionEnvironment(
                store: store, broadcaster: HeadBroadcaster(head: try await store.headSeq()),
                publications: HeadBroadcaster(head: try await store.publicationHead()),
                sessions: AuthenticatedSessions(), authenticator: authenticator.prepared(for: store),
                configuration: configuration, connections: connections, metrics: metrics,
                snapshotFrames: SnapshotFrames(codec: configuration.frameCodec))
            metrics.head(try await store.headSeq())
            return try Server(
                configuration: configuration, store: store, channel: channel, environment: environment,
                decodingPool: decodingPool, logger: logger)
        } catch {
            try? store.close()
            try? await decodingPool.shutdownGracefully()
            throw error
        }
    }

    private init(
        configuration: ServerConfiguration, store: ServerStore,
        channel: NIOAsyncChannel<any Channel, Never>, environment: SessionEnvironment,
        decodingPool: NIOThreadPool, logger: Logger
    ) throws {
        guard let address = channel.channel.localAddress else { throw ServerError.notBound }
        self.configuration = configuration
        self.store = store
        self.metrics = environment.metrics
        self.decodingPool = decodingPool
        self.serverChannel = channel
        self.environment = environment
        self.localAddress = address
        var logger = logger
        logger[metadataKey: "server.id"] = "\(store.serverID)"
        self.logger = logger
    }

    /// Accepts connections until shutdown, then waits for sessions to finish and closes the store.
    ///
    /// Shutdown begins with ``shutdown()``, the graceful shutdown of a `ServiceGroup`, or task cancellation.
    public func run() async throws {
        logger.info(
            "listening",
            metadata: [
                "server.address": "\(localAddress)", "server.data": "\(store.path)",
                "server.tls": "\(configuration.tls != nil)",
            ])
        if configuration.tls == nil, !localAddress.isLoopback {
            logger.warning(
                """
                listening without TLS on a non-loopback address: tokens and drafts cross the network in clear \
                text; pass --tls-cert and --tls-key
                """, metadata: ["server.address": "\(localAddress)"])
        }
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await withDiscardingTaskGroup { group in
                    group.addTask { await self.watchRevocations() }
                    // Other nodes' pushes (a PostgreSQL store): their heads reach this node's subscribers too.
                    group.addTask { await self.followOtherNodes() }
                    // Pushes are acknowledged after their commit: keep copying the log back out of that path.
                    if let checkpoints = store.walCheckpoints() {
                        group.addTask { try? await checkpoints.run() }
                    }
                    await acceptConnections()
                    // Connections accepted while the listener closed, that no session took up.
                    environment.connections.closeAll()
                    group.cancelAll()
                }
            } onCancel: {
                shutdown()
            }
        } onGracefulShutdown: {
            self.shutdown()
        }
        graceTimer.withLockedValue { $0?.cancel() }
        environment.broadcaster.finishAll()
        // Every session has ended, so no frame is being decoded.
        try? await decodingPool.shutdownGracefully()
        try store.close()
        logger.info("stopped")
    }

    /// Begins a graceful shutdown: stops accepting, lets every session finish its current request and say `bye`,
    /// and closes the sessions still open after the grace period. ``run()`` returns once all are closed.
    public func shutdown() {
        guard environment.connections.drain() else { return }
        logger.info("shutting down", metadata: ["server.connections": "\(environment.connections.count)"])
        serverChannel.channel.close(promise: nil)
        let connections = environment.connections
        let grace = TimeAmount.nanoseconds(
            configuration.shutdownGracePeriod.components.seconds * 1_000_000_000
                + configuration.shutdownGracePeriod.components.attoseconds / 1_000_000_000)
        let timer = serverChannel.channel.eventLoop.scheduleTask(in: grace) { connections.closeAll() }
        graceTimer.withLockedValue { $0 = timer }
    }

    /// The accept loop: one child task per connection in a discarding group, so that a failing connection ends
    /// only itself and finished connections free their task at once.
    private func acceptConnections() async {
        await withDiscardingTaskGroup { group in
            do {
                try await serverChannel.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await self.serve(connection) }
                    }
                }
            } catch {
                if !environment.connections.isDraining {
                    logger.error("the listener failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// Closes the sessions of revoked accounts: every `revocationCheckInterval`, while sessions are open, asks the
    /// authenticator which of their accounts were revoked (`user revoke` runs in another process and only changes
    /// the store). Ends when cancelled at shutdown.
    /// Publishes heads moved by other nodes sharing a PostgreSQL store to this node's subscribers.
    private func followOtherNodes() async {
        let environment = environment
        let store = store
        await store.watchHeads {
            guard let head = try? await store.headSeq(),
                let publications = try? await store.publicationHead()
            else { return }
            environment.broadcaster.publish(head: head)
            environment.publications.publish(head: publications)
            environment.metrics.head(head)
        }
    }

    private func watchRevocations() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: configuration.revocationCheckInterval)
            } catch {
                return
            }
            let users = environment.sessions.users
            guard !users.isEmpty else { continue }
            let revoked = await environment.authenticator.revokedUsers(among: users)
            guard !revoked.isEmpty else { continue }
            let closed = environment.sessions.revoke(revoked)
            logger.info(
                "closing sessions of revoked accounts",
                metadata: [
                    "revoked.users": "\(revoked.sorted().joined(separator: ","))", "revoked.sessions": "\(closed)",
                ])
        }
    }

    /// Serves one accepted connection, in the accept loop's child task (the session's only task).
    private func serve(_ channel: any Channel) async {
        // The set-up's locals live in a frame of their own, freed before the session's long wait begins.
        guard let started = await startSession(on: channel) else { return }
        await started.session.run(started.connection)
    }

    /// Turns reading on and makes the session of an accepted connection; `nil` if it closed in the meantime.
    @inline(never)
    private func startSession(
        on channel: any Channel
    ) async -> (session: Session, connection: NIOAsyncChannel<InboundFrame, Message>)? {
        let connection: NIOAsyncChannel<InboundFrame, Message>
        do {
            connection = try await channel.eventLoop.submit {
                let connection = try NIOAsyncChannel<InboundFrame, Message>(wrappingChannelSynchronously: channel)
                try channel.syncOptions?.setOption(.autoRead, value: true)
                return connection
            }.get()
        } catch {
            // The channel closed before its session could start: nothing was read from it.
            channel.close(promise: nil)
            return nil
        }
        return (makeSession(for: channel), connection)
    }

    /// The session of a connection now read, with a logger of its own. Synchronous and not inlined, so that its
    /// locals (log metadata, strings) take no room in the async frames of the connection's task.
    @inline(never)
    private func makeSession(for channel: any Channel) -> Session {
        environment.connections.startServing(channel)
        let number = connectionIDs.withLockedValue { value in
            value += 1
            return value
        }
        var logger = logger
        logger[metadataKey: "connection.id"] = "\(number)"
        let peer = channel.remoteAddress.map { "\($0)" }
        logger.info("connection opened", metadata: ["connection.peer": "\(peer ?? "unknown")"])
        return Session(environment: environment, channel: channel, peer: peer, logger: logger)
    }
}

extension Server {
    /// Whether the server can take work: the store answers a query, the listener accepts, no shutdown has begun;
    /// with a one-line reason either way (`/readyz`).
    public func readiness() async -> (ready: Bool, reason: String) {
        if environment.connections.isDraining { return (false, "draining: the server is shutting down") }
        guard serverChannel.channel.isActive else { return (false, "the listener is closed") }
        do {
            let head = try await store.headSeq()
            return (true, "ready: listening on \(localAddress), head seq \(head)")
        } catch {
            return (false, "the store does not answer: \(error)")
        }
    }

    /// The metrics in the Prometheus text format, as scraped from `/metrics`. The gauges the store answers keep
    /// their last values when it does not (the scrape still succeeds; `/readyz` says what is wrong).
    public func metricsExposition() async -> [UInt8] {
        if let age = try? await store.longestFieldOfficeSyncAge(connected: environment.sessions.users),
            let open = try? await store.openConflictCount(), let bytes = try? await store.databaseBytes()
        {
            metrics.storeGauges(fieldOfficeSyncAge: age, conflictsOpen: open, databaseBytes: bytes)
        }
        return metrics.exposition(storePath: store.path)
    }
}

/// Why a server could not start.
public enum ServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The listener had no local address after binding.
    case notBound

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .notBound: "the listener has no local address after binding; check the host and port"
        }
    }
}

extension Server {
    /// Binds a server, runs it while `body` runs, then shuts it down gracefully and waits until it has stopped.
    ///
    /// The in-process way to use a server, e.g. in tests: pass port 0 and read ``port`` inside `body`.
    public static func withRunning<Result: Sendable>(
        configuration: ServerConfiguration, logger: Logger,
        authenticator: any Authenticator = AccountAuthenticator(),
        _ body: (Server) async throws -> Result
    ) async throws -> Result {
        let server = try await bind(configuration: configuration, logger: logger, authenticator: authenticator)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            let result: Result
            do {
                result = try await body(server)
            } catch {
                server.shutdown()
                try? await group.waitForAll()
                throw error
            }
            server.shutdown()
            try await group.waitForAll()
            return result
        }
    }
}

extension SocketAddress {
    /// Whether this is a loopback address (127.0.0.0/8 or ::1), reachable only from this machine.
    var isLoopback: Bool {
        switch self {
        case .v4(let address):
            return UInt32(bigEndian: address.address.sin_addr.s_addr) >> 24 == 127
        case .v6:
            return ipAddress == "::1"
        case .unixDomainSocket:
            return true
        }
    }
}
