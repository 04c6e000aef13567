/// Size limits a receiver enforces on frames.
public struct FrameLimits: Sendable, Hashable {
    /// Largest accepted value of a frame's length field (flags byte + payload).
    public var maxFrameBytes: Int
    /// Largest accepted payload after inflation.
    public var maxDecompressedBytes: Int

    /// Creates limits.
    public init(maxFrameBytes: Int, maxDecompressedBytes: Int) {
        self.maxFrameBytes = maxFrameBytes
        self.maxDecompressedBytes = maxDecompressedBytes
    }

    /// The defaults after authentication: 16 MiB on the wire, 64 MiB inflated.
    public static let standard = FrameLimits(maxFrameBytes: 16 << 20, maxDecompressedBytes: 64 << 20)

    /// The limits before a peer has authenticated: 64 KiB on the wire, 256 KiB inflated.
    public static let preAuthentication = FrameLimits(maxFrameBytes: 64 << 10, maxDecompressedBytes: 256 << 10)
}
