import BulletinCore
import SyncProtocol

/// The late-edit rule: once an issue is approved or published, an editor no longer changes its printed content (its
/// header fields, sections and articles; only a chief does, see ``AccessPolicy``). An editor's content change that
/// arrives then was made before the editor saw the issue move on: it is kept as a `late_edit` conflict for a chief
/// rather than refused (a refused change would stay applied in the editor's replica only). Annotations are notes
/// about the content, not content, and stay open. Everything else an editor may not do stays ``AccessPolicy``'s to
/// refuse: deleting an issue, moving its state, anything on a retracted issue.
enum PublishedIssues {
    /// The states in which an editor's content change is late.
    static let lateStates: Set<PublicationState> = [.approved, .published]

    /// Whether `change` would change the printed content of an issue in one of ``lateStates``, judged by the
    /// stored state before the change.
    static func isLate(_ change: ChangeRecord, stored: StoredEntity?, _ store: any StoreReader) throws -> Bool {
        switch change.entity {
        case .issue:
            guard change.op == .update, change.fields.keys.contains(where: { $0 != "state" }) else { return false }
            return try isPublished(issueID: change.entityID, store)
        case .section, .article:
            var issues: Set<String> = []
            if let current = stored?.issueID, !current.isEmpty { issues.insert(current) }
            if let target = change.fields["issue_id"]?.stringValue { issues.insert(target) }
            for issueID in issues.sorted() where try isPublished(issueID: issueID, store) {
                return true
            }
            return false
        case .annotation, .conflict, .publication:
            return false
        }
    }

    /// Whether the stored issue `issueID` is in one of ``lateStates``.
    static func isPublished(issueID: String, _ store: any StoreReader) throws -> Bool {
        guard let status = try store.issueStatus(issueID), !status.deleted, let state = status.state else {
            return false
        }
        return lateStates.contains(state)
    }
}
