import NIOConcurrencyHelpers
import NIOCore
import SyncProtocol

/// Writes a subscription's `notify` messages straight to its channel, without a task of its own.
///
/// One `notify` is in flight at a time; heads offered meanwhile are coalesced to the newest, which is written once the
/// previous write completed (its bytes went to the socket). A peer that does not read therefore holds at most one
/// `notify` in the channel and one head here, and the publisher never waits: ``offer(_:)`` only records the head and
/// starts a write (PROTOCOL.md 12.4: one `notify` may stand for many new records).
final class NotifyWriter: Sendable {
    private struct State {
        /// A write is in flight.
        var writing = false
        /// The newest head offered while a write was in flight.
        var waiting: Int64?
        /// No more writes: the session ended, or the channel refused a write (it is closing).
        var stopped = false
    }

    private let state = NIOLockedValueBox(State())
    private let send: @Sendable (Int64) -> EventLoopFuture<Void>

    /// A writer whose `send` writes one `notify` and completes once it was written (or failed).
    init(send: @escaping @Sendable (Int64) -> EventLoopFuture<Void>) {
        self.send = send
    }

    /// A writer of `notify` messages to `channel`.
    convenience init(channel: any Channel) {
        self.init { head in channel.writeAndFlush(Message.notify(Notify(headSeq: head))) }
    }

    /// Writes a `notify` of `head` now, or once the write in flight has completed (replacing an older waiting head).
    func offer(_ head: Int64) {
        let start = state.withLockedValue { state -> Bool in
            guard !state.stopped else { return false }
            guard !state.writing else {
                state.waiting = max(state.waiting ?? head, head)
                return false
            }
            state.writing = true
            return true
        }
        if start { write(head) }
    }

    /// Writes nothing more (a waiting head is dropped; a write in flight completes).
    func stop() {
        state.withLockedValue { state in
            state.stopped = true
            state.waiting = nil
        }
    }

    private func write(_ head: Int64) {
        send(head).whenComplete { result in
            let next = self.state.withLockedValue { state -> Int64? in
                if case .failure = result { state.stopped = true }
                guard !state.stopped, let waiting = state.waiting else {
                    state.writing = false
                    state.waiting = nil
                    return nil
                }
                state.waiting = nil
                return waiting
            }
            if let next { self.write(next) }
        }
    }
}
