import NIOCore

/// Encodes outbound messages into whole frames (`u32` length, flags, payload), compressing per the codec's
/// threshold and level.
public struct MessageFrameEncoder: MessageToByteEncoder, Sendable {
    /// The messages this encoder accepts.
    public typealias OutboundIn = Message

    /// The codec whose compression threshold and level are used.
    public var codec: FrameCodec

    /// Creates an encoder.
    public init(codec: FrameCodec = FrameCodec()) {
        self.codec = codec
    }

    /// Writes one whole frame for `data` into `out`.
    public func encode(data: Message, out: inout ByteBuffer) {
        if case .changes(let page) = data, let shared = page.shared {
            let (frame, payloadBytes) = shared.frame(for: data, codec: codec)
            codec.payloadObserver?(.outbound, payloadBytes)
            out.writeBytes(frame)
            return
        }
        codec.write(data, into: &out)
    }
}
