/// `welcome.account`: the account the connection acts as, as the server authenticated it (capability `account`).
public struct WelcomeAccount: Codable, Sendable, Hashable {
    /// The account's name on the server (NFC), e.g. `thanh`.
    public var name: String
    /// What the account may do.
    public var role: AccountRole

    /// Creates the member.
    public init(name: String, role: AccountRole) {
        self.name = name
        self.role = role
    }
}
