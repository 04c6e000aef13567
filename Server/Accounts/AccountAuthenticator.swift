import SyncProtocol

/// The real authenticator: `hello.credentials.token` must be the token of an active account in the server's store.
///
/// The token is hashed (SHA-256) and compared with every account's stored hash in constant time. Failures from one
/// address are answered after a growing delay and, past a limit, with `rate_limited` (see ``FailedAttemptPolicy``).
/// Created unbound (``init(policy:)``); the server binds it to its store with ``prepared(for:)``.
public struct AccountAuthenticator: Authenticator {
    private let store: ServerStore?
    private let limiter: FailedAttemptLimiter

    /// Creates an authenticator for a server's store, with a policy for failed attempts.
    public init(policy: FailedAttemptPolicy = .standard) {
        self.init(store: nil, limiter: FailedAttemptLimiter(policy: policy))
    }

    /// Creates an authenticator over `store`, sharing `limiter`.
    public init(store: ServerStore?, limiter: FailedAttemptLimiter) {
        self.store = store
        self.limiter = limiter
    }

    /// This authenticator, reading accounts from `store`.
    public func prepared(for store: ServerStore) -> any Authenticator {
        AccountAuthenticator(store: store, limiter: limiter)
    }

    /// Allows a `hello` whose token belongs to an active account, as that account.
    public func authenticate(_ hello: Hello, peer: String?) async -> AuthenticationResult {
        let address = Self.address(of: peer)
        if limiter.isBlocked(address) {
            return .rateLimited(
                "too many failed attempts from this address; wait a few minutes, then try again with a valid token")
        }
        let verdict = await check(hello)
        switch verdict {
        case .allowed:
            limiter.recordSuccess(address)
        case .denied, .rateLimited:
            let delay = limiter.recordFailure(address)
            if delay > .zero {
                // The delay is the point: it slows down guessing. A shutdown cancels it.
                try? await Task.sleep(for: delay)
            }
        }
        return verdict
    }

    /// Names among `users` whose accounts were revoked or removed.
    public func revokedUsers(among users: Set<String>) async -> Set<String> {
        guard let store else { return [] }
        return (try? await store.revokedAccounts(among: users)) ?? []
    }

    private func check(_ hello: Hello) async -> AuthenticationResult {
        guard let store else { return .denied("the server has no account store; this is a server bug") }
        let accounts: [Account]
        do {
            accounts = try await store.accounts()
        } catch {
            return .denied("the server could not read its accounts; try again later")
        }
        guard !accounts.isEmpty else {
            return .denied(
                "this server has no accounts yet: on the server, run `bulletin-server user add NAME "
                    + "--role editor` and give the printed token to the client (`bulletin login --token TOKEN`)")
        }
        guard let token = hello.credentials?.token, !token.isEmpty else {
            return .denied(
                "this server requires a token: ask its administrator for one (`bulletin-server user "
                    + "add`), then run `bulletin login --token TOKEN`")
        }
        let presented = AccountToken.hash(token)
        // Compare with every account, without stopping at a match, so timing says nothing about which one matched.
        var match: Account?
        for account in accounts {
            let stored = AccountToken.bytes(hex: account.tokenHash) ?? []
            if AccountToken.constantTimeEqual(presented, stored) { match = account }
        }
        guard let account = match else { return .denied("the token is not valid for this server") }
        guard !account.isRevoked else {
            return .denied("the account '\(account.name)' was revoked; ask the server's administrator for a new one")
        }
        return .allowed(Principal(user: account.name, clientID: hello.clientID, role: account.role))
    }

    /// The part of a peer's description that identifies its host: the address without its port.
    static func address(of peer: String?) -> String {
        guard let peer else { return "unknown" }
        guard let colon = peer.lastIndex(of: ":") else { return peer }
        return String(peer[..<colon])
    }
}
