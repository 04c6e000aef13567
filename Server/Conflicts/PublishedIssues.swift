import BulletinCore
import GRDB
import SyncProtocol

/// The late-edit rule: the printed content of a published issue (its header fields, sections and articles) no
/// longer changes. Annotations are notes about the content, not content, and stay open; the publication state
/// itself only moves forward.
enum PublishedIssues {
    /// Whether `change` would change the printed content of an issue that is published (or later), judged by the
    /// stored state before the change.
    static func isLate(_ change: ChangeRecord, stored: StoredEntity?, _ db: Database) throws -> Bool {
        switch change.entity {
        case .issue:
            guard change.op == .delete || change.fields.keys.contains(where: { $0 != "state" }) else { return false }
            return try isPublished(issueID: change.entityID, db)
        case .section, .article:
            var issues: Set<String> = []
            if let current = stored?.issueID, !current.isEmpty { issues.insert(current) }
            if let target = change.fields["issue_id"]?.stringValue { issues.insert(target) }
            for issueID in issues.sorted() where try isPublished(issueID: issueID, db) {
                return true
            }
            return false
        case .annotation, .conflict:
            return false
        }
    }

    /// Whether the stored issue `issueID` is published (or further along).
    static func isPublished(issueID: String, _ db: Database) throws -> Bool {
        guard let issue = try StoredEntity.find(EntityKey(kind: .issue, id: issueID), db), !issue.deleted,
              let text = try issue.state().fields["state"]?.stringValue,
              let state = PublicationState(rawValue: text)
        else { return false }
        return state >= .published
    }
}
