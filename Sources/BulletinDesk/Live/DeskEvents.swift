import NIOConcurrencyHelpers

/// Tells open pages that something changed: every desk action that committed, every push or pull of the
/// background sync, every connection change. Subscribers get the latest version number only (a page re-reads
/// what it shows), so a slow page never makes the others wait and nothing queues up.
public final class DeskEvents: Sendable {
    private struct State {
        var version = 0
        var nextID = 0
        var subscribers: [Int: AsyncStream<Int>.Continuation] = [:]
        var finished = false
    }

    private let state = NIOLockedValueBox(State())

    /// Creates a broadcaster.
    public init() {}

    /// The current version.
    public var version: Int { state.withLockedValue { $0.version } }

    /// Announces a change to every subscriber.
    public func changed() {
        let (version, subscribers) = state.withLockedValue { state in
            state.version += 1
            return (state.version, Array(state.subscribers.values))
        }
        for subscriber in subscribers { subscriber.yield(version) }
    }

    /// A stream of versions, starting after the current one; it ends when ``finish()`` is called.
    public func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = state.withLockedValue { state in
            guard !state.finished else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLockedValue { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Ends every stream (the desk is shutting down).
    public func finish() {
        let subscribers = state.withLockedValue { state in
            state.finished = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }
}
