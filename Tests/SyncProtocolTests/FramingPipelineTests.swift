import NIOCore
import NIOEmbedded
import Testing

@testable import SyncProtocol

@Suite struct FramingPipelineTests {
    static let preamble = FrameCodec.preamble
    static let codec = FrameCodec()

    /// The client side of a short conversation: preamble, then frames both below and above the compression threshold.
    static let clientStream: [UInt8] =
        preamble
        + [SampleMessages.hello, SampleMessages.push, SampleMessages.ping]
        .flatMap { codec.frame(for: $0) }

    @Test func serverAnswersPreambleThenDeliversMessages() throws {
        let harness = try Harness(role: .server)
        #expect(try harness.outboundBytes().isEmpty, "a server must wait for the client's preamble")
        try harness.feed(Self.clientStream)
        let expected = [SampleMessages.hello, SampleMessages.push, SampleMessages.ping]
        #expect(try harness.inbound().map(\.message) == expected)
        #expect(try harness.outboundBytes() == Self.preamble)
        try harness.send(SampleMessages.welcome)
        #expect(try parseStream(Self.preamble + harness.outboundBytes()).messages == [SampleMessages.welcome])
    }

    @Test func pushIsCompressedOnTheWire() throws {
        let frame = Self.codec.frame(for: SampleMessages.push)
        #expect(frame[4] == RawFrame.compressedFlag)
        #expect(Self.codec.frame(for: SampleMessages.ping)[4] == 0)
    }

    @Test func clientSendsPreambleOnConnectAndNeedsTheServers() throws {
        let harness = try Harness(role: .client)
        #expect(try harness.outboundBytes() == Self.preamble)
        try harness.send(SampleMessages.hello)
        let (_, sent) = try parseStream(Self.preamble + harness.outboundBytes())
        #expect(sent == [SampleMessages.hello])
        try harness.feed(Self.preamble + Self.codec.frame(for: SampleMessages.welcome))
        #expect(try harness.inbound().map(\.message) == [SampleMessages.welcome])
    }

    @Test func clientAddedToAnActiveChannelSendsPreambleOnce() throws {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        try channel.pipeline.syncOperations.addBulletinSyncHandlers(role: .client, limits: .standard)
        let first = try channel.readOutbound(as: ByteBuffer.self)
        #expect(first.map { Array($0.readableBytesView) } == Self.preamble)
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
    }

    @Test func clientRejectsAServerWithoutPreambleAndClosesSilently() throws {
        let harness = try Harness(role: .client)
        _ = try harness.outboundBytes()
        #expect(throws: ProtocolError.badPreamble) { try harness.feed(Array("HTTP/1.1 400".utf8)) }
        #expect(try harness.outboundBytes().isEmpty, "only a server reports errors in frames")
        #expect(!harness.channel.isActive)
    }

    @Test func framesSplitAtEveryByteBoundaryDecodeTheSame() throws {
        let expected = [SampleMessages.hello, SampleMessages.push, SampleMessages.ping]
        for split in 0...Self.clientStream.count {
            let harness = try Harness(role: .server)
            try harness.feed(Self.clientStream[..<split])
            try harness.feed(Self.clientStream[split...])
            let decoded = try harness.inbound().compactMap(\.message)
            #expect(decoded == expected, "split at \(split)")
            if decoded != expected { break }
        }
    }

    @Test func framesFedOneByteAtATimeDecodeTheSame() throws {
        let stream = Self.preamble + SampleMessages.all.flatMap { Self.codec.frame(for: $0) }
        let harness = try Harness(role: .server)
        for byte in stream {
            try harness.feed([byte])
        }
        #expect(try harness.inbound().compactMap(\.message) == SampleMessages.all)
    }

    @Test func manyFramesInOneBufferAllArrive() throws {
        let messages = Array(repeating: SampleMessages.all, count: 20).flatMap { $0 }
        let harness = try Harness(role: .server)
        try harness.feed(Self.preamble + messages.flatMap { Self.codec.frame(for: $0) })
        #expect(try harness.inbound().compactMap(\.message) == messages)
        #expect(harness.channel.isActive)
    }

    @Test func serverWritesItsPreambleBeforeAnEarlyFrame() throws {
        let harness = try Harness(role: .server)
        try harness.send(.error(ErrorMessage(.shuttingDown, "restarting")))
        let (preamble, messages) = try parseStream(harness.outboundBytes())
        #expect(preamble == Self.preamble)
        #expect(messages.count == 1)
        try harness.feed(Self.clientStream)
        #expect(try harness.outboundBytes().isEmpty, "the preamble is sent once")
    }
}
