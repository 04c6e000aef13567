/// Where a Bulletin pipeline inflates and parses large frames, off its event loop.
///
/// Decoding is linear, but a 16 MiB frame that inflates to 64 MiB still takes a few hundred milliseconds, during
/// which every other connection on that event loop (and its timers: handshake and idle deadlines) would wait.
/// Servers pass one offload for all connections: a fixed set of threads, so at most that many large frames are
/// decoded (and held in memory) at once.
public struct FrameDecodingOffload: Sendable {
    /// Runs a decode on another thread.
    let run: @Sendable (@escaping @Sendable () -> Void) -> Void
    /// Compressed payloads of at least this many bytes are decoded elsewhere (any size can inflate ~1000-fold).
    public var compressedThreshold: Int
    /// Uncompressed payloads of at least this many bytes are decoded elsewhere.
    public var plainThreshold: Int

    /// Creates an offload.
    ///
    /// - Parameters:
    ///   - compressedThreshold: The smallest compressed payload decoded elsewhere: by default all of them, since
    ///     300 bytes can inflate to the whole 256 KiB allowed before login.
    ///   - plainThreshold: The smallest uncompressed payload decoded elsewhere: 64 KiB, under a millisecond on the
    ///     loop (in a release build).
    ///   - run: Runs its argument on another thread, e.g. `{ work in threadPool.submit { _ in work() } }`.
    public init(
        compressedThreshold: Int = 0, plainThreshold: Int = 64 << 10,
        run: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void
    ) {
        self.compressedThreshold = compressedThreshold
        self.plainThreshold = plainThreshold
        self.run = run
    }

    /// Whether `frame` is decoded elsewhere.
    func shouldOffload(_ frame: RawFrame) -> Bool {
        let size = frame.payload.readableBytes
        return frame.flags & RawFrame.compressedFlag != 0 ? size >= compressedThreshold : size >= plainThreshold
    }
}
