import BulletinCore
import Foundation
import SyncProtocol

/// Appends signed `publication` records to the change log, inside the transaction of the push that caused them.
///
/// After a batch, every issue it touched is looked at: if the issue is published or retracted and its canonical
/// content or state differs from its latest publication (or it has none yet), a new version is signed and logged.
/// So publishing makes version 1, a chief's correction of a published issue the next version, and a retraction a
/// last version with state `retracted`; a batch that changes an issue several times makes one version.
struct PublicationRecorder {
    /// The store, inside the push's write transaction.
    let store: any StoreTransaction
    /// The server's signing key.
    let key: PublicationSigningKey
    /// Who caused the publication (the pushing account), recorded as the record's author.
    let author: String
    /// The server's id, recorded as the record's client id.
    let serverID: String

    private let receivedAt = ServerClock.nowText()

    /// Creates a recorder for one transaction.
    init(store: any StoreTransaction, key: PublicationSigningKey, author: String, serverID: String) {
        self.store = store
        self.key = key
        self.author = author
        self.serverID = serverID
    }

    /// Logs a new publication version for each of `issues` whose published content or state changed, advancing
    /// `head`; returns the seq of the last record logged, or `nil` when none was.
    func record(issues: Set<String>, head: inout Int64) throws -> Int64? {
        var last: Int64?
        for issueID in issues.sorted() {
            if try record(issueID: issueID, head: &head) { last = head }
        }
        return last
    }

    private func record(issueID: String, head: inout Int64) throws -> Bool {
        guard let issue = try store.entity(EntityKey(kind: .issue, id: issueID)), !issue.deleted,
            let status = try AccessPolicy.state(of: issue).flatMap(Self.status(of:))
        else { return false }
        let content = try Self.content(of: issue, store).json
        let contentText = CanonicalJSON.string(CanonicalJSON.bytes(content))
        let latest = try store.publication(issueID: issueID)
        if let latest, latest.content == contentText, latest.state == status.rawValue { return false }
        let version = (latest?.version ?? 0) + 1
        let publication = try key.sign(issueID: issueID, content: content, version: version, status: status)
        head += 1
        let record = ChangeRecord(
            changeID: TimeOrderedID.make(), entity: .publication, entityID: issueID,
            op: latest == nil ? .create : .update, fields: publication.fields,
            hlc: HLCTimestamp(wallMillis: Int64((Date.now.timeIntervalSince1970 * 1000).rounded()), counter: 0),
            author: author, clientID: serverID, seq: head)
        try store.append(
            ChangeLogEntry(
                seq: head, changeID: record.changeID, entity: EntityKind.publication.rawValue, entityID: issueID,
                issueID: issueID, op: record.op.rawValue, record: RecordJSON.text(record),
                receivedAt: receivedAt))
        try store.save(
            PublicationRow(
                issueID: issueID, sortDate: issue.sortDate, version: version, state: status.rawValue, seq: head,
                content: contentText))
        return true
    }

    /// The state a publication of an issue in `state` announces, or `nil` when the issue is not released.
    private static func status(of state: PublicationState) -> PublicationStatus? {
        switch state {
        case .published: .published
        case .retracted: .retracted
        case .draft, .review, .approved: nil
        }
    }

    /// The canonical content of `issue`: its fields and its live sections and articles, without annotations.
    static func content(of issue: StoredEntity, _ store: any StoreReader) throws -> PublicationContent {
        func live(_ kind: EntityKind) throws -> [PublicationContent.Entity] {
            try store.liveEntities(issueID: issue.id, kind: kind)
                .map { PublicationContent.Entity(id: $0.id, fields: try $0.state().fields) }
        }
        return PublicationContent(
            issue: PublicationContent.Entity(id: issue.id, fields: try issue.state().fields),
            sections: try live(.section), articles: try live(.article))
    }
}
