import SyncClient

/// What the person at the desk may do: the buttons each page shows follow it (the server still decides).
///
/// The one place that learns the role. Until the server tells the client its account (`LocalStore.account()`),
/// it comes from the store's kind: an editor store is an editor, a field-office store a field office.
public enum DeskRole: String, Sendable, Hashable, CaseIterable {
    /// Drafts and sends issues for review.
    case editor
    /// Approves, publishes, corrects and retracts.
    case chief
    /// Reads and prints published issues.
    case fieldOffice = "field-office"
    /// Administers accounts; edits like a chief.
    case admin

    /// The role of the store's account.
    public static func lookup(_ store: LocalStore) throws -> DeskRole {
        switch try store.accessSettings().role {
        case .editor: .editor
        case .fieldOffice: .fieldOffice
        }
    }

    /// Whether this role edits content at all.
    var edits: Bool { self != .fieldOffice }
}
