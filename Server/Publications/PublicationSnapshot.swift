import Foundation
import SyncProtocol

/// Where a field office's snapshot stands between two pages: after which issue (newest first) it continues. Its
/// ``token`` is the opaque `resume` string of the pages.
public struct PublicationSnapshotPosition: ResumeTokenConvertible, Sendable, Hashable {
    /// The log head when the snapshot started.
    public var headSeq: Int64
    /// The `date` of the last issue sent.
    public var issueDate: String?
    /// The id of the last issue sent.
    public var issueID: String?

    /// The position at the start of a snapshot taken when the log head is `headSeq`.
    public static func start(headSeq: Int64) -> PublicationSnapshotPosition {
        PublicationSnapshotPosition(headSeq: headSeq, issueDate: nil, issueID: nil)
    }

    enum CodingKeys: String, CodingKey {
        case kind = "k"
        case headSeq = "h"
        case issueDate = "d"
        case issueID = "i"
    }

    private init(headSeq: Int64, issueDate: String?, issueID: String?) {
        self.headSeq = headSeq
        self.issueDate = issueDate
        self.issueID = issueID
    }

    /// Decodes a position; the `k` member marks tokens of publication snapshots.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard try container.decode(String.self, forKey: .kind) == "publications" else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "not ours")
        }
        headSeq = try container.decode(Int64.self, forKey: .headSeq)
        issueDate = try container.decodeIfPresent(String.self, forKey: .issueDate)
        issueID = try container.decodeIfPresent(String.self, forKey: .issueID)
    }

    /// Encodes the position.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("publications", forKey: .kind)
        try container.encode(headSeq, forKey: .headSeq)
        try container.encodeIfPresent(issueDate, forKey: .issueDate)
        try container.encodeIfPresent(issueID, forKey: .issueID)
    }
}

/// One page of a field office's snapshot: the latest publication records of some issues.
public typealias PublicationPage = ResumablePage<PublicationSnapshotPosition>

/// Builds the pages of a field office's snapshot: the latest publication record of every published or retracted
/// issue, newest issue first, with keyset queries (memory per page is bounded by the page limits).
enum PublicationPager {
    /// The page that starts at `position`.
    static func page(
        from position: PublicationSnapshotPosition, limits: PageLimits, filter: PullFilter?,
        _ store: any StoreReader
    ) throws -> PublicationPage {
        if let kinds = filter?.entities, !kinds.contains(.publication) {
            return PublicationPage(records: [], bytes: 0, headSeq: position.headSeq, next: nil)
        }
        var before: (date: String, id: String)?
        if let date = position.issueDate, let id = position.issueID { before = (date, id) }
        let rows = try store.publicationRecords(
            before: before, issues: filter?.issues, limit: limits.maxChanges + 1)
        var page = PageBuilder(limits: limits)
        var last: (date: String, id: String)?
        var more = false
        for row in rows {
            guard try page.add(json: row.record) else {
                more = true
                break
            }
            last = (row.date, row.id)
        }
        var next: PublicationSnapshotPosition?
        if more, let last {
            var position = position
            position.issueDate = last.date
            position.issueID = last.id
            next = position
        }
        return PublicationPage(records: page.records, bytes: page.bytes, headSeq: position.headSeq, next: next)
    }
}
