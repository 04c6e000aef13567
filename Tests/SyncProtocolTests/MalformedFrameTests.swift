import NIOCore
import Testing

@testable import SyncProtocol

@Suite struct MalformedFrameTests {
    static let preamble = FrameCodec.preamble

    @Test(arguments: MalformedCase.fatal)
    func fatalFrameMakesServerReportAndClose(_ malformed: MalformedCase) throws {
        let harness = try Harness(role: .server, limits: .preAuthentication)
        try harness.feed(Self.preamble)
        #expect(try harness.outboundBytes() == Self.preamble)
        let error = #expect(throws: ProtocolError.self) { try harness.feed(malformed.bytes) }
        #expect(error?.code == malformed.expected)
        let (_, reply) = try parseStream(Self.preamble + harness.outboundBytes())
        guard case .error(let sent)? = reply.first, reply.count == 1 else {
            Issue.record("expected exactly one error frame, got \(reply)")
            return
        }
        #expect(sent.code == malformed.expected.rawValue)
        #expect(sent.name == malformed.expected.name)
        #expect(!harness.channel.isActive)
        #expect(try harness.inbound().isEmpty)
    }

    @Test(arguments: MalformedCase.fatal)
    func fatalFrameMakesClientCloseWithoutReply(_ malformed: MalformedCase) throws {
        let harness = try Harness(role: .client, limits: .preAuthentication)
        _ = try harness.outboundBytes()
        let error = #expect(throws: ProtocolError.self) { try harness.feed(Self.preamble + malformed.bytes) }
        #expect(error?.code == malformed.expected)
        #expect(try harness.outboundBytes().isEmpty)
        #expect(!harness.channel.isActive)
    }

    @Test(arguments: MalformedCase.fatal)
    func codecReportsTheSameError(_ malformed: MalformedCase) throws {
        let codec = FrameCodec(limits: .preAuthentication)
        var buffer = ByteBuffer(bytes: malformed.bytes)
        let error = #expect(throws: ProtocolError.self) {
            guard let frame = try codec.readFrame(from: &buffer) else { return }
            _ = try codec.decode(frame)
        }
        #expect(error?.code == malformed.expected)
    }

    @Test(arguments: MalformedCase.recoverable)
    func recoverableFrameArrivesAsInvalidAndConnectionStaysOpen(_ malformed: MalformedCase) throws {
        let harness = try Harness(role: .server, limits: .preAuthentication)
        try harness.feed(Self.preamble + malformed.bytes + FrameCodec().frame(for: SampleMessages.ping))
        let frames = try harness.inbound()
        #expect(frames.count == 2)
        guard case .invalid(let error)? = frames.first else {
            Issue.record("expected .invalid, got \(frames)")
            return
        }
        #expect(error.code == malformed.expected)
        #expect(frames.last == .message(SampleMessages.ping))
        #expect(harness.channel.isActive)
        #expect(try harness.outboundBytes() == Self.preamble, "answering is the session's job")
    }

    @Test func serverReportsBadPreambleAndCloses() throws {
        let harness = try Harness(role: .server)
        let error = #expect(throws: ProtocolError.self) { try harness.feed(Array("GET / HTTP/1.1\r\n".utf8)) }
        #expect(error == .badPreamble)
        let (preamble, reply) = try parseStream(harness.outboundBytes())
        #expect(preamble == Self.preamble)
        #expect(reply.map(\.type) == ["error"])
        if case .error(let sent)? = reply.first {
            #expect(sent.name == "bad_preamble")
            #expect(sent.code == 100)
        }
        #expect(!harness.channel.isActive)
    }

    @Test func preambleIsRejectedAtTheFirstWrongByte() throws {
        let harness = try Harness(role: .server)
        try harness.feed(Array("BS".utf8))
        #expect(harness.channel.isActive)
        #expect(throws: ProtocolError.badPreamble) { try harness.feed(Array("X".utf8)) }
        #expect(!harness.channel.isActive)
    }

    @Test func lowercasePreambleIsRejected() throws {
        let harness = try Harness(role: .server)
        #expect(throws: ProtocolError.badPreamble) { try harness.feed(Array("bsyn".utf8)) }
    }

    @Test func overLimitLengthIsRejectedBeforeThePayloadArrives() throws {
        let harness = try Harness(role: .server, limits: .preAuthentication)
        let length = UInt32(FrameLimits.preAuthentication.maxFrameBytes + 1)
        let header = [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
        let error = #expect(throws: ProtocolError.self) { try harness.feed(Self.preamble + header) }
        #expect(error == .frameTooLarge(length: Int(length), limit: FrameLimits.preAuthentication.maxFrameBytes))
    }
}
