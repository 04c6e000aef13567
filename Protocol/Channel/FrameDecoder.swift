import NIOCore

/// What the frame decoder hands to the next handler.
enum FrameDecoderEvent {
    /// The peer's 4-byte `BSYN` preamble arrived.
    case preambleAccepted
    /// One whole frame arrived (not yet inflated or parsed).
    case frame(RawFrame)
}

/// Reads the peer's `BSYN` preamble, then whole frames, from the byte stream.
///
/// Each frame's length is checked against the current limit as soon as its 4 length bytes have arrived, and its
/// flags as soon as the flags byte has, so nothing is buffered or allocated for a frame that will be rejected.
///
/// - Throws: ``ProtocolError/badPreamble`` at the first byte that differs from `BSYN`; the framing errors of
///   ``FrameCodec/readFrame(from:)``.
struct FrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = FrameDecoderEvent

    private let state: FramingState
    private var preambleAccepted = false

    init(state: FramingState) {
        self.state = state
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard preambleAccepted else {
            return try decodePreamble(context: context, buffer: &buffer)
        }
        guard let frame = try state.codec.readFrame(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(.frame(frame)))
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        // Whole frames that arrived before EOF are still delivered; a partial one is dropped with the connection.
        while buffer.readableBytes > 0, try decode(context: context, buffer: &buffer) == .continue {}
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }

    private mutating func decodePreamble(
        context: ChannelHandlerContext, buffer: inout ByteBuffer
    ) throws -> DecodingState {
        let preamble = FrameCodec.preamble
        let available = min(buffer.readableBytes, preamble.count)
        // Compare what has arrived so far, so that a non-Bulletin peer is rejected at its first wrong byte.
        for offset in 0..<available
        where buffer.getInteger(at: buffer.readerIndex + offset, as: UInt8.self)
            != preamble[offset]
        {
            throw ProtocolError.badPreamble
        }
        guard available == preamble.count else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: preamble.count)
        preambleAccepted = true
        context.fireChannelRead(Self.wrapInboundOut(.preambleAccepted))
        return .continue
    }
}
