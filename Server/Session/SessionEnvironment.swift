import Logging
import NIOCore
import SyncProtocol

/// What every session of a server shares: the store, the head fan-out, the authenticator and the limits.
///
/// A class, so that a session and the async frames it runs through hold one reference to it, not a copy of every
/// field (the configuration alone is a few hundred bytes), for as long as the session is idle.
final class SessionEnvironment: Sendable {
    /// The server's store.
    let store: ServerStore
    /// The fan-out of log heads to subscribers.
    let broadcaster: HeadBroadcaster
    /// The fan-out of the seqs of new `publication` records, to field offices' subscriptions.
    let publications: HeadBroadcaster
    /// The authenticated sessions by account, so that revocations reach them.
    let sessions: AuthenticatedSessions
    /// Decides whether a `hello` may open a session.
    let authenticator: any Authenticator
    /// The server's configuration (limits).
    let configuration: ServerConfiguration
    /// The open connections; tells whether the server is shutting down.
    let connections: ConnectionRegistry
    /// What the sessions count.
    let metrics: ServerMetrics
    /// When each account last finished a pull.
    let recency = SyncRecency()
    /// Log pages many sessions pull at once (a fan-out), read and encoded once.
    let sharedPages = SharedPages()
    /// Snapshot pages kept encoded while the log does not move (the next new replica's pull is sent from memory).
    let snapshotFrames: SnapshotFrames

    init(
        store: ServerStore, broadcaster: HeadBroadcaster, publications: HeadBroadcaster,
        sessions: AuthenticatedSessions, authenticator: any Authenticator, configuration: ServerConfiguration,
        connections: ConnectionRegistry, metrics: ServerMetrics, snapshotFrames: SnapshotFrames
    ) {
        self.store = store
        self.broadcaster = broadcaster
        self.publications = publications
        self.sessions = sessions
        self.authenticator = authenticator
        self.configuration = configuration
        self.connections = connections
        self.metrics = metrics
        self.snapshotFrames = snapshotFrames
    }

    /// The protocol versions this server speaks.
    static let supportedVersions = [1]
    /// The optional features this server offers.
    static let capabilities = ["snapshot", "subscribe", "edits", "account", "log_epochs"]

    /// The frame limits after `welcome`.
    var standardLimits: FrameLimits { .standard }

    /// The limits announced in `welcome`.
    var wireLimits: WireLimits {
        WireLimits(
            maxFrameBytes: standardLimits.maxFrameBytes, maxDecompressedBytes: standardLimits.maxDecompressedBytes,
            maxBatchChanges: configuration.maxBatchChanges)
    }

    /// The page limits for a pull: what it asks for, capped by the server's own.
    func pageLimits(for pull: Pull) -> PageLimits {
        PageLimits(
            maxChanges: min(pull.maxChanges, configuration.maxPageChanges),
            maxBytes: min(pull.maxBytes, configuration.maxPageBytes))
    }
}
