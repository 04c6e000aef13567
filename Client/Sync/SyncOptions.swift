/// Bounds and timing of a sync.
public struct SyncOptions: Sendable, Hashable {
    /// Most changes in one `push` (also capped by the server's announced limit).
    public var maxBatchChanges: Int
    /// About how many JSON bytes one `push` may carry.
    public var maxBatchBytes: Int
    /// Most records asked for in one `pull` page.
    public var pullMaxChanges: Int
    /// About how many JSON bytes asked for in one `pull` page.
    public var pullMaxBytes: Int
    /// How long to wait for any one reply.
    public var replyTimeout: Duration
    /// Whether pulls ask for article text as edits against the text held here (when the server offers `edits`).
    public var textEdits: Bool
    /// The zlib level of the frames this client sends (mostly pushes).
    ///
    /// Level 2 by default: on article text it costs about a quarter of zlib's default level 6 for ~1.3× the bytes,
    /// and a push's compression runs beside the server's commit, so its CPU is what limits a large push on the
    /// laptop (BENCHMARKS.md, "Push throughput, session 7").
    public var compressionLevel: Int32

    /// Creates options.
    public init(
        maxBatchChanges: Int = 5_000, maxBatchBytes: Int = 4 << 20, pullMaxChanges: Int = 1_000,
        pullMaxBytes: Int = 2 << 20, replyTimeout: Duration = .seconds(60), textEdits: Bool = true,
        compressionLevel: Int32 = 2
    ) {
        self.maxBatchChanges = maxBatchChanges
        self.maxBatchBytes = maxBatchBytes
        self.pullMaxChanges = pullMaxChanges
        self.pullMaxBytes = pullMaxBytes
        self.replyTimeout = replyTimeout
        self.textEdits = textEdits
        self.compressionLevel = compressionLevel
    }
}

/// Progress of a long pull, for a progress bar.
public struct SyncProgress: Sendable, Hashable {
    /// Records received so far in this sync.
    public var pulled: Int
    /// The cursor reached.
    public var cursor: Int64
    /// The server head being caught up with.
    public var head: Int64
    /// Whether this is the initial snapshot.
    public var snapshot: Bool

    /// Creates a progress report.
    public init(pulled: Int, cursor: Int64, head: Int64, snapshot: Bool) {
        self.pulled = pulled
        self.cursor = cursor
        self.head = head
        self.snapshot = snapshot
    }
}
