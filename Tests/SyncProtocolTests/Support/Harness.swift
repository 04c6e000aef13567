import NIOCore
import NIOEmbedded

@testable import SyncProtocol

/// An `EmbeddedChannel` with the Bulletin handlers, connected, plus helpers to feed bytes and read results.
struct Harness {
    let channel: EmbeddedChannel

    init(role: ProtocolRole, limits: FrameLimits = .standard, codec: FrameCodec = FrameCodec()) throws {
        channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addBulletinSyncHandlers(role: role, limits: limits, codec: codec)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    }

    /// Feeds bytes as one inbound read; rethrows an error that reached the end of the pipeline.
    func feed(_ bytes: some Sequence<UInt8>) throws {
        try channel.writeInbound(channel.allocator.buffer(bytes: Array(bytes)))
    }

    /// Everything the pipeline has delivered upward so far.
    func inbound() throws -> [InboundFrame] {
        var frames: [InboundFrame] = []
        while let frame = try channel.readInbound(as: InboundFrame.self) {
            frames.append(frame)
        }
        return frames
    }

    /// Everything the pipeline has written towards the socket so far, concatenated.
    func outboundBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
            bytes += buffer.readableBytesView
        }
        return bytes
    }

    /// Sends a message down the pipeline (as the application would).
    func send(_ message: Message) throws {
        try channel.writeOutbound(message)
    }
}

/// Splits a byte stream that starts with the preamble into its messages, using the codec directly.
func parseStream(_ bytes: [UInt8], limits: FrameLimits = .standard) throws -> (preamble: [UInt8], messages: [Message]) {
    var buffer = ByteBuffer(bytes: bytes)
    let preamble = buffer.readBytes(length: min(4, buffer.readableBytes)) ?? []
    let codec = FrameCodec(limits: limits)
    var messages: [Message] = []
    while let frame = try codec.readFrame(from: &buffer) {
        messages.append(try codec.decode(frame))
    }
    if buffer.readableBytes > 0 {
        throw ProtocolError.invalidMessage("\(buffer.readableBytes) trailing bytes")
    }
    return (preamble, messages)
}

extension InboundFrame {
    /// The message, when this is `.message`.
    var message: Message? {
        if case .message(let message) = self { return message }
        return nil
    }
}
