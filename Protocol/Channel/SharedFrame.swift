import Synchronization

/// The encoded frame of one message, made once and then written by every connection that sends the same message:
/// after a publication, a thousand field offices pull the same page, and encoding and compressing it once instead
/// of once per connection keeps the per-connection cost from growing with the page's size.
///
/// Attached to a ``Changes`` page by the server (``Changes/shared``); ``MessageFrameEncoder`` uses it. Frames are
/// kept per compression level and threshold, the codec settings that change the bytes.
public final class SharedFrame: Sendable {
    private struct Encoded {
        var frame: [UInt8]
        var payloadBytes: Int
    }

    private let frames = Mutex<[Int: Encoded]>([:])

    /// An empty memo.
    public init() {}

    /// Whether the frame for `codec`'s settings has been made: a message sent with this memo then needs nothing
    /// but the memo (the server's prepared snapshot pages send a page without keeping its records).
    public func holdsFrame(for codec: FrameCodec) -> Bool {
        frames.withLock { $0[Self.key(codec)] != nil }
    }

    private static func key(_ codec: FrameCodec) -> Int {
        Int(codec.compressionLevel) << 32 | codec.compressionThreshold
    }

    /// The frame of `message` as `codec` writes it, and its uncompressed payload size; encoded on the first call
    /// for the codec's settings (two connections racing may both encode it once: the same bytes).
    func frame(for message: Message, codec: FrameCodec) -> (frame: [UInt8], payloadBytes: Int) {
        let key = Self.key(codec)
        if let known = frames.withLock({ $0[key] }) { return (known.frame, known.payloadBytes) }
        let json = FrameCodec.json(message)
        let (flags, payload) = codec.payload(json: json)
        let encoded = Encoded(frame: FrameCodec.frame(flags: flags, payload: payload), payloadBytes: json.count)
        frames.withLock { $0[key] = encoded }
        return (encoded.frame, encoded.payloadBytes)
    }
}
