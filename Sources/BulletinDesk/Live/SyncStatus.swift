import NIOConcurrencyHelpers

/// What the background sync last reported: shown on every page.
public struct SyncStatus: Sendable, Hashable {
    /// Whether the background sync runs and how its connection stands.
    public enum Connection: String, Sendable, Hashable {
        /// The store has no server: the desk works offline only.
        case noServer
        /// Trying to connect.
        case connecting
        /// Connected to the server.
        case online
        /// Not connected; retrying.
        case offline
    }

    /// The connection.
    public var connection: Connection = .noServer
    /// When the last sync succeeded (Unix milliseconds).
    public var lastSyncMillis: Int64?
    /// The last error's stable code (`SyncError` / protocol error name), when offline.
    public var lastErrorCode: String?
}

/// The shared, lock-protected ``SyncStatus``.
public final class SyncStatusBox: Sendable {
    private let box = NIOLockedValueBox(SyncStatus())

    /// Creates a box.
    public init() {}

    /// The current status.
    public var current: SyncStatus { box.withLockedValue { $0 } }

    /// Changes the status.
    public func update(_ body: (inout SyncStatus) -> Void) {
        box.withLockedValue { body(&$0) }
    }
}
