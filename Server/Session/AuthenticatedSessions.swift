import NIOConcurrencyHelpers

/// The open sessions of a server by account name, so that revoking an account can end its live sessions.
///
/// A session is told by a callback, not a task waiting on a stream: an idle session then holds no task for it.
final class AuthenticatedSessions: Sendable {
    /// Called once, on the revoking thread, when the session's account is revoked; it must not block.
    typealias Revocation = @Sendable () -> Void

    private struct Entry {
        let user: String
        let revoked: Revocation
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

    /// Registers a session of `user`; `revoked` is called once if the account is revoked while the session is
    /// registered. Pass the returned id to ``remove(_:)`` when the session ends.
    func add(user: String, revoked: @escaping Revocation) -> Int {
        state.withLockedValue { state in
            let id = state.nextID
            state.nextID += 1
            state.entries[id] = Entry(user: user, revoked: revoked)
            return id
        }
    }

    /// Forgets a session.
    func remove(_ id: Int) {
        state.withLockedValue { _ = $0.entries.removeValue(forKey: id) }
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
            entry.revoked()
        }
        return entries.count
    }
}
