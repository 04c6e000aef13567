import NIOCore
import NIOPosix
import SyncProtocol

/// A client that writes arbitrary bytes and parses what the server answers, for malformed-input tests.
struct RawTestClient {
    private var bytes: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var buffer = ByteBuffer()
    private var preambleSeen = false

    /// Connects to `127.0.0.1:port`, runs `body`, then closes.
    static func with<Result: Sendable>(
        port: Int, _ body: (inout RawTestClient) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var client = RawTestClient(bytes: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&client)
        }
    }

    /// Writes raw bytes.
    func write(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Writes one well-formed frame holding `json`, uncompressed.
    func writeFrame(json: String) async throws {
        try await write(FrameCodec.frame(flags: 0, payload: Array(json.utf8)))
    }

    /// Waits for the server's 4-byte preamble; `false` if the connection closed first.
    mutating func awaitPreamble() async throws -> Bool {
        while !preambleSeen {
            if buffer.readableBytes >= 4 {
                guard buffer.readBytes(length: 4) == FrameCodec.preamble else { throw ProtocolError.badPreamble }
                preambleSeen = true
                return true
            }
            guard var more = try await bytes.next() else { return false }
            buffer.writeBuffer(&more)
        }
        return true
    }

    /// The next message the server sent (after its preamble), or `nil` once it closed the connection.
    mutating func nextMessage() async throws -> Message? {
        let codec = FrameCodec(limits: .standard)
        while true {
            if !preambleSeen, buffer.readableBytes >= 4 {
                guard buffer.readBytes(length: 4) == FrameCodec.preamble else { throw ProtocolError.badPreamble }
                preambleSeen = true
            }
            if preambleSeen, let frame = try codec.readFrame(from: &buffer) {
                return try codec.decode(frame)
            }
            guard var more = try await bytes.next() else { return nil }
            buffer.writeBuffer(&more)
        }
    }

    /// Reads until the server closes the connection; returns the messages it sent meanwhile.
    mutating func drainUntilClosed() async throws -> [Message] {
        var messages: [Message] = []
        while let message = try await nextMessage() {
            messages.append(message)
        }
        return messages
    }
}
