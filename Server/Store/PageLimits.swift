import SyncProtocol

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

/// The records of one page, taken while the page's limits admit them.
struct PageBuilder {
    /// The limits of the page.
    let limits: PageLimits
    /// The records taken so far.
    private(set) var records: [ChangeRecord] = []
    /// Their JSON bytes.
    private(set) var bytes = 0

    /// Adds the record `make` returns if one of `size` bytes still fits; `false` (nothing made) when it does not.
    mutating func add(size: Int, _ make: () throws -> ChangeRecord) rethrows -> Bool {
        guard limits.admits(size: size, count: records.count, bytes: bytes) else { return false }
        records.append(try make())
        bytes += size
        return true
    }

    /// Adds the record stored as the JSON `text` if it fits; `false` when it does not.
    mutating func add(json text: String) throws -> Bool {
        try add(size: text.utf8.count) { try RecordJSON.record(from: text) }
    }
}
