import BulletinCore
import SyncProtocol

/// What the access policy and the late-edit rule read from an issue's row: its publication state and whether it is
/// deleted.
///
/// A push of articles asks it of the same issue for every article (twice: the access policy, then the late-edit
/// rule), so it is read from the row's fields alone and an SQLite transaction keeps it (``EntityRowCache``).
struct IssueStatus: Sendable, Hashable {
    /// The stored `state`, or `nil` when the row has no readable one.
    var state: PublicationState?
    /// Whether the issue is deleted (a tombstone).
    var deleted: Bool

    /// The status of an issue's row.
    init(row: StoredEntity) throws {
        self.state = try RecordJSON.fields(from: row.fields)["state"]?.stringValue
            .flatMap(PublicationState.init(rawValue:))
        self.deleted = row.deleted
    }
}

extension StoreReader {
    /// The status of the issue `issueID`, or `nil` when the store has no such issue (read from its row each time;
    /// an SQLite transaction remembers it).
    func issueStatus(_ issueID: String) throws -> IssueStatus? {
        try entity(EntityKey(kind: .issue, id: issueID)).map(IssueStatus.init(row:))
    }
}
