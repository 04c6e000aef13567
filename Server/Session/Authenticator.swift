import SyncProtocol

/// Who a connection acts as, once its `hello` was accepted.
public struct Principal: Sendable, Hashable {
    /// The account (user) name, when known.
    public var user: String?
    /// The client's replica id from `hello`.
    public var clientID: String
    /// What the account may do.
    public var role: Role

    /// Creates a principal.
    public init(user: String?, clientID: String, role: Role = .editor) {
        self.user = user
        self.clientID = clientID
        self.role = role
    }
}

/// The answer of an ``Authenticator`` to one `hello`.
public enum AuthenticationResult: Sendable, Hashable {
    /// The peer may proceed as this principal.
    case allowed(Principal)
    /// The peer is refused; the message says why, for a person. The connection gets `unauthenticated` and closes.
    case denied(String)
    /// The peer's address failed too often; the connection gets `rate_limited` and closes.
    case rateLimited(String)
}

/// Decides whether a `hello` may open a session. The session asks it once, before `welcome`.
public protocol Authenticator: Sendable {
    /// Checks the credentials in `hello`, coming from `peer` (the remote address, when known).
    func authenticate(_ hello: Hello, peer: String?) async -> AuthenticationResult

    /// The authenticator a server uses with `store`: one that keeps its accounts in the store binds itself to it.
    /// The default is `self`.
    func prepared(for store: ServerStore) -> any Authenticator

    /// Which of `users` (the names of open sessions) may no longer act: the server closes their sessions. Asked
    /// periodically while sessions are open; the default is none.
    func revokedUsers(among users: Set<String>) async -> Set<String>
}

extension Authenticator {
    /// Uses `self` unchanged.
    public func prepared(for store: ServerStore) -> any Authenticator { self }

    /// Nobody is ever revoked.
    public func revokedUsers(among users: Set<String>) async -> Set<String> { [] }
}

/// An authenticator for tests that do not care about accounts: every `hello` is allowed, with or without
/// credentials, as a chief (who may do anything an editor may, and publish). Never use it in a real server.
public struct AllowAllAuthenticator: Authenticator {
    /// Creates the authenticator.
    public init() {}

    /// Allows the peer as the user it names (if any), with the chief role.
    public func authenticate(_ hello: Hello, peer: String?) async -> AuthenticationResult {
        .allowed(Principal(user: hello.credentials?.user, clientID: hello.clientID, role: .chief))
    }
}
