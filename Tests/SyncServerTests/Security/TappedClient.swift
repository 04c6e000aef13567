import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SyncProtocol

/// A protocol client (the Bulletin channel handlers, client role) that also records every byte the server sent,
/// so a test can assert on the raw frames, not only on what the handlers decoded.
struct TappedClient {
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

    private var messages: NIOAsyncChannelInboundStream<InboundFrame>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<Message>

    /// Connects to `127.0.0.1:port`, runs `body`, closes, and returns `body`'s result with every byte received.
    static func with<Result: Sendable>(
        port: Int, _ body: (inout TappedClient) async throws -> Result
    ) async throws -> (Result, [UInt8]) {
        let tap = ByteTap()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(tap)
                    try channel.pipeline.syncOperations.addBulletinSyncHandlers(role: .client, limits: .standard)
                    return try NIOAsyncChannel<InboundFrame, Message>(wrappingChannelSynchronously: channel)
                }
            }
        let result = try await channel.executeThenClose { inbound, outbound in
            var client = TappedClient(messages: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&client)
        }
        return (result, tap.bytes.withLockedValue { $0 })
    }

    /// Sends one message.
    func send(_ message: Message) async throws {
        try await outbound.write(message)
    }

    /// The next message; fails if the connection ends or a frame is invalid.
    mutating func receive() async throws -> Message {
        switch try await messages.next() {
        case .message(let message): return message
        case .invalid(let error): throw error
        case nil: throw TestClientError.connectionClosed
        }
    }

    /// Sends a pull and collects its pages.
    mutating func pull(_ pull: Pull) async throws -> [Changes] {
        try await send(.pull(pull))
        var pages: [Changes] = []
        while true {
            let answer = try await receive()
            guard case .changes(let page) = answer else { throw TestClientError.unexpected(answer) }
            pages.append(page)
            if !page.more { return pages }
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
            payloads.append(frame.flags & RawFrame.compressedFlag != 0
                ? try Zlib.decompress(raw, limit: FrameLimits.standard.maxDecompressedBytes) : raw)
        }
        guard buffer.readableBytes == 0 else { throw ProtocolError.invalidJSON("trailing partial frame") }
        return payloads
    }
}
