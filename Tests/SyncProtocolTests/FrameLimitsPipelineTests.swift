import NIOCore
import Testing

@testable import SyncProtocol

@Suite struct FrameLimitsPipelineTests {
    static let preamble = FrameCodec.preamble

    /// A `push` whose uncompressed frame is about 100 KiB: above the pre-authentication limit of 64 KiB.
    static let largePush: [UInt8] = {
        var change = SampleMessages.articleCreate
        change.fields["paragraphs"] = .array(Array(repeating: .string(SampleMessages.vietnameseParagraph), count: 500))
        let uncompressed = FrameCodec(compressionThreshold: .max)
        return uncompressed.frame(for: .push(Push(batchID: "b", changes: [change])))
    }()

    @Test func frameAboveThePreAuthenticationLimitIsRejected() throws {
        #expect(Self.largePush.count > FrameLimits.preAuthentication.maxFrameBytes)
        let harness = try Harness(role: .server, limits: .preAuthentication)
        let error = #expect(throws: ProtocolError.self) { try harness.feed(Self.preamble + Self.largePush) }
        #expect(error?.code == .frameTooLarge)
    }

    @Test func raisedLimitsAdmitTheSameFrame() throws {
        let harness = try Harness(role: .server, limits: .preAuthentication)
        try harness.feed(Self.preamble + FrameCodec().frame(for: SampleMessages.hello))
        #expect(try harness.inbound().map(\.message) == [SampleMessages.hello])
        try harness.channel.triggerUserOutboundEvent(RaiseFrameLimits(limits: .standard)).wait()
        try harness.feed(Self.largePush)
        let frames = try harness.inbound()
        #expect(frames.count == 1)
        #expect(frames.first?.message?.type == "push")
    }

    @Test func raisedLimitsApplyToInflation() throws {
        let harness = try Harness(role: .server, limits: .preAuthentication)
        let bomb = FrameCodec.frame(flags: 1, payload: MalformedCase.zipBomb)
        try harness.channel.triggerUserOutboundEvent(
            RaiseFrameLimits(limits: FrameLimits(maxFrameBytes: 1 << 20, maxDecompressedBytes: 2 << 20))
        ).wait()
        // 1 MiB of zeros now inflates within the limit; it is not JSON, which is the next check.
        let error = #expect(throws: ProtocolError.self) { try harness.feed(Self.preamble + bomb) }
        #expect(error?.code == .invalidUTF8 || error?.code == .invalidJSON)
    }

    @Test func raisingAboveTheBufferCeilingFails() throws {
        let harness = try Harness(role: .server, limits: .preAuthentication)
        let huge = FrameLimits(maxFrameBytes: 1 << 30, maxDecompressedBytes: 1 << 30)
        let error = #expect(throws: FrameLimitsError.self) {
            try harness.channel.triggerUserOutboundEvent(RaiseFrameLimits(limits: huge)).wait()
        }
        #expect(error == .aboveBufferCeiling(requested: 1 << 30, ceiling: FrameLimits.standard.maxFrameBytes))
        // The old limits still apply.
        #expect(throws: ProtocolError.self) { try harness.feed(Self.preamble + Self.largePush) }
    }

    @Test func codecLimitsSetTheCeiling() throws {
        let big = FrameLimits(maxFrameBytes: 32 << 20, maxDecompressedBytes: 128 << 20)
        let harness = try Harness(role: .server, limits: .preAuthentication, codec: FrameCodec(limits: big))
        try harness.channel.triggerUserOutboundEvent(RaiseFrameLimits(limits: big)).wait()
    }

    @Test func otherOutboundEventsPassThrough() throws {
        let harness = try Harness(role: .server)
        // Reaching EmbeddedChannel's head, which supports no outbound user events, proves it passed through.
        #expect(throws: ChannelError.operationUnsupported) {
            try harness.channel.triggerUserOutboundEvent("unrelated").wait()
        }
    }
}
