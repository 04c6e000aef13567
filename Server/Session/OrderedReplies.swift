import NIOConcurrencyHelpers

/// The replies a session still owes for requests it handed on without waiting, written in the order the requests
/// came.
///
/// A client may send its next `push` before the previous one's `push_ack` (PROTOCOL.md section 7). The session
/// hands each batch to the store at once — the store applies them in that order, starting on the next the moment
/// the previous one committed — and adds the writing of its ack here. Each reply runs after the one before it;
/// whatever the session answers next waits for them all first (``settle()``), so answers keep the order of the
/// requests, and a pull sees the pushes sent before it.
final class OrderedReplies: Sendable {
    /// The most replies owed at once: a request beyond them waits for the oldest, so a client that sends and never
    /// reads is slowed down (by TCP) instead of piling batches up in memory.
    static let limit = 4

    private struct State {
        /// Owed replies, oldest first, each under a number of its own; a reply leaves once it has run.
        var replies: [(number: Int, task: Task<Bool, Never>)] = []
        var nextNumber = 0
        /// A reply said the session must end.
        var ended = false
    }

    private let state = NIOLockedValueBox(State())

    /// Waits until fewer than ``limit`` replies are owed. Called before handing a request on.
    func makeRoom() async {
        while let oldest = state.withLockedValue({ $0.replies.count >= Self.limit ? $0.replies.first?.task : nil }) {
            _ = await oldest.value
        }
    }

    /// Whether no reply has said the session must end (so far).
    var goesOn: Bool {
        !state.withLockedValue { $0.ended }
    }

    /// Adds a reply, which runs once every earlier one has finished and returns whether the session goes on.
    /// Returns `false`, without adding it, when an earlier reply said the session must end.
    ///
    /// The session's one loop calls this, ``makeRoom()`` and ``settle()``, never two at once.
    func add(_ reply: @escaping @Sendable () async -> Bool) -> Bool {
        state.withLockedValue { state in
            guard !state.ended else { return false }
            let previous = state.replies.last?.task
            let number = state.nextNumber
            state.nextNumber += 1
            // Made under the lock: the reply cannot remove itself before it is in the list.
            let task = Task { [self] in
                var goesOn = await previous?.value ?? true
                if goesOn { goesOn = await reply() }
                self.state.withLockedValue { state in
                    state.replies.removeAll { $0.number == number }
                    if !goesOn { state.ended = true }
                }
                return goesOn
            }
            state.replies.append((number, task))
            return true
        }
    }

    /// Waits until every reply owed has been written; whether the session goes on.
    func settle() async -> Bool {
        if let last = state.withLockedValue({ $0.replies.last?.task }) { _ = await last.value }
        return goesOn
    }
}
