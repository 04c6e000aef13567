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
        excluding excluded: Set<Int64> = [], _ store: any StoreReader
    ) throws -> LogPage {
        // One row past the count limit tells whether more follow; nothing beyond it is read.
        let rows = try store.logRows(
            since: since, bound: bound, kinds: filter?.entities?.map(\.rawValue), issues: filter?.issues,
            excluding: excluded.sorted(), limit: limits.maxChanges + 1)
        var page = PageBuilder(limits: limits)
        var more = false
        for row in rows {
            guard try page.add(json: CompactRecordChoice.text(of: row, for: puller)) else {
                more = true
                break
            }
        }
        let last = page.records.last?.seq ?? since
        return LogPage(records: page.records, bytes: page.bytes, more: more, toSeq: more ? last : max(bound, since))
    }
}
