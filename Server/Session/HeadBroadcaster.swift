import NIOConcurrencyHelpers

/// Fans the log head out to subscribed sessions.
///
/// A subscription is a callback, not a task: an idle subscribed session then costs the server a dictionary entry and
/// the session's ``NotifyWriter`` (issue 14, item 5: a task and an `AsyncStream` per subscription cost ~2 KiB each,
/// 20 MiB at 10,000 idle sessions). Callbacks run under the broadcaster's lock, in publishing order; they must neither
/// block nor call back into the broadcaster (``NotifyWriter/offer(_:)`` only records the head and starts a write).
public final class HeadBroadcaster: Sendable {
    /// Told each head published after the subscription's `since`, in order.
    public typealias Listener = @Sendable (Int64) -> Void

    /// One subscription; ``cancel()`` ends it.
    public struct Subscription: Sendable {
        fileprivate let id: Int
        fileprivate let broadcaster: HeadBroadcaster

        /// Stops the listener from being told of later heads (a publish running meanwhile may still tell it once).
        public func cancel() {
            broadcaster.state.withLockedValue { _ = $0.subscribers.removeValue(forKey: id) }
        }
    }

    private struct State {
        var head: Int64
        var nextID = 0
        var subscribers: [Int: Listener] = [:]
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

    /// Subscribes `listener` to the heads after `since`: it is told the current head at once if that is already past
    /// `since`, then every later head, until the subscription is cancelled or ``finishAll()`` is called.
    public func subscribe(since: Int64, _ listener: @escaping Listener) -> Subscription {
        state.withLockedValue { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = listener
            if state.head > since {
                listener(state.head)
            }
            return Subscription(id: id, broadcaster: self)
        }
    }

    /// Publishes a new head; heads that are not newer than the last one are ignored.
    public func publish(head: Int64) {
        state.withLockedValue { state in
            guard head > state.head else { return }
            state.head = head
            for listener in state.subscribers.values {
                listener(head)
            }
        }
    }

    /// Ends every subscription (at shutdown).
    public func finishAll() {
        state.withLockedValue { $0.subscribers.removeAll() }
    }
}
