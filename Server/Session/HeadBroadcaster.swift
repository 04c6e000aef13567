import NIOConcurrencyHelpers

/// Fans the log head out to subscribed sessions.
///
/// Each subscriber gets an `AsyncStream` that buffers only the newest head: a slow subscriber never makes the
/// broadcaster (or a pusher) wait and never piles up notifications; it just sees the latest head when it reads.
public final class HeadBroadcaster: Sendable {
    private struct State {
        var head: Int64
        var nextID = 0
        var subscribers: [Int: AsyncStream<Int64>.Continuation] = [:]
    }

    private let state: NIOLockedValueBox<State>

    /// Creates a broadcaster that starts at `head`.
    public init(head: Int64) {
        state = NIOLockedValueBox(State(head: head))
    }

    /// The latest head published.
    public var head: Int64 {
        state.withLockedValue { $0.head }
    }

    /// How many subscriptions are open.
    public var subscriberCount: Int {
        state.withLockedValue { $0.subscribers.count }
    }

    /// A stream of heads after `since`: it yields the current head at once if that is already past `since`, then
    /// every later head (coalesced to the newest). The subscription ends when the stream's consumer goes away.
    public func subscribe(since: Int64) -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int64.self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLockedValue { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            if state.head > since {
                continuation.yield(state.head)
            }
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLockedValue { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Publishes a new head; heads that are not newer than the last one are ignored.
    public func publish(head: Int64) {
        state.withLockedValue { state in
            guard head > state.head else { return }
            state.head = head
            for continuation in state.subscribers.values {
                continuation.yield(head)
            }
        }
    }

    /// Ends every subscription (at shutdown).
    public func finishAll() {
        let continuations = state.withLockedValue { state in
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in continuations {
            continuation.finish()
        }
    }
}
