import SyncProtocol

/// The entity rows one store access has read or written, by key (a cached `nil`: the row is known to be absent), and
/// the change ids it looked up.
///
/// A push looks up the same rows again and again: every article of an issue reads the issue's row for the access
/// policy and again for the late-edit rule. Inside one transaction a row changes only through
/// ``SQLiteReader/write(_:isNew:)``, which keeps the cache current.
final class EntityRowCache {
    /// The rows, by key.
    var rows: [EntityKey: StoredEntity?] = [:]
    /// The issues' statuses read from ``rows``, by issue id (a cached `nil`: no such issue).
    var issues: [String: IssueStatus?] = [:]
    /// The seqs of change ids read ahead for a push, and of those logged since (a cached `nil`: not logged); empty
    /// unless a push read ahead.
    var seqs: [String: Int64?] = [:]
}
