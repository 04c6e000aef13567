/// How large one page of a pull may be; a page always holds at least one record, even a larger one.
public struct PageLimits: Sendable, Hashable {
    /// At most this many records.
    public var maxChanges: Int
    /// At most this many bytes of record JSON (uncompressed, as stored and sent).
    public var maxBytes: Int

    /// Creates limits; values below 1 are raised to 1.
    public init(maxChanges: Int, maxBytes: Int) {
        self.maxChanges = max(1, maxChanges)
        self.maxBytes = max(1, maxBytes)
    }

    /// Whether a page holding `count` records of `bytes` bytes can take one more of `size` bytes.
    func admits(size: Int, count: Int, bytes: Int) -> Bool {
        count == 0 || (count < maxChanges && bytes + size <= maxBytes)
    }
}
