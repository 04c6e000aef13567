import SyncProtocol

/// Who a connection acts as, once its `hello` was accepted.
public struct Principal: Sendable, Hashable {
    /// The editor (user) name, when the client gave one.
    public var user: String?
    /// The client's replica id from `hello`.
    public var clientID: String

    /// Creates a principal.
    public init(user: String?, clientID: String) {
        self.user = user
        self.clientID = clientID
    }
}

/// The answer of an ``Authenticator`` to one `hello`.
public enum AuthenticationResult: Sendable, Hashable {
    /// The peer may proceed as this principal.
    case allowed(Principal)
    /// The peer is refused; the message says why, for a person. The connection gets `unauthenticated` and closes.
    case denied(String)
}

/// Decides whether a `hello` may open a session. The session asks it once, before `welcome`.
public protocol Authenticator: Sendable {
    /// Checks the credentials in `hello`, coming from `peer` (the remote address, when known).
    func authenticate(_ hello: Hello, peer: String?) async -> AuthenticationResult
}

/// The authenticator used until accounts exist: every `hello` is allowed, with or without credentials.
public struct AllowAllAuthenticator: Authenticator {
    /// Creates the authenticator.
    public init() {}

    /// Allows the peer as the user it names (if any).
    public func authenticate(_ hello: Hello, peer: String?) async -> AuthenticationResult {
        .allowed(Principal(user: hello.credentials?.user, clientID: hello.clientID))
    }
}
