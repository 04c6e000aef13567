/// What one sync did, for the editor and for scripts (`bulletin sync --json`).
public struct SyncSummary: Sendable, Hashable, Codable {
    /// Changes sent in `push` batches.
    public var pushed: Int = 0
    /// Of those, applied by the server (including duplicates of earlier pushes).
    public var accepted: Int = 0
    /// Of those, logged by the server as conflicts.
    public var conflicts: Int = 0
    /// Of those, refused by the server (kept aside locally).
    public var rejected: Int = 0
    /// Records offered again because the server's log was restored behind this replica (PROTOCOL.md 12.5).
    public var reoffered: Int = 0
    /// Of those, refused by the server (e.g. a change only a chief may make, offered by an editor's replica).
    public var reofferRefused: Int = 0
    /// Change records received.
    public var pulled: Int = 0
    /// `changes` pages received.
    public var pages: Int = 0
    /// Pulled records this replica could not store, left out (the rest of their pages applied).
    public var skipped: [SkippedRecord] = []
    /// Whether this sync ran (or finished) an initial snapshot.
    public var snapshot: Bool = false
    /// Bytes written to the socket.
    public var bytesSent: Int = 0
    /// Bytes read from the socket.
    public var bytesReceived: Int = 0
    /// Uncompressed JSON payload bytes sent and received.
    public var payloadBytes: Int = 0
    /// Wall-clock seconds.
    public var seconds: Double = 0
    /// The cursor after the sync.
    public var cursor: Int64 = 0

    /// Creates an empty summary.
    public init() {}

    /// Payload bytes over wire bytes (1 when nothing moved).
    public var compressionRatio: Double {
        let wire = bytesSent + bytesReceived
        return wire == 0 ? 1 : Double(payloadBytes) / Double(wire)
    }
}
