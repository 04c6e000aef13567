import SyncClient

/// What the person at the desk may do: the account's role, as the server told the client at its last connect
/// (`welcome.account`). The buttons each page shows follow it; the server still decides every change.
public typealias DeskRole = AccountRole

extension AccountRole {
    /// The role of the store's account: the server's word once the store has connected; before the first connect,
    /// the store's kind (an editor store offers an editor's actions, a field-office store is read-only).
    public static func lookup(_ store: LocalStore) throws -> AccountRole {
        if let account = try store.account() { return account.role }
        switch try store.accessSettings().role {
        case .editor: return .editor
        case .fieldOffice: return .fieldOffice
        }
    }

    /// Whether this role edits content at all.
    var edits: Bool { self != .fieldOffice }
}
