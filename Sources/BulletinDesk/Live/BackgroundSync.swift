import Logging
import ServiceLifecycle
import SyncClient
import SyncProtocol

/// The desk's background sync: the same `SyncRunner.watch` as `bulletin sync --watch` (same code, same backoff),
/// reporting its connection and activity to the status box and the open pages.
public struct BackgroundSync: Service {
    let store: LocalStore
    let status: SyncStatusBox
    let events: DeskEvents
    let logger: Logger
    let clock: @Sendable () -> Int64

    /// Creates the service.
    public init(
        store: LocalStore, status: SyncStatusBox, events: DeskEvents, logger: Logger,
        clock: @escaping @Sendable () -> Int64
    ) {
        self.store = store
        self.status = status
        self.events = events
        self.logger = logger
        self.clock = clock
    }

    /// Watches until graceful shutdown; without a server address it only waits for shutdown.
    public func run() async throws {
        guard let text = try store.serverAddress(), let address = try? ServerAddress(parsing: text) else {
            status.update { $0.connection = .noServer }
            try? await gracefulShutdown()
            return
        }
        status.update { $0.connection = .connecting }
        let runner = SyncRunner(
            store: store, address: address, logger: logger,
            tls: try store.accessSettings().clientTLS)
        let status = self.status
        let events = self.events
        let clock = self.clock
        do {
            try await cancelWhenGracefulShutdown {
                try await runner.watch(
                    onActivity: { _ in
                        status.update { $0.lastSyncMillis = clock() }
                        events.changed()
                    },
                    onConnection: { event in
                        status.update { state in
                            switch event {
                            case .connected:
                                state.connection = .online
                                state.lastErrorCode = nil
                            case .disconnected(let error, _):
                                state.connection = .offline
                                state.lastErrorCode = error.code
                            }
                        }
                        events.changed()
                    })
            }
        } catch is CancellationError {
            return
        } catch {
            // Not retryable (refused credentials, a protocol violation): the desk keeps working offline.
            logger.error("background sync stopped", metadata: ["error": "\(error)"])
            status.update { state in
                state.connection = .offline
                state.lastErrorCode = (error as? SyncError)?.code ?? "internal_error"
            }
            events.changed()
            try? await gracefulShutdown()
        }
    }
}
