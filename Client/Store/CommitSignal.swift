import NIOConcurrencyHelpers

/// Tells listeners in this process that a store committed a local change (an outbox entry), so a watching sync
/// pushes it at once instead of looking on a timer.
final class CommitSignal: Sendable {
    private let listeners = NIOLockedValueBox<[Int: AsyncStream<Void>.Continuation]>([:])
    private let nextID = NIOLockedValueBox(0)

    /// A stream that yields after each commit from now on (coalesced: a listener that is behind sees one).
    func commits() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id = nextID.withLockedValue { id in
            id += 1
            return id
        }
        listeners.withLockedValue { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.listeners.withLockedValue { $0.removeValue(forKey: id) }
        }
        return stream
    }

    /// Wakes every listener.
    func post() {
        for continuation in listeners.withLockedValue({ Array($0.values) }) {
            continuation.yield()
        }
    }
}
