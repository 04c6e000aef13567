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

    /// Creates a connector.
    public init(address: ServerAddress, limits: FrameLimits = .standard, options: SyncOptions = SyncOptions(),
                connectTimeout: Duration = .seconds(10), tls: ClientTLS? = nil) {
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
                .connect(host: address.host, port: address.port) { [limits] channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(traffic.makeHandler())
                        if let tlsContext {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tlsContext, serverHostname: serverHostname))
                            try channel.pipeline.syncOperations.addHandler(tlsFailure.makeHandler())
                        }
                        var codec = FrameCodec(limits: limits)
                        codec.payloadObserver = { _, bytes in traffic.addPayload(bytes) }
                        try channel.pipeline.syncOperations.addBulletinSyncHandlers(
                            role: .client, limits: limits, codec: codec)
                        return try NIOAsyncChannel<InboundFrame, Message>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SyncError.connectionFailed(address: address.description, reason: Self.reason(error))
        }
        let tick = options.tick
        let timeout = connectTimeout
        return try await channel.executeThenClose { inbound, outbound in
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (events, continuation) = AsyncStream.makeStream(of: ConversationEvent.self)
                group.addTask {
                    do {
                        for try await frame in inbound { continuation.yield(.inbound(frame)) }
                        continuation.yield(.closed(nil))
                    } catch {
                        tlsFailure.record(error)
                        continuation.yield(.closed(error))
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: tick)
                        continuation.yield(.tick)
                    }
                }
                defer {
                    group.cancelAll()
                    continuation.finish()
                }
                let conversation = Conversation(send: { try await outbound.write($0) }, events: events, tick: tick)
                let welcome: Welcome
                do {
                    welcome = try await conversation.request(.hello(hello), timeout: timeout, awaiting: "welcome") {
                        reply -> Welcome? in
                        if case .welcome(let welcome) = reply { return welcome }
                        return nil
                    }
                } catch where tlsFailure.reason != nil {
                    throw SyncError.connectionFailed(
                        address: address.description, reason: "the TLS handshake failed (does --ca name the CA "
                            + "that signed the server's certificate?): \(tlsFailure.reason ?? "")")
                }
                let result = try await body(conversation, welcome)
                try? await outbound.write(.bye(Bye(reason: "done")))
                return result
            }
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return error.description }
        if error is ChannelError { return "\(error)" }
        return String(describing: error)
    }
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000 + attoseconds / 1_000_000_000_000_000
    }
}
