import Synchronization

/// Bounds how many inbound messages wait between the socket reader and the engine.
///
/// The reader takes a credit before it hands a message on and the ``Conversation`` gives it back once the engine
/// has read it; with no credit left the reader stops reading, the socket's buffers fill, and TCP slows the server
/// down. Without this a client that applies pages more slowly than the server sends them would hold the whole rest
/// of a long pull in memory.
final class InboundCredits: Sendable {
    private struct State {
        var available: Int
        var waiter: CheckedContinuation<Void, Never>?
        var closed = false
    }

    private let state: Mutex<State>

    /// Creates `count` credits (at least 1).
    init(_ count: Int) {
        state = Mutex(State(available: max(1, count)))
    }

    /// Takes a credit, waiting for one if none is left; returns at once after ``close()`` or on cancellation.
    func acquire() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if state.closed || state.available > 0 {
                        state.available -= state.closed ? 0 : 1
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            close()
        }
    }

    /// Gives a credit back (the engine has read a message).
    func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.available += 1
            return nil
        }
        waiter?.resume()
    }

    /// Lets every present and future ``acquire()`` return at once (the connection is ending).
    func close() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.closed = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
