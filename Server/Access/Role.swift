import SyncProtocol

/// What an account may do on the server: the wire's ``AccountRole`` (PROTOCOL.md section 18), one type for the
/// accounts table, the policy, and `welcome.account`.
public typealias Role = AccountRole

extension AccountRole {
    /// Whether the role may send `push` at all.
    public var mayPush: Bool { self == .editor || self == .chief }

    /// What the role's pulls, snapshots and subscriptions see.
    public var readScope: ReadScope {
        switch self {
        case .editor, .chief: .everything
        case .fieldOffice: .publications
        case .admin: .nothing
        }
    }
}

/// What a session may read from the server.
public enum ReadScope: Sendable, Hashable {
    /// The whole change log and every entity.
    case everything
    /// Only `publication` records; notified only when one is appended.
    case publications
    /// Nothing: pull and subscribe are refused.
    case nothing
}
