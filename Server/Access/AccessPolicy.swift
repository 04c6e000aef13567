import BulletinCore
import SyncProtocol

/// Decides, change by change, whether a role may make a pushed change (PROTOCOL.md, "Authorization").
///
/// - editor: issues in `draft` or `review` (creating them, editing them, deleting them, moving draft → review),
///   their sections and articles, and annotations on any issue;
/// - chief: all an editor may, plus approving, publishing, correcting a published issue and retracting it; a
///   retracted issue no longer changes (but may still be annotated) and a published one is retracted, not deleted;
/// - field office, admin: nothing (their pushes are refused before they reach the store);
/// - nobody pushes `publication` records: the server makes them.
struct AccessPolicy {
    /// The role of the pushing account.
    let role: Role

    /// The states in which an editor may change an issue and its sections and articles.
    private static let editorStates: Set<PublicationState> = [.draft, .review]

    /// Why `role` may not make `change`, or `nil` when it may. `stored` is the entity's row, if any.
    ///
    /// Changes whose issue cannot be found are not judged here: the contract checks reject them.
    func denial(of change: ChangeRecord, stored: StoredEntity?, _ store: any StoreReader) throws -> String? {
        guard role.mayPush else { return "a \(role) account may not push changes" }
        switch change.entity {
        case .publication:
            return "publication records are made and signed by the server; they cannot be pushed"
        case .annotation, .conflict:
            // Notes about the content, and resolutions of conflicts (whose writes to the content are judged on
            // their own), are open to every editor.
            return nil
        case .issue:
            return try issueDenial(change, stored: stored)
        case .section, .article:
            for issueID in Self.issues(of: change, stored: stored) {
                if let why = try contentDenial(issueID: issueID, store) { return why }
            }
            return nil
        }
    }

    /// The rules for a change to an issue itself.
    private func issueDenial(_ change: ChangeRecord, stored: StoredEntity?) throws -> String? {
        let current = try stored.flatMap(Self.state(of:))
        let requested = change.fields["state"]?.stringValue.flatMap(PublicationState.init(rawValue:))
        switch role {
        case .editor:
            if let current, !Self.editorStates.contains(current) {
                return "issue \(change.entityID) is \(current.rawValue): only a chief may change it"
            }
            if let requested, !Self.editorStates.contains(requested) {
                return "only a chief may move an issue to \(requested.rawValue); an editor moves it to review"
            }
            return nil
        case .chief:
            if current == .retracted {
                return "issue \(change.entityID) is retracted: it can no longer change"
            }
            if change.op == .delete, current == .published {
                return "issue \(change.entityID) is published: retract it instead of deleting it"
            }
            if requested == .retracted, current != .published {
                return "only a published issue can be retracted; issue \(change.entityID) is "
                    + (current?.rawValue ?? "new")
            }
            return nil
        case .fieldOffice, .admin:
            return "a \(role) account may not push changes"
        }
    }

    /// The rules for a section or article of the issue `issueID`.
    private func contentDenial(issueID: String, _ store: any StoreReader) throws -> String? {
        guard let state = try store.issueStatus(issueID)?.state else { return nil }
        switch role {
        case .editor where !Self.editorStates.contains(state):
            return "issue \(issueID) is \(state.rawValue): only a chief may change its sections and articles"
        case .chief where state == .retracted:
            return "issue \(issueID) is retracted: its sections and articles can no longer change"
        default:
            return nil
        }
    }

    /// The issues a section or article change touches: the one it is in, and the one it moves to.
    private static func issues(of change: ChangeRecord, stored: StoredEntity?) -> [String] {
        var ids: [String] = []
        if let current = stored?.issueID, !current.isEmpty { ids.append(current) }
        if let target = change.fields["issue_id"]?.stringValue, !ids.contains(target) { ids.append(target) }
        return ids
    }

    /// An issue row's publication state, if it has a readable one.
    static func state(of issue: StoredEntity) throws -> PublicationState? {
        try IssueStatus(row: issue).state
    }
}
