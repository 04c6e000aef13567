import Logging
import NIOCore
import NIOPosix
import NIOSSL
import SyncProtocol

/// Opens protocol connections to a server: TCP, preamble, `hello` / `welcome`.
public struct SyncConnector: Sendable {
    /// Where the server listens.
    public var address: ServerAddress
    /// Limits applied to what the server sends.
    public var limits: FrameLimits
    /// Bounds and timing.
    public var options: SyncOptions
    /// How long connecting and the handshake may take.
    public var connectTimeout: Duration
    /// TLS, or `nil` for plain TCP.
    public var tls: ClientTLS?
    /// The protocol versions this client speaks.
    public static let supportedVersions = [1]
    /// How many received messages may wait for the engine before the connection stops reading (bounded memory
    /// during a long pull, whatever the archive's size).
    static let inboundBacklog = 1

    /// Creates a connector.
    public init(
        address: ServerAddress, limits: FrameLimits = .standard, options: SyncOptions = SyncOptions(),
        connectTimeout: Duration = .seconds(10), tls: ClientTLS? = nil
    ) {
        self.tls = tls
        self.address = address
        self.limits = limits
        self.options = options
        self.connectTimeout = connectTimeout
    }

    /// Connects, performs the handshake, runs `body`, then says `bye` and closes.
    ///
    /// - Parameters:
    ///   - hello: The `hello` to open with.
    ///   - traffic: Counts the bytes this connection moves.
    ///   - body: The work to do over the connection.
    /// - Throws: ``SyncError`` for connection, handshake and protocol failures, or whatever `body` throws.
    public func withConversation<Result: Sendable>(
        hello: Hello, traffic: TrafficCounter = TrafficCounter(),
        _ body: (Conversation, Welcome) async throws -> Result
    ) async throws -> Result {
        let channel: NIOAsyncChannel<InboundFrame, Message>
        let tlsContext = try tls?.makeContext(for: address)
        let serverHostname = ClientTLS.serverHostname(address.host)
        let tlsFailure = TLSFailure()
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.milliseconds(connectTimeout.wholeMilliseconds))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connect(host: address.host, port: address.port) { [limits, options] channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(traffic.makeHandler())
                        if let tlsContext {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tlsContext, serverHostname: serverHostname))
                            try channel.pipeline.syncOperations.addHandler(tlsFailure.makeHandler())
                        }
                        var codec = FrameCodec(limits: limits, compressionLevel: options.compressionLevel)
                        codec.payloadObserver = { _, bytes in traffic.addPayload(bytes) }
                        try channel.pipeline.syncOperations.addBulletinSyncHandlers(
                            role: .client, limits: limits, codec: codec)
                        // Few decoded messages wait inside NIO: each `changes` page can be megabytes.
                        return try NIOAsyncChannel<InboundFrame, Message>(
                            wrappingChannelSynchronously: channel,
                            configuration: .init(backPressureStrategy: .init(lowWatermark: 1, highWatermark: 2)))
                    }
                }
        } catch {
            throw SyncError(transportError: error, address: address.description)
                ?? SyncError.connectionFailed(address: address.description, reason: "\(error)")
        }
        let timeout = connectTimeout
        do {
            return try await converse(over: channel, hello: hello, tlsFailure: tlsFailure, timeout: timeout, body)
        } catch let error as SyncError {
            throw error
        } catch {
            // Whatever the channel threw on the way (a write on a closed channel, a reset), said as a SyncError.
            throw SyncError(transportError: error, address: address.description) ?? error
        }
    }

    /// The exchange over a connected channel: the handshake, `body`, then `bye`; closes the channel on every path.
    private func converse<Result: Sendable>(
        over channel: NIOAsyncChannel<InboundFrame, Message>, hello: Hello, tlsFailure: TLSFailure,
        timeout: Duration, _ body: (Conversation, Welcome) async throws -> Result
    ) async throws -> Result {
        try await channel.executeThenClose { inbound, outbound in
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (events, continuation) = AsyncStream.makeStream(of: ConversationEvent.self)
                let credits = InboundCredits(Self.inboundBacklog)
                group.addTask {
                    do {
                        for try await frame in inbound {
                            await credits.acquire()
                            continuation.yield(.inbound(frame))
                        }
                        continuation.yield(.closed(nil))
                    } catch {
                        tlsFailure.record(error)
                        continuation.yield(.closed(error))
                    }
                }
                defer {
                    credits.close()
                    group.cancelAll()
                    continuation.finish()
                }
                let conversation = Conversation(
                    send: { try await outbound.write($0) }, events: events, post: { continuation.yield($0) },
                    inboundConsumed: credits.release)
                let welcome: Welcome
                do {
                    welcome = try await conversation.request(.hello(hello), timeout: timeout, awaiting: "welcome") {
                        reply -> Welcome? in
                        if case .welcome(let welcome) = reply { return welcome }
                        return nil
                    }
                } catch  where tlsFailure.reason != nil {
                    throw SyncError.tlsFailed(address: address.description, reason: tlsFailure.reason ?? "")
                }
                let result = try await body(conversation, welcome)
                try? await outbound.write(.bye(Bye(reason: "done")))
                return result
            }
        }
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
