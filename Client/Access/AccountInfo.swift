@_exported import enum SyncProtocol.AccountRole

/// The account a store acts as, as the server said in `welcome` on the last connect: what the front ends use to
/// offer a person the actions their role may do (the server's refusal stays the rule).
public struct AccountInfo: Codable, Sendable, Hashable {
    /// The account's name on the server.
    public var name: String
    /// What the account may do.
    public var role: AccountRole

    /// Creates the value.
    public init(name: String, role: AccountRole) {
        self.name = name
        self.role = role
    }
}
