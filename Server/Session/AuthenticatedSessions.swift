import NIOConcurrencyHelpers

/// The open sessions of a server by account name, so that revoking an account can end its live sessions.
final class AuthenticatedSessions: Sendable {
    private struct Entry {
        let user: String
        let revoked: AsyncStream<Void>.Continuation
    }

    private struct State {
        var entries: [Int: Entry] = [:]
        var nextID = 1
    }

    private let state = NIOLockedValueBox(State())

    /// The names of the accounts with open sessions.
    var users: Set<String> {
        state.withLockedValue { Set($0.entries.values.map(\.user)) }
    }

    /// Registers a session of `user`; the returned stream yields once if the account is revoked. Pass the id to
    /// ``remove(_:)`` when the session ends.
    func add(user: String) -> (id: Int, revoked: AsyncStream<Void>) {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLockedValue { state in
            let id = state.nextID
            state.nextID += 1
            state.entries[id] = Entry(user: user, revoked: continuation)
            return id
        }
        return (id, stream)
    }

    /// Forgets a session.
    func remove(_ id: Int) {
        let entry = state.withLockedValue { $0.entries.removeValue(forKey: id) }
        entry?.revoked.finish()
    }

    /// Tells every session of the `users` that their account was revoked; returns how many sessions were told.
    @discardableResult
    func revoke(_ users: Set<String>) -> Int {
        let entries = state.withLockedValue { state in
            let matching = state.entries.filter { users.contains($0.value.user) }
            for id in matching.keys { state.entries[id] = nil }
            return Array(matching.values)
        }
        for entry in entries {
            entry.revoked.yield()
            entry.revoked.finish()
        }
        return entries.count
    }
}
