import NIOCore

/// The codec and limits shared by one connection's Bulletin handlers.
///
/// A reference type because ``RaiseFrameLimits`` reaches the outbound side of the pipeline while the frame decoder
/// sits inside a `ByteToMessageHandler`, which does not see outbound events. All access happens on the channel's
/// event loop.
final class FramingState {
    /// The codec used to read, inflate, parse and write frames; its `limits` are the ones currently enforced.
    var codec: FrameCodec
    /// The largest `maxFrameBytes` the pipeline's buffers were sized for.
    let maxFrameBytesCeiling: Int

    init(codec: FrameCodec, maxFrameBytesCeiling: Int) {
        self.codec = codec
        self.maxFrameBytesCeiling = maxFrameBytesCeiling
    }

    /// The `ByteToMessageHandler` buffer cap: one whole frame at the ceiling plus its length field.
    var maximumBufferSize: Int { maxFrameBytesCeiling + 4 }
}
