import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SyncProtocol

/// A minimal protocol client for tests, built on the Bulletin channel handlers (client role).
struct TestClient {
    private var messages: NIOAsyncChannelInboundStream<InboundFrame>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<Message>

    /// Connects to `127.0.0.1:port`, runs `body` with a client, then closes the connection.
    static func with<Result: Sendable>(
        port: Int, _ body: (inout TestClient) async throws -> Result
    ) async throws -> Result {
        try await with(port: port, tap: nil, body)
    }

    /// ``with(port:_:)``, also returning every byte the server sent, so that a test can assert on the raw frames,
    /// not only on what the handlers decoded (see ``payloads(of:)``).
    static func tapped<Result: Sendable>(
        port: Int, _ body: (inout TestClient) async throws -> Result
    ) async throws -> (Result, [UInt8]) {
        let tap = ByteTap()
        let result = try await with(port: port, tap: tap, body)
        return (result, tap.bytes.withLockedValue { $0 })
    }

    private static func with<Result: Sendable>(
        port: Int, tap: ByteTap?, _ body: (inout TestClient) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tap { try channel.pipeline.syncOperations.addHandler(tap) }
                    try channel.pipeline.syncOperations.addBulletinSyncHandlers(role: .client, limits: .standard)
                    return try NIOAsyncChannel<InboundFrame, Message>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var client = TestClient(messages: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&client)
        }
    }

    /// Records the inbound bytes, then passes them on unchanged.
    final class ByteTap: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias InboundOut = ByteBuffer

        let bytes = NIOLockedValueBox<[UInt8]>([])

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            bytes.withLockedValue { $0.append(contentsOf: buffer.readableBytesView) }
            context.fireChannelRead(data)
        }
    }

    /// Splits a server's byte stream into its frames' JSON payloads (inflated), checking the preamble first.
    static func payloads(of bytes: [UInt8]) throws -> [[UInt8]] {
        guard Array(bytes.prefix(4)) == FrameCodec.preamble else { throw ProtocolError.badPreamble }
        var buffer = ByteBuffer(bytes: bytes.dropFirst(4))
        let codec = FrameCodec(limits: .standard)
        var payloads: [[UInt8]] = []
        while let frame = try codec.readFrame(from: &buffer) {
            let raw = Array(frame.payload.readableBytesView)
            payloads.append(
                frame.flags & RawFrame.compressedFlag != 0
                    ? try Zlib.decompress(raw, limit: FrameLimits.standard.maxDecompressedBytes) : raw)
        }
        guard buffer.readableBytes == 0 else { throw ProtocolError.invalidJSON("trailing partial frame") }
        return payloads
    }

    /// Sends one message.
    func send(_ message: Message) async throws {
        try await outbound.write(message)
    }

    /// The next message from the server; fails if the connection ends or a frame is invalid.
    mutating func receive() async throws -> Message {
        switch try await messages.next() {
        case .message(let message): return message
        case .invalid(let error): throw error
        case nil: throw TestClientError.connectionClosed
        }
    }

    /// The next frame, or `nil` once the server has closed the connection.
    mutating func next() async throws -> InboundFrame? {
        try await messages.next()
    }

    /// Sends `hello` and returns the server's answer.
    mutating func hello(versions: [Int] = [1]) async throws -> Message {
        try await send(
            .hello(
                Hello(
                    versions: versions, clientID: "3f0c7d5e-5b7a-4c1e-9a53-1d2f3e4a5b6c", appVersion: "tests/1",
                    schemaVersion: 1)))
        return try await receive()
    }

    /// Sends `hello` and expects `welcome`.
    mutating func handshake() async throws -> Welcome {
        let answer = try await hello()
        guard case .welcome(let welcome) = answer else { throw TestClientError.unexpected(answer) }
        return welcome
    }

    /// Pushes a batch and expects its `push_ack`.
    mutating func push(_ changes: [ChangeRecord], batchID: String = "batch") async throws -> PushAck {
        try await send(.push(Push(batchID: batchID, changes: changes)))
        let answer = try await receive()
        guard case .pushAck(let ack) = answer else { throw TestClientError.unexpected(answer) }
        return ack
    }

    /// Sends a pull and collects its `changes` pages up to the one with `more == false` (or `stopAfter` pages).
    mutating func pull(_ pull: Pull, stopAfter: Int = .max) async throws -> [Changes] {
        try await send(.pull(pull))
        var pages: [Changes] = []
        while pages.count < stopAfter {
            let answer = try await receive()
            guard case .changes(let page) = answer else { throw TestClientError.unexpected(answer) }
            pages.append(page)
            if !page.more { break }
        }
        return pages
    }

    /// Expects an `error` and returns it.
    mutating func expectError() async throws -> ErrorMessage {
        let answer = try await receive()
        guard case .error(let error) = answer else { throw TestClientError.unexpected(answer) }
        return error
    }
}

/// What went wrong in a test client.
enum TestClientError: Error, CustomStringConvertible {
    case connectionClosed
    case unexpected(Message)

    var description: String {
        switch self {
        case .connectionClosed: "the server closed the connection"
        case .unexpected(let message): "unexpected message: \(message)"
        }
    }
}
