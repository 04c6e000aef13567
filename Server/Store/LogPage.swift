import GRDB
import SyncProtocol

/// One page of the change log, answering part of a `pull`.
public struct LogPage: Sendable, Hashable {
    /// The records, in seq order.
    public var records: [ChangeRecord]
    /// Their JSON bytes, as counted against the page limit.
    public var bytes: Int
    /// Whether matching records remain after this page (up to the pull's bound).
    public var more: Bool
    /// The cursor to pull from next: the last record's seq when `more`, otherwise the pull's bound.
    public var toSeq: Int64
}

/// Reads log pages from the database, one bounded page per read.
enum LogPager {
    /// The page of records with `since < seq <= bound` that match `filter`, within `limits`.
    ///
    /// - Parameters:
    ///   - puller: for a pull that accepts text edits, the puller's client id: records are then sent in their
    ///     compact form where one exists (see ``CompactRecordChoice``).
    ///   - excluded: the seqs of quarantined records (``LogQuarantine``): never served, passed over like records
    ///     the filter leaves out.
    static func page(
        since: Int64, bound: Int64, limits: PageLimits, filter: PullFilter?, puller: String? = nil,
        excluding excluded: Set<Int64> = [], _ db: Database
    ) throws -> LogPage {
        var request = ChangeLogEntry
            .select(ChangeLogEntry.Columns.seq, ChangeLogEntry.Columns.record, ChangeLogEntry.Columns.clientID,
                    ChangeLogEntry.Columns.editRecord, ChangeLogEntry.Columns.authorRecord)
            .filter(ChangeLogEntry.Columns.seq > since && ChangeLogEntry.Columns.seq <= bound)
        if let kinds = filter?.entities {
            request = request.filter(kinds.map(\.rawValue).contains(ChangeLogEntry.Columns.entity))
        }
        if let issues = filter?.issues {
            request = request.filter(issues.contains(ChangeLogEntry.Columns.issueID))
        }
        if !excluded.isEmpty {
            request = request.filter(!excluded.sorted().contains(ChangeLogEntry.Columns.seq))
        }
        // One row past the count limit tells whether more follow; nothing beyond it is read.
        request = request.order(ChangeLogEntry.Columns.seq).limit(limits.maxChanges + 1)
        var page = PageBuilder(limits: limits)
        var more = false
        let rows = try Row.fetchCursor(db, request)
        while let row = try rows.next() {
            guard try page.add(json: CompactRecordChoice.text(of: row, for: puller)) else {
                more = true
                break
            }
        }
        let last = page.records.last?.seq ?? since
        return LogPage(records: page.records, bytes: page.bytes, more: more, toSeq: more ? last : max(bound, since))
    }
}
