import Foundation
import GRDB
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
        from position: PublicationSnapshotPosition, limits: PageLimits, filter: PullFilter?, _ db: Database
    ) throws -> PublicationPage {
        if let kinds = filter?.entities, !kinds.contains(.publication) {
            return PublicationPage(records: [], bytes: 0, headSeq: position.headSeq, next: nil)
        }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let date = position.issueDate, let id = position.issueID {
            // A row value, not `sort_date < ? OR (…)`: with the OR, SQLite scans the index from the newest issue
            // every page (see SnapshotPager.nextIssue).
            conditions.append("(p.sort_date, p.issue_id) < (?, ?)")
            arguments += [date, id]
        }
        if let issues = filter?.issues {
            conditions.append("p.issue_id IN (\(databaseQuestionMarks(count: issues.count)))")
            arguments += StatementArguments(issues)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT p.sort_date, p.issue_id, c.record FROM publication AS p JOIN change_log AS c ON c.seq = p.seq
            \(whereClause) ORDER BY p.sort_date DESC, p.issue_id DESC LIMIT ?
            """
        arguments += [limits.maxChanges + 1]
        var page = PageBuilder(limits: limits)
        var last: (date: String, id: String)?
        var more = false
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            guard try page.add(json: row["record"]) else {
                more = true
                break
            }
            last = (row["sort_date"], row["issue_id"])
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
